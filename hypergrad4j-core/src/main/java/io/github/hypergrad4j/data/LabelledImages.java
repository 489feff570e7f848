package io.github.hypergrad4j.data;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Images and their labels as stored (one unsigned byte per pixel): the pool that subsets are drawn from.
 * Kept as bytes because a pool can be large (60,000 MNIST images are 47 MB as bytes, 376 MB as doubles);
 * {@link #select(int[])} turns the rows actually used into a {@link Dataset} of doubles. Immutable.
 */
public final class LabelledImages {
    /** MNIST and Fashion-MNIST have ten classes. */
    public static final int DEFAULT_CLASSES = 10;

    /** value / 255.0 for every byte value: exactly the same doubles as dividing, without a division per pixel. */
    private static final double[] SCALED = new double[256];

    static {
        for (int v = 0; v < 256; v++) {
            SCALED[v] = v / 255.0;
        }
    }

    private final String description;
    private final byte[] pixels;
    private final byte[] labels;
    private final int height;
    private final int width;
    private final int classes;

    private LabelledImages(String description, byte[] pixels, byte[] labels, int height, int width, int classes) {
        this.description = description;
        this.pixels = pixels;
        this.labels = labels;
        this.height = height;
        this.width = width;
        this.classes = classes;
    }

    /**
     * Reads an images file and a labels file with labels in 0..9; see {@link #read(Path, Path, int)}.
     *
     * @param images the IDX images file, raw or gzipped
     * @param labels its IDX labels file
     * @return the images and labels
     * @throws IOException if a file cannot be read, is broken, or a label is out of range
     */
    public static LabelledImages read(Path images, Path labels) throws IOException {
        return read(images, labels, DEFAULT_CLASSES);
    }

    /**
     * Reads an IDX images file (unsigned bytes, count x rows x columns) and its IDX labels file (unsigned bytes,
     * count), raw or gzipped.
     *
     * @param classes labels must lie in 0..classes-1
     * @throws IdxFormatException if either file is broken, the counts differ, or a label is out of range
     * @param images the IDX images file (unsigned bytes, count x rows x columns)
     * @param labels its labels file (unsigned bytes, count)
     * @return the images and labels
     */
    public static LabelledImages read(Path images, Path labels, int classes) throws IOException {
        if (classes < 1 || classes > 256) {
            throw new IllegalArgumentException("classes must be in 1..256 (labels are bytes), got " + classes);
        }
        IdxFile img = IdxReader.read(images).require(IdxType.UNSIGNED_BYTE, 3, "images");
        IdxFile lab = IdxReader.read(labels).require(IdxType.UNSIGNED_BYTE, 1, "labels");
        if (img.dim(0) != lab.dim(0)) {
            throw new IdxFormatException(labels, "holds " + lab.dim(0) + " labels but the images file " + images
                    + " holds " + img.dim(0) + " images",
                    "pass the labels file that belongs to these images (train-* with train-*, t10k-* with t10k-*)");
        }
        byte[] l = lab.data();
        checkLabels(labels, l, classes);
        return new LabelledImages(images.toAbsolutePath() + " with " + labels.getFileName(), img.data(), l,
                img.dim(1), img.dim(2), classes);
    }

    /**
     * Reads only the listed images of an images file (and all labels, to check them), so that memory is
     * needed for those alone however large the file; otherwise as {@link #read(Path, Path, int)}.
     *
     * @param images the IDX images file (unsigned bytes, count x rows x columns), raw or gzipped
     * @param labels its labels file (unsigned bytes, count)
     * @param classes labels must lie in 0..classes-1, with classes in 1..256
     * @param rows image indices in strictly increasing order; the result holds these images in this order
     * @return the chosen images with their labels
     * @throws IOException if a file cannot be read, is broken, the counts differ, a label is out of range
     *     or a row lies beyond the file
     */
    public static LabelledImages readRows(Path images, Path labels, int classes, int[] rows) throws IOException {
        return readRows(images, labels, classes, rows, null);
    }

    /**
     * As {@link #readRows(Path, Path, int, int[])}, adding each pixel's raw value over all images of the file
     * (read or not) into {@code pixelSums} (one per pixel, or null): the pool's mean image without the pool.
     *
     * @param images the IDX images file (unsigned bytes, count x rows x columns), raw or gzipped
     * @param labels its labels file (unsigned bytes, count)
     * @param classes labels must lie in 0..classes-1, with classes in 1..256
     * @param rows image indices in strictly increasing order; the result holds these images in this order
     * @param pixelSums rows x columns sums, each increased by that pixel's raw value (0..255) in every
     *     image of the file (pass them to {@link #meanOf(long[], int)}), or null for no sums
     * @return the chosen images with their labels
     * @throws IOException if a file cannot be read, is broken, the counts differ, a label is out of range
     *     or a row lies beyond the file
     */
    public static LabelledImages readRows(Path images, Path labels, int classes, int[] rows, long[] pixelSums)
            throws IOException {
        if (classes < 1 || classes > 256) {
            throw new IllegalArgumentException("classes must be in 1..256 (labels are bytes), got " + classes);
        }
        count(images, labels);
        IdxFile lab = IdxReader.read(labels).require(IdxType.UNSIGNED_BYTE, 1, "labels");
        byte[] all = lab.data();
        checkLabels(labels, all, classes);
        IdxFile img = IdxReader.readRows(images, rows, pixelSums).require(IdxType.UNSIGNED_BYTE, 3, "images");
        byte[] l = new byte[rows.length];
        for (int i = 0; i < rows.length; i++) {
            l[i] = all[rows[i]];
        }
        return new LabelledImages(images.toAbsolutePath() + " with " + labels.getFileName(), img.data(), l,
                img.dim(1), img.dim(2), classes);
    }

    /**
     * The number of images in a pair of files, from their headers alone.
     *
     * @param images the IDX images file, raw or gzipped
     * @param labels its labels file
     * @return the number of images, which is also the number of labels
     * @throws IdxFormatException if a header is broken or the two files hold different counts
     * @throws IOException if a file cannot be read
     */
    public static int count(Path images, Path labels) throws IOException {
        int count = IdxReader.dimensions(images)[0];
        int labelCount = IdxReader.dimensions(labels)[0];
        if (count != labelCount) {
            throw new IdxFormatException(labels, "holds " + labelCount + " labels but the images file " + images
                    + " holds " + count + " images",
                    "pass the labels file that belongs to these images (train-* with train-*, t10k-* with t10k-*)");
        }
        return count;
    }

    private static void checkLabels(Path labels, byte[] l, int classes) throws IdxFormatException {
        for (int i = 0; i < l.length; i++) {
            if ((l[i] & 0xff) >= classes) {
                throw new IdxFormatException(labels, "holds label " + (l[i] & 0xff) + " at index " + i
                        + ", outside 0.." + (classes - 1),
                        "check that this is a labels file for a " + classes + "-class dataset");
            }
        }
    }

    /**
     * Images from memory, e.g. synthetic data for tests. Copies its arguments.
     *
     * @param pixels count x height x width bytes, row-major, read as unsigned
     * @param labels count labels in 0..classes-1
     * @param description where they come from, for messages
     * @param height image rows
     * @param width image columns
     * @param classes the number of classes
     * @return the pool
     */
    public static LabelledImages of(String description, byte[] pixels, byte[] labels, int height, int width,
                                    int classes) {
        if (height < 1 || width < 1 || classes < 1 || classes > 256) {
            throw new IllegalArgumentException("need height, width >= 1 and classes in 1..256, got " + height
                    + ", " + width + ", " + classes);
        }
        if ((long) labels.length * height * width != pixels.length) {
            throw new IllegalArgumentException(labels.length + " labels need " + (long) labels.length * height
                    * width + " pixels of " + height + " x " + width + ", got " + pixels.length);
        }
        for (int i = 0; i < labels.length; i++) {
            if ((labels[i] & 0xff) >= classes) {
                throw new IllegalArgumentException("label " + (labels[i] & 0xff) + " at index " + i
                        + " is outside 0.." + (classes - 1));
            }
        }
        return new LabelledImages(description, pixels.clone(), labels.clone(), height, width, classes);
    }

    /**
     * The same images under another description (arrays shared, nothing copied).
     *
     * @param newDescription the new description
     * @return a new object over the same arrays
     */
    public LabelledImages withDescription(String newDescription) {
        return new LabelledImages(newDescription, pixels, labels, height, width, classes);
    }

    /**
     * Where the images come from, for messages and experiment records.
     *
     * @return the description
     */
    public String description() {
        return description;
    }

    /**
     * The number of images.
     *
     * @return the count
     */
    public int size() {
        return labels.length;
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
     * Pixels per image.
     *
     * @return height x width
     */
    public int pixelsPerImage() {
        return height * width;
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
     * One image's label.
     *
     * @param index the image
     * @return its class
     */
    public int label(int index) {
        return labels[index] & 0xff;
    }

    /**
     * The raw value 0..255 of one pixel.
     *
     * @param index the image
     * @param position the pixel, row-major within the image
     * @return 0..255
     */
    public int pixel(int index, int position) {
        return pixels[index * pixelsPerImage() + position] & 0xff;
    }

    /**
     * How many images each class has, indexed by label.
     *
     * @return a new array of {@link #classes()} counts
     */
    public int[] labelCounts() {
        int[] counts = new int[classes];
        for (byte b : labels) {
            counts[b & 0xff]++;
        }
        return counts;
    }

    /**
     * The given images, in the given order, as a dataset with pixels scaled from 0..255 to [0, 1].
     *
     * @param indices rows of this pool; repeats are allowed
     * @return a new dataset
     */
    public Dataset select(int[] indices) {
        int p = pixelsPerImage();
        double[] out = new double[Math.multiplyExact(indices.length, p)];
        int[] outLabels = new int[indices.length];
        for (int r = 0; r < indices.length; r++) {
            int i = indices[r];
            if (i < 0 || i >= size()) {
                throw new IndexOutOfBoundsException("index " + i + " outside the pool of " + size() + " images");
            }
            int from = i * p;
            int to = r * p;
            for (int k = 0; k < p; k++) {
                out[to + k] = SCALED[pixels[from + k] & 0xff];
            }
            outLabels[r] = labels[i] & 0xff;
        }
        return Dataset.wrap(out, outLabels, height, width, classes);
    }

    /**
     * The mean of each pixel over the whole pool, scaled to [0, 1] like {@link #select(int[])}'s values: a
     * fresh array of {@link #pixelsPerImage()} values. Summed exactly as integers, so it does not depend on
     * the order of the images.
     *
     * @throws IllegalStateException for an empty pool, which has no mean
     * @return the mean of each pixel over all images, scaled to [0, 1], a new array
     */
    public double[] meanImage() {
        if (size() == 0) {
            throw new IllegalStateException("an empty pool has no mean image");
        }
        int p = pixelsPerImage();
        long[] sums = new long[p];
        for (int i = 0; i < size(); i++) {
            int from = i * p;
            for (int k = 0; k < p; k++) {
                sums[k] += pixels[from + k] & 0xff;
            }
        }
        return meanOf(sums, size());
    }

    /**
     * The mean image from per-pixel sums of raw values over {@code count} images, scaled to [0, 1]: the one
     * formula of {@link #meanImage()} and of a mean added up while reading a file.
     *
     * @param sums one sum of raw pixel values (0..255 each) per pixel
     * @param count the number of images added up, at least 1
     * @return the mean of each pixel, sums[k] / (255 count), in [0, 1]
     * @throws IllegalStateException if {@code count} is not positive
     */
    public static double[] meanOf(long[] sums, int count) {
        if (count <= 0) {
            throw new IllegalStateException("an empty pool has no mean image");
        }
        double[] mean = new double[sums.length];
        for (int k = 0; k < sums.length; k++) {
            mean[k] = sums[k] / (255.0 * count);
        }
        return mean;
    }

    /**
     * Every image, in file order, scaled to [0, 1].
     *
     * @return a new dataset of {@link #size()} rows
     */
    public Dataset all() {
        int[] idx = new int[size()];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        return select(idx);
    }

    @Override
    public String toString() {
        return "LabelledImages[" + size() + " x " + height + "x" + width + ", " + classes + " classes, "
                + description + "]";
    }
}
