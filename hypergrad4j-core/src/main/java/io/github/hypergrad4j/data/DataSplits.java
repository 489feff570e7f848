package io.github.hypergrad4j.data;

import java.io.IOException;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Disjoint train, validation and test subsets drawn from one pool, reproducibly from a seed. Immutable.
 *
 * <p>The pool is shuffled by a Fisher-Yates pass driven by {@code new SplittableRandom(seed)}; the first
 * {@code train} shuffled indices form the training set, the next {@code validation} the validation set, the
 * next {@code test} the test set. So the same pool, sizes and seed give the same subsets on every run, and
 * the subsets never share an example.
 */
public final class DataSplits {
    private final String poolDescription;
    private final Dataset train;
    private final Dataset validation;
    private final Dataset test;
    private final int[] trainIndices;
    private final int[] validationIndices;
    private final int[] testIndices;

    private DataSplits(String poolDescription, Dataset train, Dataset validation, Dataset test, int[] trainIndices,
                       int[] validationIndices, int[] testIndices) {
        this.poolDescription = poolDescription;
        this.train = train;
        this.validation = validation;
        this.test = test;
        this.trainIndices = trainIndices;
        this.validationIndices = validationIndices;
        this.testIndices = testIndices;
    }

    /**
     * Reads the pool of {@code files} (the training split when present, else what there is; see
     * {@link DatasetFiles#pool()}) and draws the subsets from it.
     *
     * @param files a dataset's files
     * @param sizes how many examples each subset gets
     * @param seed the seed of the draw
     * @return the three subsets, disjoint
     * @throws IOException if the files cannot be read or are broken
     */
    public static DataSplits draw(DatasetFiles files, SplitSizes sizes, long seed) throws IOException {
        return draw(files, sizes, seed, Centring.NONE);
    }

    /**
     * Draws the subsets from the pool of {@code files}, reading only the drawn images, centred as
     * {@code centring} says: the same subsets as drawing from {@link DatasetFiles#readPool()}.
     *
     * @param files a dataset's files; the pool is {@link DatasetFiles#pool()}
     * @param sizes how many examples each subset gets; they must add up to at most the pool's size
     * @param seed the seed of the draw (the same seed gives the same subsets)
     * @param centring whether every subset has the pool's mean image subtracted
     * @return the three subsets, disjoint, described by the pool's description
     * @throws IOException if the files cannot be read or are broken
     * @throws IllegalArgumentException if the pool holds fewer examples than the sizes add up to
     */
    public static DataSplits draw(DatasetFiles files, SplitSizes sizes, long seed, Centring centring)
            throws IOException {
        return draw(files.pool(), files.classes(), files.poolDescription(), sizes, seed, centring);
    }

    /**
     * Draws the subsets from {@code pool}.
     *
     * @throws IllegalArgumentException if the pool holds fewer examples than the sizes add up to; the message
     *     names the requested sizes, the pool and its size
     * @param pool the images to draw from
     * @param sizes how many examples each subset gets
     * @param seed the seed of the draw (the same seed gives the same subsets)
     * @return the three subsets, disjoint
     */
    public static DataSplits draw(LabelledImages pool, SplitSizes sizes, long seed) {
        requireWithin(sizes, pool.size(), pool.description());
        int[] order = shuffledIndices(pool.size(), seed);
        int a = sizes.train();
        int b = a + sizes.validation();
        int c = b + sizes.test();
        int[] tr = Arrays.copyOfRange(order, 0, a);
        int[] va = Arrays.copyOfRange(order, a, b);
        int[] te = Arrays.copyOfRange(order, b, c);
        return new DataSplits(pool.description(), pool.select(tr), pool.select(va), pool.select(te), tr, va, te);
    }

    /**
     * Draws the subsets from the pool {@code pair} as {@link #draw(LabelledImages, SplitSizes, long)} does
     * from the whole pool read into memory (the same examples in the same order), but reads only the drawn
     * images: memory for {@code sizes.total()} images, however large the file.
     *
     * @param pair the pool's images and labels files
     * @param classes the number of classes; every label must lie in 0..classes-1
     * @param description the pool's description for messages and records
     * @param sizes how many examples each subset gets
     * @param seed the seed of the draw (the same seed gives the same subsets)
     * @return the three subsets, disjoint, uncentred
     * @throws IOException if a file cannot be read or is broken
     * @throws IllegalArgumentException if the pool holds fewer examples than the sizes add up to
     */
    public static DataSplits draw(IdxPair pair, int classes, String description, SplitSizes sizes, long seed)
            throws IOException {
        return draw(pair, classes, description, sizes, seed, Centring.NONE);
    }

    /**
     * As {@link #draw(IdxPair, int, String, SplitSizes, long)}, centred as {@code centring} says; the pool's
     * mean image is added up while the file is read, without holding the pool. The same subsets, bit for
     * bit, as {@link #draw(LabelledImages, SplitSizes, long, Centring)} on the whole pool.
     *
     * @param pair the pool's images and labels files
     * @param classes the number of classes; every label must lie in 0..classes-1
     * @param description the pool's description for messages and records
     * @param sizes how many examples each subset gets
     * @param seed the seed of the draw (the same seed gives the same subsets)
     * @param centring whether every subset has the pool's mean image (over all of the pool, not just
     *     the drawn examples) subtracted
     * @return the three subsets, disjoint
     * @throws IOException if a file cannot be read or is broken
     * @throws IllegalArgumentException if the pool holds fewer examples than the sizes add up to
     */
    public static DataSplits draw(IdxPair pair, int classes, String description, SplitSizes sizes, long seed,
            Centring centring) throws IOException {
        int n = LabelledImages.count(pair.images(), pair.labels());
        requireWithin(sizes, n, description);
        int[] order = shuffledIndices(n, seed);
        int a = sizes.train();
        int b = a + sizes.validation();
        int c = b + sizes.test();
        int[] needed = Arrays.copyOf(order, c);
        Arrays.sort(needed);
        int[] dims = IdxReader.dimensions(pair.images());
        long[] sums = centring == Centring.POOL_MEAN ? new long[dims[1] * dims[2]] : null;
        LabelledImages part = LabelledImages.readRows(pair.images(), pair.labels(), classes, needed, sums)
                .withDescription(description);
        int[] tr = Arrays.copyOfRange(order, 0, a);
        int[] va = Arrays.copyOfRange(order, a, b);
        int[] te = Arrays.copyOfRange(order, b, c);
        DataSplits drawn = new DataSplits(description, part.select(positions(needed, tr)),
                part.select(positions(needed, va)), part.select(positions(needed, te)), tr, va, te);
        return switch (centring) {
            case NONE -> drawn;
            case POOL_MEAN -> drawn.subtractMean(LabelledImages.meanOf(sums, n), "pool mean subtracted");
        };
    }

    /** Where each of {@code rows} sits in the sorted {@code needed}. */
    private static int[] positions(int[] needed, int[] rows) {
        int[] p = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            p[i] = Arrays.binarySearch(needed, rows[i]);
        }
        return p;
    }

    private static void requireWithin(SplitSizes sizes, int poolSize, String description) {
        if (sizes.total() > poolSize) {
            throw new IllegalArgumentException(String.format("asked for %,d train + %,d validation + %,d test ="
                            + " %,d examples, but the pool, %s, holds only %,d. Ask for at most %,d in total, or"
                            + " use a larger pool (MNIST's and Fashion-MNIST's training splits hold 60,000).",
                    sizes.train(), sizes.validation(), sizes.test(), sizes.total(), description, poolSize, poolSize));
        }
    }

    /**
     * Draws the subsets from {@code pool} and centres them as {@code centring} says.
     *
     * @throws IllegalArgumentException as {@link #draw(LabelledImages, SplitSizes, long)}
     * @param pool the images to draw from
     * @param sizes how many examples each subset gets
     * @param seed the seed of the draw
     * @param centring whether and how to subtract a mean image
     * @return the three subsets, disjoint
     */
    public static DataSplits draw(LabelledImages pool, SplitSizes sizes, long seed, Centring centring) {
        DataSplits drawn = draw(pool, sizes, seed);
        return switch (centring) {
            case NONE -> drawn;
            case POOL_MEAN -> drawn.subtractMean(pool.meanImage(), "pool mean subtracted");
        };
    }

    /** 0..n-1 in the order of a Fisher-Yates shuffle seeded with {@code seed}. */
    static int[] shuffledIndices(int n, long seed) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    /**
     * New splits with the training set's mean image subtracted from all three subsets (so validation and
     * test data do not leak into the preprocessing). This object is not modified.
     *
     * @return new splits
     */
    public DataSplits subtractTrainMean() {
        return subtractMean(train.meanImage(), "training mean subtracted");
    }

    private DataSplits subtractMean(double[] mean, String what) {
        return new DataSplits(poolDescription + ", " + what, train.subtractMean(mean),
                validation.subtractMean(mean), test.subtractMean(mean), trainIndices, validationIndices,
                testIndices);
    }

    /**
     * The training subset.
     *
     * @return the dataset the model trains on
     */
    public Dataset train() {
        return train;
    }

    /**
     * The validation subset.
     *
     * @return the dataset hyperparameters are tuned on
     */
    public Dataset validation() {
        return validation;
    }

    /**
     * The test subset.
     *
     * @return the dataset kept aside for the final score
     */
    public Dataset test() {
        return test;
    }

    /**
     * Which pool rows the training set holds, in its order (a copy): for records of an experiment.
     *
     * @return the indices into the pool
     */
    public int[] trainIndices() {
        return trainIndices.clone();
    }

    /**
     * Which pool rows the validation set holds, in its order (a copy).
     *
     * @return the indices into the pool
     */
    public int[] validationIndices() {
        return validationIndices.clone();
    }

    /**
     * Which pool rows the test set holds, in its order (a copy).
     *
     * @return the indices into the pool
     */
    public int[] testIndices() {
        return testIndices.clone();
    }

    /**
     * Where the examples come from.
     *
     * @return the pool's description, e.g. its files
     */
    public String poolDescription() {
        return poolDescription;
    }

    @Override
    public String toString() {
        return "DataSplits[train " + train.size() + ", validation " + validation.size() + ", test " + test.size()
                + " from " + poolDescription + "]";
    }
}
