package io.github.hypergrad4j.data;

import io.github.hypergrad4j.tensor.Tensor;

/**
 * The tensor view of a labelled set, in the form the models' losses read: images (n x features), one-hot
 * targets (n x classes) and the labels. Built once per run; the tensors are never modified.
 *
 * @param images n x features pixels
 * @param oneHot n x classes targets
 * @param labels n labels
 * @param height image height in pixels
 * @param width image width in pixels
 */
public record Examples(Tensor images, Tensor oneHot, int[] labels, int height, int width) {

    /** The training, validation and test examples of drawn splits, each converted once. */
    public record Splits(Examples train, Examples validation, Examples test) {
        /** Converts the three subsets of {@code splits}. */
        public static Splits of(DataSplits splits) {
            return new Splits(Examples.of(splits.train()), Examples.of(splits.validation()),
                    Examples.of(splits.test()));
        }
    }

    /** The tensor view of {@code d}. */
    public static Examples of(Dataset d) {
        return new Examples(d.images(), d.oneHotTensor(), d.labels(), d.height(), d.width());
    }

    /** Number of examples. */
    public int size() {
        return labels.length;
    }

    /** Root mean square of the pixels: the data's scale. */
    public double rms() {
        return rms(images.data());
    }

    /** Root mean square of {@code x}; 0 for an empty array. */
    public static double rms(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v * v;
        }
        return x.length == 0 ? 0 : Math.sqrt(s / x.length);
    }
}
