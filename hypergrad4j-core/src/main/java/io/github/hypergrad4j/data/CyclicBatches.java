package io.github.hypergrad4j.data;

/**
 * Minibatches that walk through a fixed order of the training set and wrap around: batch t holds positions
 * {@code t*b .. t*b+b-1} of the order, modulo its length. With batch size equal to the dataset size this is
 * full-batch gradient descent.
 */
public final class CyclicBatches implements BatchSchedule {
    private final int[] order;
    private final int batchSize;

    /**
     * Cycles through 0..datasetSize-1 in that order.
     *
     * @param datasetSize the number of rows
     * @param batchSize rows per batch, at most {@code datasetSize}
     */
    public CyclicBatches(int datasetSize, int batchSize) {
        this(identity(datasetSize), batchSize);
    }

    /**
     * Cycles through the given order (copied).
     *
     * @param order row indices, each in 0..order.length-1, e.g. a seeded permutation
     * @param batchSize rows per batch, at most {@code order.length}
     */
    public CyclicBatches(int[] order, int batchSize) {
        if (order.length == 0 || batchSize < 1 || batchSize > order.length) {
            throw new IllegalArgumentException("batch size must be in 1.." + order.length + " (the dataset size),"
                    + " got " + batchSize);
        }
        for (int i : order) {
            if (i < 0 || i >= order.length) {
                throw new IllegalArgumentException("order holds index " + i + ", outside 0.." + (order.length - 1));
            }
        }
        this.order = order.clone();
        this.batchSize = batchSize;
    }

    /**
     * Cycles through a permutation of 0..datasetSize-1 drawn from {@code seed} (fixed for all epochs).
     *
     * @param datasetSize the number of rows
     * @param batchSize rows per batch
     * @param seed the permutation's seed
     * @return the schedule
     */
    public static CyclicBatches shuffled(int datasetSize, int batchSize, long seed) {
        return new CyclicBatches(DataSplits.shuffledIndices(datasetSize, seed), batchSize);
    }

    private static int[] identity(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("dataset size must be >= 1, got " + n);
        }
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        return a;
    }

    @Override
    public int[] batch(int step) {
        if (step < 0) {
            throw new IllegalArgumentException("step must be >= 0, got " + step);
        }
        int n = order.length;
        int start = (int) ((long) step * batchSize % n); // long: step * batchSize overflows int quickly
        int[] out = new int[batchSize];
        for (int k = 0; k < batchSize; k++) {
            out[k] = order[(start + k) % n];
        }
        return out;
    }

    @Override
    public int batchSize() {
        return batchSize;
    }

    @Override
    public int datasetSize() {
        return order.length;
    }
}
