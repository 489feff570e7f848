package io.github.hypergrad4j.data;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * A serialisable description of the data a run uses: where it comes from and how it is split. A
 * worker that receives a spec loads the same subsets as the process that wrote it.
 *
 * @param source a dataset name ({@code mnist}, {@code fashion-mnist}), a directory holding IDX
 *     files, or {@value #SYNTHETIC} for seeded random images of MNIST's shape (tests, benchmarks)
 * @param sizes train, validation and test sizes
 * @param splitSeed the seed of the subset draw
 * @serial exclude (the serial form of a record is its components, documented above)
 */
public record DatasetSpec(String source, SplitSizes sizes, long splitSeed) implements Serializable {
    /** The source name of synthetic data. */
    public static final String SYNTHETIC = "synthetic";

    /**
     * Locates (never downloads) and splits the data.
     *
     * @return the three subsets
     * @throws IOException if the data cannot be found or read
     */
    public DataSplits load() throws IOException {
        if (SYNTHETIC.equals(source)) {
            return DataSplits.draw(synthetic(Math.toIntExact(sizes.total()), splitSeed), sizes, splitSeed);
        }
        DatasetLocator locator = DatasetLocator.forUser();
        DatasetName name;
        try {
            name = DatasetName.parse(source);
        } catch (IllegalArgumentException notAName) {
            locator = locator.withExplicitDirectory(Path.of(source));
            name = DatasetName.MNIST;
        }
        return DataSplits.draw(locator.locate(name), sizes, splitSeed);
    }

    /** n random 28 x 28 images with random labels 0..9, from a seed. */
    static LabelledImages synthetic(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        byte[] pixels = new byte[n * 784];
        byte[] labels = new byte[n];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) r.nextInt(256);
        }
        for (int i = 0; i < n; i++) {
            labels[i] = (byte) r.nextInt(10);
        }
        return LabelledImages.of("synthetic images (seed " + seed + ")", pixels, labels, 28, 28, 10);
    }
}
