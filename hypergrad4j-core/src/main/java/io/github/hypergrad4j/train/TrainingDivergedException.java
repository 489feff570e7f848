package io.github.hypergrad4j.train;

/** Training produced a value that cannot be represented: a NaN or infinite loss, or fixed-point overflow. */
public class TrainingDivergedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int step;

    public TrainingDivergedException(int step, String message, Throwable cause) {
        super(message, cause);
        this.step = step;
    }

    public int step() {
        return step;
    }
}
