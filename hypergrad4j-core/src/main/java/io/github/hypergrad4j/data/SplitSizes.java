package io.github.hypergrad4j.data;

import java.io.Serializable;

/**
 * How many examples each subset gets. Zero is allowed (e.g. no test set while tuning).
 *
 * @param train examples to train on
 * @param validation examples to tune hyperparameters on
 * @param test examples kept aside for the final score
 * @serial exclude (the serial form of a record is its components, documented above)
 */
public record SplitSizes(int train, int validation, int test) implements Serializable {
    /**
     * Checks that no size is negative.
     *
     * @param train examples to train on
     * @param validation examples to tune hyperparameters on
     * @param test examples kept aside for the final score
     */
    public SplitSizes {
        if (train < 0 || validation < 0 || test < 0) {
            throw new IllegalArgumentException("subset sizes must be >= 0, got train " + train + ", validation "
                    + validation + ", test " + test);
        }
    }

    /**
     * train + validation + test.
     *
     * @return the number of examples the three subsets need
     */
    public long total() {
        return (long) train + validation + test;
    }
}
