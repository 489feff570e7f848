package io.github.hypergrad4j.data;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Minibatches drawn at random without replacement, each from its own generator seeded by
 * {@link #seedFor(long, long, long)} of (run seed, meta-iteration, step). Each batch therefore depends on
 * nothing but those three numbers: the reverse pass can ask for step T-1 first and step 0 last and get the
 * forward pass's batches, and a new meta-iteration gets fresh batches.
 *
 * <p>Indices within a batch are distinct and returned in increasing order.
 */
public final class RandomBatches implements BatchSchedule {
    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    private final int datasetSize;
    private final int batchSize;
    private final long runSeed;
    private final int metaIteration;

    /**
     * @param datasetSize rows to draw from
     * @param batchSize rows per batch, 1..datasetSize
     * @param runSeed the experiment's seed
     * @param metaIteration which hyperparameter update this training run belongs to (>= 0)
     */
    public RandomBatches(int datasetSize, int batchSize, long runSeed, int metaIteration) {
        if (datasetSize < 1 || batchSize < 1 || batchSize > datasetSize) {
            throw new IllegalArgumentException("need 1 <= batch size <= dataset size, got batch size " + batchSize
                    + " for " + datasetSize + " rows");
        }
        if (metaIteration < 0) {
            throw new IllegalArgumentException("meta-iteration must be >= 0, got " + metaIteration);
        }
        this.datasetSize = datasetSize;
        this.batchSize = batchSize;
        this.runSeed = runSeed;
        this.metaIteration = metaIteration;
    }

    /**
     * The same schedule for another meta-iteration.
     *
     * @param newMetaIteration the meta-iteration, 0 or more
     * @return a new schedule with the same run seed
     */
    public RandomBatches forMetaIteration(int newMetaIteration) {
        return new RandomBatches(datasetSize, batchSize, runSeed, newMetaIteration);
    }

    /**
     * The seed of one batch's generator. Each argument goes through SplitMix64's finaliser (a bijection on
     * longs) in turn, so changing any one of them changes the seed, and it is cheap to recompute. Spelled out
     * so that other implementations can reproduce the batches: with {@code mix(z)} =
     * {@code z ^= z >>> 30; z *= 0xbf58476d1ce4e5b9; z ^= z >>> 27; z *= 0x94d049bb133111eb; z ^= z >>> 31},
     * the seed is {@code mix(mix(mix(runSeed + G) + metaIteration * G) + step * G)} with
     * {@code G = 0x9e3779b97f4a7c15}; the batch comes from {@code new SplittableRandom(seed)} by Floyd's
     * sampling (see {@link #batch}).
     *
     * @param runSeed the run's seed
     * @param metaIteration the meta-iteration
     * @param step the training step
     * @return the seed of that step's batch
     */
    public static long seedFor(long runSeed, long metaIteration, long step) {
        long h = mix(runSeed + GOLDEN_GAMMA);
        h = mix(h + metaIteration * GOLDEN_GAMMA);
        return mix(h + step * GOLDEN_GAMMA);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /**
     * Draws {@code batchSize} distinct indices by Floyd's algorithm (for j = n-b .. n-1: t = uniform 0..j;
     * take t, or j if t is already taken), which costs O(batch size) whatever the dataset size, then sorts
     * them.
     */
    @Override
    public int[] batch(int step) {
        if (step < 0) {
            throw new IllegalArgumentException("step must be >= 0, got " + step);
        }
        SplittableRandom random = new SplittableRandom(seedFor(runSeed, metaIteration, step));
        Set<Integer> chosen = new HashSet<>(2 * batchSize);
        int[] out = new int[batchSize];
        int k = 0;
        for (int j = datasetSize - batchSize; j < datasetSize; j++) {
            int t = random.nextInt(j + 1);
            int pick = chosen.add(t) ? t : j;
            if (pick == j) {
                chosen.add(j);
            }
            out[k++] = pick;
        }
        Arrays.sort(out);
        return out;
    }

    @Override
    public int batchSize() {
        return batchSize;
    }

    @Override
    public int datasetSize() {
        return datasetSize;
    }

    /**
     * The seed of the whole run.
     *
     * @return the seed given on construction
     */
    public long runSeed() {
        return runSeed;
    }

    /**
     * The meta-iteration this schedule's batches belong to.
     *
     * @return 0 or more
     */
    public int metaIteration() {
        return metaIteration;
    }
}
