package io.github.hypergrad4j.experiments;

/**
 * A configuration the experiment cannot run with (a negative size, an empty range, more examples
 * than the dataset holds). The message says what to change; the command line shows it as a usage
 * error without a stack trace.
 */
public final class ConfigException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Throws unless {@code value > 0}, naming the setting. */
    public static int requirePositive(String setting, int value) {
        if (value <= 0) {
            throw new ConfigException(setting + " must be a positive number, got " + value);
        }
        return value;
    }

    /** Throws unless {@code value} is finite and {@code > 0}. */
    public static double requirePositive(String setting, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new ConfigException(setting + " must be a positive number, got " + value);
        }
        return value;
    }

    /** Throws unless {@code value} lies strictly inside (0, 1). */
    public static double requireFraction(String setting, double value) {
        if (!(value > 0 && value < 1)) {
            throw new ConfigException(setting + " must lie strictly between 0 and 1, got " + value);
        }
        return value;
    }

    /** Throws unless {@code value} is finite. */
    public static double requireFinite(String setting, double value) {
        if (!Double.isFinite(value)) {
            throw new ConfigException(setting + " must be a finite number, got " + value);
        }
        return value;
    }

    /** Throws unless a minibatch of {@code batchSize} fits in {@code trainSize} training examples. */
    public static void requireBatchWithin(int batchSize, int trainSize) {
        if (batchSize > trainSize) {
            throw new ConfigException("batch size " + batchSize + " exceeds the training set size " + trainSize);
        }
    }

    /** Throws unless {@code value} is finite and at least 0; {@code setting} starts the message. */
    public static double requireNonNegative(String setting, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new ConfigException(setting + " must be >= 0, got " + value);
        }
        return value;
    }
}
