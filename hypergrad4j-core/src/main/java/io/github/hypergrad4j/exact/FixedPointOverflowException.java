package io.github.hypergrad4j.exact;

/**
 * A value left the fixed-point range, or was not a finite number, while converting or updating the
 * exact training state. Training cannot continue exactly from here; usually the learning rate or
 * the initial scale of the weights is too large.
 *
 * <p>Carries the flat parameter index and the offending value (as a real number, not in
 * fixed-point units). The trainer, which knows the step and the parameter group, adds them with
 * {@link #inContext(int, int)}.
 */
public final class FixedPointOverflowException extends RuntimeException {
    /** The flat parameter index, or -1 for a single value. */
    private final int index;
    /** The offending value as a real number. */
    private final double value;

    /**
     * @param index flat parameter index whose value overflowed, or -1 for a single value
     * @param value the offending value as a real number (may be NaN or infinite)
     * @param limit the largest representable magnitude, for the message
     */
    public FixedPointOverflowException(int index, double value, double limit) {
        this(index, value, "value " + value + (index >= 0 ? " at parameter index " + index : "")
                + " left the fixed-point range (|x| < " + limit + ") or is not finite;"
                + " the learning rate or initial scale is probably too large", null);
    }

    private FixedPointOverflowException(int index, double value, String message, Throwable cause) {
        super(message, cause);
        this.index = index;
        this.value = value;
    }

    /**
     * The flat parameter index at which the value left the range.
     *
     * @return the index, or -1 when the value was converted on its own
     */
    public int index() {
        return index;
    }

    /**
     * The offending value as a real number; NaN or infinite for non-finite inputs.
     *
     * @return the value that could not be represented
     */
    public double value() {
        return value;
    }

    /**
     * A copy of this exception whose message starts with the training step and parameter group,
     * with this exception as its cause.
     *
     * @param step the training step
     * @param group the parameter group's index
     * @return a new exception with the same index and value
     */
    public FixedPointOverflowException inContext(int step, int group) {
        return new FixedPointOverflowException(index, value,
                "step " + step + ", parameter group " + group + ": " + getMessage(), this);
    }
}
