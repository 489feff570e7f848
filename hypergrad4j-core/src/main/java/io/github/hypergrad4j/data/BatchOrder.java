package io.github.hypergrad4j.data;

import java.util.Locale;

/**
 * Which examples each training step's minibatch takes: a fresh random draw per step, or the training set's
 * consecutive slices in its order, epoch after epoch (the original hypergrad experiments' {@code BatchList}:
 * batch k holds examples {@code [k b, (k+1) b)} modulo the set's size).
 */
public enum BatchOrder {
    /** {@link RandomBatches}: drawn without replacement at every step, seeded by seed, meta-iteration and step. */
    RANDOM,
    /**
     * {@link CyclicBatches} over the training set's own order: the same batches for every seed and
     * meta-iteration (only the initial weights then differ between seeds).
     */
    CONSECUTIVE;

    /**
     * The minibatches of one training run.
     *
     * @param datasetSize rows of the training set
     * @param batchSize rows per batch, 1..datasetSize
     * @param seed the run's seed (used by {@link #RANDOM} only)
     * @param metaIteration the meta-iteration, 0 or more (used by {@link #RANDOM} only)
     * @return the schedule
     */
    public BatchSchedule schedule(int datasetSize, int batchSize, long seed, int metaIteration) {
        if (metaIteration < 0) {
            throw new IllegalArgumentException("meta-iteration must be >= 0, got " + metaIteration);
        }
        return switch (this) {
            case RANDOM -> new RandomBatches(datasetSize, batchSize, seed, metaIteration);
            case CONSECUTIVE -> new CyclicBatches(datasetSize, batchSize);
        };
    }

    /**
     * The name as written on a command line and in results: {@code random} or {@code consecutive}.
     *
     * @return the lower-case name
     */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The order of a {@link #label()}, case-insensitively.
     *
     * @param label {@code random} or {@code consecutive}
     * @return the order
     * @throws IllegalArgumentException for any other text
     */
    public static BatchOrder parse(String label) {
        for (BatchOrder o : values()) {
            if (o.label().equalsIgnoreCase(label == null ? "" : label.trim())) {
                return o;
            }
        }
        throw new IllegalArgumentException("batch order must be random or consecutive, got '" + label + "'");
    }
}
