package io.github.hypergrad4j.train;

/**
 * An optimiser state (weights, a moment) left its fixed-point range during an exact update. The
 * trainer turns it into a {@link TrainingDivergedException} naming the step and parameter group.
 */
final class StateOverflowException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final String state;
    final int index;
    final double value;
    final double limit;

    StateOverflowException(String state, int index, double value, double limit) {
        super(state + " left its fixed-point range at parameter " + index + " (value " + value + ", limit " + limit + ")",
                null, false, false);
        this.state = state;
        this.index = index;
        this.value = value;
        this.limit = limit;
    }
}
