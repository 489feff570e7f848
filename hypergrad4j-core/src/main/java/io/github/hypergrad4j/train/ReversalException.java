package io.github.hypergrad4j.train;

/**
 * The reverse pass did not retrace the forward pass bit for bit, so its hypergradients cannot be
 * trusted. The usual cause is a loss that is not a deterministic function of its inputs.
 * {@link #step()} is the first step at which the run was not reproducible: the trainer, once the
 * reverse pass has found a mismatch, trains forwards again and compares the two runs step by step.
 */
public final class ReversalException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    /** The first step that did not reproduce, or -1. */
    private final int step;

    /**
     * @param step the first step that did not reproduce, or -1 when unknown
     * @param what what differed, in words
     */
    public ReversalException(int step, String what) {
        this(step, what, null);
    }

    /**
     * @param step the first step that did not reproduce, or -1 when unknown
     * @param what what differed, in words
     * @param cause the mismatch the reverse pass found first, or null
     */
    public ReversalException(int step, String what, Throwable cause) {
        super("exact reversal failed" + (step >= 0 ? " at step " + step : "") + ": " + what
                + ". The training loss must be a deterministic function of (step, weights, hyperparameters):"
                + " same minibatch for the same step, no randomness or thread-dependent sums inside it.", cause);
        this.step = step;
    }

    /**
     * The first step whose loss or resulting state did not reproduce, or -1 when unknown (e.g. a
     * buffer left non-empty).
     *
     * @return the step, 0-based
     */
    public int step() {
        return step;
    }
}
