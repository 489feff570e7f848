package io.github.hypergrad4j.data;

import java.io.Serializable;

/** How many examples each subset gets. Zero is allowed (e.g. no test set while tuning). */
public record SplitSizes(int train, int validation, int test) implements Serializable {
    public SplitSizes {
        if (train < 0 || validation < 0 || test < 0) {
            throw new IllegalArgumentException("subset sizes must be >= 0, got train " + train + ", validation "
                    + validation + ", test " + test);
        }
    }

    /** train + validation + test. */
    public long total() {
        return (long) train + validation + test;
    }
}
