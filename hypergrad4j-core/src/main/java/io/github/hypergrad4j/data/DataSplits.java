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
     */
    public static DataSplits draw(DatasetFiles files, SplitSizes sizes, long seed) throws IOException {
        return draw(files.readPool(), sizes, seed);
    }

    /**
     * Draws the subsets from {@code pool}.
     *
     * @throws IllegalArgumentException if the pool holds fewer examples than the sizes add up to; the message
     *     names the requested sizes, the pool and its size
     */
    public static DataSplits draw(LabelledImages pool, SplitSizes sizes, long seed) {
        if (sizes.total() > pool.size()) {
            throw new IllegalArgumentException(String.format("asked for %,d train + %,d validation + %,d test ="
                            + " %,d examples, but the pool, %s, holds only %,d. Ask for at most %,d in total, or"
                            + " use a larger pool (MNIST's and Fashion-MNIST's training splits hold 60,000).",
                    sizes.train(), sizes.validation(), sizes.test(), sizes.total(), pool.description(),
                    pool.size(), pool.size()));
        }
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
     * Draws the subsets from {@code pool} and centres them as {@code centring} says.
     *
     * @throws IllegalArgumentException as {@link #draw(LabelledImages, SplitSizes, long)}
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
     */
    public DataSplits subtractTrainMean() {
        return subtractMean(train.meanImage(), "training mean subtracted");
    }

    private DataSplits subtractMean(double[] mean, String what) {
        return new DataSplits(poolDescription + ", " + what, train.subtractMean(mean),
                validation.subtractMean(mean), test.subtractMean(mean), trainIndices, validationIndices,
                testIndices);
    }

    public Dataset train() {
        return train;
    }

    public Dataset validation() {
        return validation;
    }

    public Dataset test() {
        return test;
    }

    /** Which pool rows the training set holds, in its order (a copy): for records of an experiment. */
    public int[] trainIndices() {
        return trainIndices.clone();
    }

    public int[] validationIndices() {
        return validationIndices.clone();
    }

    public int[] testIndices() {
        return testIndices.clone();
    }

    /** Where the examples come from. */
    public String poolDescription() {
        return poolDescription;
    }

    @Override
    public String toString() {
        return "DataSplits[train " + train.size() + ", validation " + validation.size() + ", test " + test.size()
                + " from " + poolDescription + "]";
    }
}
