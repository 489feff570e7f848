package io.github.hypergrad4j.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The datasets this library knows by name: where they live and how downloads of them are verified. */
public enum DatasetName {
    /**
     * Handwritten digits. SHA-256 of the four gzipped files as published: the two t10k values were computed
     * from a local copy whose MD5s match the published ones (9fb629c4..., ec29112d...); the two train values
     * are the ones listed by pytorch/vision (torchvision/prototype/datasets/_builtin/mnist.py) and
     * tensorflow/haskell (tensorflow-mnist-input-data/Setup.hs), which agree with each other and give the
     * same t10k values as our local copy.
     */
    MNIST("MNIST", "mnist", null, Map.of(
            "train-images-idx3-ubyte.gz", "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609",
            "train-labels-idx1-ubyte.gz", "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c",
            "t10k-images-idx3-ubyte.gz", "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6",
            "t10k-labels-idx1-ubyte.gz", "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6")),

    /**
     * Zalando's clothing images, same format. Not downloaded: it comes from Debian's
     * {@code dataset-fashion-mnist}, whose gzip files are recompressed (their SHA-256 differ from upstream's),
     * so no published checksum would apply to them.
     */
    FASHION_MNIST("Fashion-MNIST", "fashion-mnist", Path.of("/usr/share/datasets/fashion-mnist"), Map.of());

    private final String displayName;
    private final String directoryName;
    private final Path systemDirectory;
    private final Map<String, String> sha256;

    DatasetName(String displayName, String directoryName, Path systemDirectory, Map<String, String> sha256) {
        this.displayName = displayName;
        this.directoryName = directoryName;
        this.systemDirectory = systemDirectory;
        this.sha256 = sha256;
    }

    /**
     * The name people write, e.g. "Fashion-MNIST".
     *
     * @return the display name
     */
    public String displayName() {
        return displayName;
    }

    /**
     * The directory name under a data root or the cache, e.g. "fashion-mnist".
     *
     * @return the directory name
     */
    public String directoryName() {
        return directoryName;
    }

    /**
     * Where a system package installs the files, if one does.
     *
     * @return the directory, or empty
     */
    public Optional<Path> systemDirectory() {
        return Optional.ofNullable(systemDirectory);
    }

    /**
     * Number of classes: 10 for both.
     *
     * @return the number of classes
     */
    public int classes() {
        return 10;
    }

    /**
     * The four distributed files: train images, train labels, test images, test labels.
     *
     * @return the four file names, gzipped
     */
    public List<String> fileNames() {
        return List.of(Split.TRAIN.imagesFile(), Split.TRAIN.labelsFile(), Split.TEST.imagesFile(),
                Split.TEST.labelsFile());
    }

    /**
     * The SHA-256 (lower-case hex) a download of this file must have; empty if this dataset is not
     * downloaded.
     *
     * @param fileName one of {@link #fileNames()}
     * @return its checksum, or empty
     */
    public Optional<String> sha256(String fileName) {
        return Optional.ofNullable(sha256.get(fileName));
    }

    /**
     * Whether {@link MnistDownloader} can fetch this dataset.
     *
     * @return true for MNIST
     */
    public boolean downloadable() {
        return !sha256.isEmpty();
    }

    /**
     * Parses "mnist", "MNIST", "fashion-mnist", "fashion_mnist", "Fashion-MNIST".
     *
     * @param text the name in any of those spellings
     * @return the dataset
     * @throws IllegalArgumentException for any other text, listing the names
     */
    public static DatasetName parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (DatasetName n : values()) {
            if (n.directoryName.equals(t)) {
                return n;
            }
        }
        throw new IllegalArgumentException("unknown dataset '" + text + "'; known: mnist, fashion-mnist (or give"
                + " an images file and a labels file)");
    }

    @Override
    public String toString() {
        return displayName;
    }
}
