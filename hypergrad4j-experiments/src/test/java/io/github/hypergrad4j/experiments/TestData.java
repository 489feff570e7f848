package io.github.hypergrad4j.experiments;

import io.github.hypergrad4j.data.SplitSizes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.Assumptions;

/**
 * Data for the experiment tests: whatever {@code --data auto} finds on this machine without downloading
 * (MNIST's test set beside the project root, or Debian's Fashion-MNIST). Tests skip, saying why, when
 * there is none; they never download.
 */
public final class TestData {
    private TestData() {}

    /** The checkout's root: the nearest directory above the working directory holding .mvn. */
    public static Path projectRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve(".mvn"))) {
                return p;
            }
        }
        return null;
    }

    /** The offline auto source, or a skipped test if it cannot provide {@code sizes}. */
    public static DataSource availableOrSkip(SplitSizes sizes) {
        DataSource source = DataSource.parse("auto", projectRoot()).withoutDownload();
        try {
            source.load(sizes, 0);
        } catch (IOException | ConfigException e) {
            String reason = "SKIPPED: no local MNIST or Fashion-MNIST with " + sizes.total() + " examples (put MNIST in"
                    + " ../shared/data/mnist or install dataset-fashion-mnist): " + e.getMessage();
            System.out.println(reason);
            Assumptions.abort(reason);
        }
        return source;
    }

    /** Runs an experiment quietly into {@code out}. */
    public static ExperimentRunner.Outcome run(Experiment e, Path out, long seed, DataSource data) throws IOException {
        Consumer<String> silent = message -> { };
        return ExperimentRunner.run(e, new ExperimentRunner.Settings(seed, false, data, out, Progress.NONE, silent,
                "test"));
    }
}
