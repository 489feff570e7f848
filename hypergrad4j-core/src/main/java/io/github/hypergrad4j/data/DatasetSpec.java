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
 * @param centring whether the subsets are centred on the pool's mean image
 * @serial exclude (the serial form of a record is its components, documented above)
 */
public record DatasetSpec(String source, SplitSizes sizes, long splitSeed, Centring centring) implements Serializable {
    /** The source name of synthetic data. */
    public static final String SYNTHETIC = "synthetic";

    /**
     * Checks the components.
     *
     * @param source a dataset name, a directory of IDX files, or {@value #SYNTHETIC}
     * @param sizes train, validation and test sizes
     * @param splitSeed the seed of the subset draw
     * @param centring whether the subsets are centred on the pool's mean image
     */
    public DatasetSpec {
        if (centring == null) {
            throw new IllegalArgumentException("a dataset spec needs a centring (Centring.NONE for pixels as stored)");
        }
    }

    /**
     * A spec of subsets with pixels as stored ({@link Centring#NONE}).
     *
     * @param source a dataset name, a directory of IDX files, or {@value #SYNTHETIC}
     * @param sizes train, validation and test sizes
     * @param splitSeed the seed of the subset draw
     */
    public DatasetSpec(String source, SplitSizes sizes, long splitSeed) {
        this(source, sizes, splitSeed, Centring.NONE);
    }

    /**
     * The same data with the subsets centred as {@code how} says.
     *
     * @param how the centring
     * @return a new spec
     */
    public DatasetSpec withCentring(Centring how) {
        return new DatasetSpec(source, sizes, splitSeed, how);
    }

    /**
     * Locates (never downloads) and splits the data.
     *
     * @return the three subsets
     * @throws IOException if the data cannot be found or read
     */
    public DataSplits load() throws IOException {
        if (SYNTHETIC.equals(source)) {
            return DataSplits.draw(synthetic(Math.toIntExact(sizes.total()), splitSeed), sizes, splitSeed, centring);
        }
        DatasetLocator locator = DatasetLocator.forUser();
        DatasetName name;
        try {
            name = DatasetName.parse(source);
        } catch (IllegalArgumentException notAName) {
            locator = locator.withExplicitDirectory(Path.of(source));
            name = DatasetName.MNIST;
        }
        return DataSplits.draw(locator.locate(name), sizes, splitSeed, centring);
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
