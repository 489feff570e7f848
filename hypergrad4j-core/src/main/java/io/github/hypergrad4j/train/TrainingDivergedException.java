package io.github.hypergrad4j.train;

/** Training produced a value that cannot be represented: a NaN or infinite loss, or fixed-point overflow. */
public class TrainingDivergedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    /** The step at which it happened, or -1 before or after training. */
    private final int step;

    /**
     * A run that could not continue.
     *
     * @param step the step at which it happened, or -1 before training (initial state) or after it
     *     (objective)
     * @param message what happened and what to change
     * @param cause the underlying failure, e.g. a {@link
     *     io.github.hypergrad4j.exact.FixedPointOverflowException}, or null
     */
    public TrainingDivergedException(int step, String message, Throwable cause) {
        super(message, cause);
        this.step = step;
    }

    /**
     * The step at which training stopped.
     *
     * @return the 0-based step, or -1 when it was not a training step
     */
    public int step() {
        return step;
    }
}
