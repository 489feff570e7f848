package io.github.hypergrad4j.data;

/** The official splits of an MNIST-style dataset and the names of their files. */
public enum Split {
    /** The training split ({@code train-*} files). */
    TRAIN("train"),
    /** The test split ({@code t10k-*} files). */
    TEST("t10k");

    private final String prefix;

    Split(String prefix) {
        this.prefix = prefix;
    }

    /**
     * The gzipped images file as distributed, e.g. {@code train-images-idx3-ubyte.gz}.
     *
     * @return the file name
     */
    public String imagesFile() {
        return prefix + "-images-idx3-ubyte.gz";
    }

    /**
     * The gzipped labels file as distributed, e.g. {@code train-labels-idx1-ubyte.gz}.
     *
     * @return the file name
     */
    public String labelsFile() {
        return prefix + "-labels-idx1-ubyte.gz";
    }
}
