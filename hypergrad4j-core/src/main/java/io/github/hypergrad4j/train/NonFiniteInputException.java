package io.github.hypergrad4j.train;

/**
 * An input of training holds NaN or an infinity: the initial weights or velocity, a hyperparameter,
 * or the data a loss or objective reads. Distinct from a run that diverged (its parent type, so
 * code that handles divergence, e.g. by shrinking a meta step, handles this too): the message names
 * the input and its first bad entry, and the fix is in the input, not in the learning rates.
 */
public final class NonFiniteInputException extends TrainingDivergedException {
    private static final long serialVersionUID = 1L;
    /** What holds the bad value, in words. */
    private final String input;

    /**
     * @param step the step at which it was found, or -1 before training or outside it
     * @param input what holds the bad value, e.g. {@code "the initial weights w0"}
     * @param message the whole message, naming the input and the first bad entry
     */
    NonFiniteInputException(int step, String input, String message) {
        super(step, message, null);
        this.input = input;
    }

    /**
     * What holds the bad value, in words: {@code "the initial weights w0"}, {@code "the initial
     * velocity v0"}, {@code "hyperparameter 'l2'"}, or the data of the training loss, the objective
     * or an evaluated function.
     *
     * @return the input's description
     */
    public String input() {
        return input;
    }
}
