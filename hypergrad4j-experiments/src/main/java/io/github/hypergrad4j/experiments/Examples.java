package io.github.hypergrad4j.experiments;

import io.github.hypergrad4j.data.Dataset;
import io.github.hypergrad4j.tensor.Tensor;

/**
 * A labelled set in the form the model's losses read: images (n x features), one-hot targets
 * (n x classes) and the labels. Built once per run; the tensors are never modified.
 *
 * @param images n x features pixels
 * @param oneHot n x classes targets
 * @param labels n labels
 * @param height image height in pixels
 * @param width image width in pixels
 */
public record Examples(Tensor images, Tensor oneHot, int[] labels, int height, int width) {

    /** The training, validation and test examples of loaded data, each converted once. */
    public record Splits(Examples train, Examples validation, Examples test) {
        public static Splits of(LoadedData data) {
            return new Splits(Examples.of(data.splits().train()), Examples.of(data.splits().validation()),
                    Examples.of(data.splits().test()));
        }
    }

    public static Examples of(Dataset d) {
        return new Examples(d.images(), d.oneHotTensor(), d.labels(), d.height(), d.width());
    }

    public int size() {
        return labels.length;
    }

    /** Root mean square of the pixels: the data's scale. */
    public double rms() {
        return Classification.rms(images.data());
    }
}
