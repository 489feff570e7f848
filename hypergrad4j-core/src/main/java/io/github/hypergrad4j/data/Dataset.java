package io.github.hypergrad4j.data;

import io.github.hypergrad4j.tensor.Tensor;
import java.util.Arrays;

/**
 * Labelled examples ready for a model: {@code size() x features()} pixels as doubles, row-major, and one
 * label per row. Immutable: every accessor that hands out an array hands out a copy, and every
 * transformation ({@link #rows}, {@link #subtractMean}) returns a new dataset.
 */
public final class Dataset {
    private final double[] pixels;
    private final int[] labels;
    private final int height;
    private final int width;
    private final int classes;

    private Dataset(double[] pixels, int[] labels, int height, int width, int classes) {
        this.pixels = pixels;
        this.labels = labels;
        this.height = height;
        this.width = width;
        this.classes = classes;
    }

    /**
     * A dataset over copies of the given arrays.
     *
     * @param pixels labels.length x (height * width) values, row-major
     * @param labels one label per row, each in 0..classes-1
     * @param height image rows
     * @param width image columns
     * @param classes the number of classes
     * @return the dataset
     */
    public static Dataset of(double[] pixels, int[] labels, int height, int width, int classes) {
        if (height < 1 || width < 1 || classes < 1) {
            throw new IllegalArgumentException("need height, width, classes >= 1, got " + height + ", " + width
                    + ", " + classes);
        }
        if ((long) labels.length * height * width != pixels.length) {
            throw new IllegalArgumentException(labels.length + " rows of " + height + " x " + width + " need "
                    + (long) labels.length * height * width + " pixels, got " + pixels.length);
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException("label " + labels[i] + " at row " + i + " is outside 0.."
                        + (classes - 1));
            }
        }
        return wrap(pixels.clone(), labels.clone(), height, width, classes);
    }

    /** No copies, no checks: for callers in this package that built the arrays themselves. */
    static Dataset wrap(double[] pixels, int[] labels, int height, int width, int classes) {
        return new Dataset(pixels, labels, height, width, classes);
    }

    /**
     * Number of examples (rows).
     *
     * @return the number of rows
     */
    public int size() {
        return labels.length;
    }

    /**
     * Values per example: height x width.
     *
     * @return the number of columns of {@link #images()}
     */
    public int features() {
        return height * width;
    }

    /**
     * Image height in pixels.
     *
     * @return rows per image
     */
    public int height() {
        return height;
    }

    /**
     * Image width in pixels.
     *
     * @return columns per image
     */
    public int width() {
        return width;
    }

    /**
     * The number of classes labels range over.
     *
     * @return labels lie in 0..classes()-1
     */
    public int classes() {
        return classes;
    }

    /**
     * One example's label.
     *
     * @param row the example
     * @return its class, in 0..classes()-1
     */
    public int label(int row) {
        return labels[row];
    }

    /**
     * One value of one example.
     *
     * @param row the example
     * @param feature the pixel, row-major within the image
     * @return its value
     */
    public double pixel(int row, int feature) {
        if (feature < 0 || feature >= features()) {
            throw new IndexOutOfBoundsException("feature " + feature + " outside 0.." + (features() - 1));
        }
        return pixels[row * features() + feature];
    }

    /**
     * A copy of all pixels, size() x features(), row-major.
     *
     * @return a new array
     */
    public double[] pixels() {
        return pixels.clone();
    }

    /**
     * A copy of the labels.
     *
     * @return a new array
     */
    public int[] labels() {
        return labels.clone();
    }

    /**
     * The pixels as a size() x features() tensor over a fresh copy.
     *
     * @return a new tensor
     */
    public Tensor images() {
        return Tensor.of(pixels(), size(), features());
    }

    /**
     * Labels as one-hot rows, size() x classes(), a fresh array.
     *
     * @return a new array
     */
    public double[] oneHot() {
        double[] out = new double[size() * classes];
        for (int i = 0; i < labels.length; i++) {
            out[i * classes + labels[i]] = 1.0;
        }
        return out;
    }

    /**
     * {@link #oneHot()} as a size() x classes() tensor.
     *
     * @return a new tensor
     */
    public Tensor oneHotTensor() {
        return Tensor.of(oneHot(), size(), classes);
    }

    /**
     * The given rows, in the given order (e.g. one minibatch).
     *
     * @param indices rows of this dataset; repeats are allowed
     * @return a new dataset
     */
    public Dataset rows(int[] indices) {
        int f = features();
        double[] out = new double[Math.multiplyExact(indices.length, f)];
        int[] outLabels = new int[indices.length];
        for (int r = 0; r < indices.length; r++) {
            int i = indices[r];
            if (i < 0 || i >= size()) {
                throw new IndexOutOfBoundsException("row " + i + " outside a dataset of " + size() + " rows");
            }
            System.arraycopy(pixels, i * f, out, r * f, f);
            outLabels[r] = labels[i];
        }
        return new Dataset(out, outLabels, height, width, classes);
    }

    /**
     * The mean of each feature over all rows, a fresh array of features() values. Summed in row order, so
     * the result is the same on every run.
     *
     * @throws IllegalStateException for an empty dataset, which has no mean
     * @return the mean of each pixel over all rows, a new array
     */
    public double[] meanImage() {
        if (size() == 0) {
            throw new IllegalStateException("an empty dataset has no mean image; draw at least one example");
        }
        int f = features();
        double[] mean = new double[f];
        for (int r = 0; r < size(); r++) {
            for (int k = 0; k < f; k++) {
                mean[k] += pixels[r * f + k];
            }
        }
        for (int k = 0; k < f; k++) {
            mean[k] /= size();
        }
        return mean;
    }

    /**
     * A new dataset with {@code mean} subtracted from every row; this dataset and {@code mean} are not
     * modified. Pass the training set's {@link #meanImage()} to every split, so that no information flows from
     * validation or test data into training.
     *
     * @param mean one value per feature
     * @return a new dataset
     */
    public Dataset subtractMean(double[] mean) {
        int f = features();
        if (mean.length != f) {
            throw new IllegalArgumentException("mean has " + mean.length + " values, rows have " + f);
        }
        double[] out = new double[pixels.length];
        for (int r = 0; r < size(); r++) {
            for (int k = 0; k < f; k++) {
                out[r * f + k] = pixels[r * f + k] - mean[k];
            }
        }
        return new Dataset(out, labels, height, width, classes);
    }

    /**
     * How many rows each class has, indexed by label.
     *
     * @return a new array of {@link #classes()} counts
     */
    public int[] labelCounts() {
        int[] counts = new int[classes];
        for (int l : labels) {
            counts[l]++;
        }
        return counts;
    }

    @Override
    public String toString() {
        return "Dataset[" + size() + " x " + height + "x" + width + ", " + classes + " classes, label counts "
                + Arrays.toString(labelCounts()) + "]";
    }
}
