package io.github.hypergrad4j.train;

/**
 * The reverse pass did not retrace the forward pass bit for bit, so its hypergradients cannot be
 * trusted. The usual cause is a loss that is not a deterministic function of its inputs.
 */
public final class ReversalException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int step;

    public ReversalException(int step, String what) {
        super("exact reversal failed" + (step >= 0 ? " at step " + step : "") + ": " + what
                + ". The training loss must be a deterministic function of (step, weights, hyperparameters):"
                + " same minibatch for the same step, no randomness or thread-dependent sums inside it.");
        this.step = step;
    }

    /** The first step whose state did not match the forward pass, or -1 when unknown. */
    public int step() {
        return step;
    }
}
