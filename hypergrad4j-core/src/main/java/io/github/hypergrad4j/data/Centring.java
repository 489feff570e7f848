package io.github.hypergrad4j.data;

/**
 * Whether drawn subsets are centred before use: a data option chosen by whoever draws them.
 *
 * <p>Centring matters for models that learn from few or from synthetic inputs: uncentred pixels lie in
 * [0, 1] with a large common offset, so a learned image's gradient is dominated by that offset and
 * follows it far past the data's scale. The original hypergrad experiments centred every pixel on the
 * mean image of the dataset's training split ({@code load_data(normalize=True)}).
 */
public enum Centring {
    /** Pixels as stored, scaled to [0, 1]. */
    NONE,
    /**
     * Every pixel of every subset minus that pixel's mean over the whole pool the subsets are drawn from
     * (the dataset's training split when present), as the original did. The pool is fixed by the data
     * files, not by the subsets drawn, so a run with no training subset (learned training data) is
     * centred like the others.
     */
    POOL_MEAN
}
