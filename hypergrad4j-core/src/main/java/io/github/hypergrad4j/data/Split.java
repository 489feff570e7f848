package io.github.hypergrad4j.data;

/** The official splits of an MNIST-style dataset and the names of their files. */
public enum Split {
    TRAIN("train"),
    TEST("t10k");

    private final String prefix;

    Split(String prefix) {
        this.prefix = prefix;
    }

    /** The gzipped images file as distributed, e.g. {@code train-images-idx3-ubyte.gz}. */
    public String imagesFile() {
        return prefix + "-images-idx3-ubyte.gz";
    }

    /** The gzipped labels file as distributed, e.g. {@code train-labels-idx1-ubyte.gz}. */
    public String labelsFile() {
        return prefix + "-labels-idx1-ubyte.gz";
    }
}
