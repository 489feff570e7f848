package io.github.hypergrad4j.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * Where the tests find real data, and how they skip (loudly) when it is absent.
 *
 * <ul>
 *   <li>MNIST's test set: system property {@value #MNIST_PROPERTY}, else environment variable
 *       {@value #MNIST_ENV}, else {@code ../shared/data/mnist} relative to the project root (the directory
 *       holding {@code .mvn}, found by walking up from the working directory).</li>
 *   <li>Fashion-MNIST: system property {@value #FASHION_PROPERTY}, else environment variable
 *       {@value #FASHION_ENV}, else Debian's {@code /usr/share/datasets/fashion-mnist}.</li>
 * </ul>
 */
public final class RealData {
    static final String MNIST_PROPERTY = "hypergrad4j.test.mnist.dir";
    static final String MNIST_ENV = "HYPERGRAD4J_TEST_MNIST_DIR";
    static final String FASHION_PROPERTY = "hypergrad4j.test.fashion.dir";
    static final String FASHION_ENV = "HYPERGRAD4J_TEST_FASHION_DIR";

    private RealData() {
    }

    /** The directory with MNIST's t10k files, or a skipped test saying why there is none. */
    public static Path mnistTestSetOrSkip() {
        Optional<Path> configured = configured(MNIST_PROPERTY, MNIST_ENV);
        Path dir = configured.orElseGet(() -> projectRoot().map(r -> r.resolve("../shared/data/mnist").normalize())
                .orElse(null));
        String how = configured.isPresent() ? "(from " + MNIST_PROPERTY + " / " + MNIST_ENV + ")"
                : "(../shared/data/mnist beside the project root; set " + MNIST_PROPERTY + " or " + MNIST_ENV
                        + " to point elsewhere)";
        return requireFiles("MNIST test set", dir, how, Split.TEST.imagesFile(), Split.TEST.labelsFile());
    }

    /** Debian's Fashion-MNIST directory with all four files, or a skipped test saying why there is none. */
    public static Path fashionMnistOrSkip() {
        Path dir = configured(FASHION_PROPERTY, FASHION_ENV)
                .orElse(DatasetName.FASHION_MNIST.systemDirectory().orElseThrow());
        return requireFiles("Fashion-MNIST", dir, "(install with: apt-get install dataset-fashion-mnist, or set "
                        + FASHION_PROPERTY + ")", Split.TRAIN.imagesFile(), Split.TRAIN.labelsFile(),
                Split.TEST.imagesFile(), Split.TEST.labelsFile());
    }

    /**
     * The 10,000 test images of MNIST, else those of Fashion-MNIST (for tests that need real images of
     * either kind), or a skipped test saying why neither is there.
     */
    public static LabelledImages mnistElseFashionTestImagesOrSkip() throws java.io.IOException {
        Optional<Path> configured = configured(MNIST_PROPERTY, MNIST_ENV);
        Path mnist = configured.orElseGet(() -> projectRoot().map(r -> r.resolve("../shared/data/mnist").normalize())
                .orElse(null));
        String mnistMissing = missing(mnist, Split.TEST.imagesFile(), Split.TEST.labelsFile());
        if (mnistMissing == null) {
            return DatasetFiles.scan(mnist, DatasetName.MNIST, "shared").read(Split.TEST);
        }
        Path fashion = configured(FASHION_PROPERTY, FASHION_ENV).orElse(DatasetName.FASHION_MNIST.systemDirectory().orElseThrow());
        String fashionMissing = missing(fashion, Split.TEST.imagesFile(), Split.TEST.labelsFile());
        if (fashionMissing == null) {
            System.out.println("MNIST is absent (" + mnistMissing + "): using Fashion-MNIST's test images from " + fashion);
            return DatasetFiles.scan(fashion, DatasetName.FASHION_MNIST, "system").read(Split.TEST);
        }
        String message = "SKIPPED: needs MNIST's or Fashion-MNIST's test images: " + mnistMissing + "; " + fashionMissing
                + " (set " + MNIST_PROPERTY + " or " + FASHION_PROPERTY + ")";
        System.out.println(message);
        Assumptions.abort(message);
        throw new IllegalStateException("unreachable");
    }

    private static String missing(Path dir, String... files) {
        if (dir == null) {
            return "no project root (directory with .mvn) above " + Path.of("").toAbsolutePath();
        }
        for (String f : files) {
            if (!Files.isRegularFile(dir.resolve(f))) {
                return dir.resolve(f) + " is missing";
            }
        }
        return null;
    }

    private static Optional<Path> configured(String property, String env) {
        String v = System.getProperty(property);
        if (v == null || v.isBlank()) {
            v = System.getenv(env);
        }
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(Path.of(v));
    }

    private static Optional<Path> projectRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve(".mvn"))) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    private static Path requireFiles(String what, Path dir, String how, String... files) {
        String reason = null;
        if (dir == null) {
            reason = "no project root (directory with .mvn) above " + Path.of("").toAbsolutePath();
        } else {
            for (String f : files) {
                if (!Files.isRegularFile(dir.resolve(f))) {
                    reason = dir.resolve(f) + " is missing";
                    break;
                }
            }
        }
        if (reason != null) {
            String message = "SKIPPED: needs the " + what + ": " + reason + " " + how;
            System.out.println(message);
            Assumptions.abort(message);
        }
        return dir;
    }
}
