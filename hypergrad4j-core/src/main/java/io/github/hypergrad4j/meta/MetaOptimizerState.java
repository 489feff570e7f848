package io.github.hypergrad4j.meta;

/**
 * Everything a {@link MetaOptimizer} carries from one step to the next, as plain numbers that a
 * checkpoint can store without knowing the optimiser: its kind, the steps taken and its arrays (Adam:
 * the two moments; SGD with momentum: the velocity; none before the first step).
 *
 * @param type the optimiser's kind, e.g. {@code adam} or {@code sgd}; a state restores only into its kind
 * @param steps steps taken
 * @param arrays the optimiser's arrays, each a copy, each with one value per parameter
 */
public record MetaOptimizerState(String type, int steps, double[][] arrays) {
    /**
     * Checks the fields and copies the arrays.
     *
     * @param type the optimiser's kind
     * @param steps steps taken
     * @param arrays the optimiser's arrays
     */
    public MetaOptimizerState {
        if (steps < 0) {
            throw new IllegalArgumentException("steps taken must be >= 0, got " + steps);
        }
        double[][] copy = new double[arrays.length][];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = arrays[i].clone();
        }
        arrays = copy;
    }

    /**
     * Checks that this state is of {@code expected}'s kind with {@code count} arrays of one length, or
     * none before the first step.
     */
    void requireKind(String expected, int count) {
        if (!type.equals(expected)) {
            throw new IllegalArgumentException("a " + type + " state cannot restore a " + expected + " meta-optimiser");
        }
        if (arrays.length != 0 && arrays.length != count) {
            throw new IllegalArgumentException("a " + type + " state needs " + count + " arrays, got " + arrays.length);
        }
        if (steps > 0 && arrays.length == 0) {
            throw new IllegalArgumentException("a " + type + " state of " + steps + " steps holds none of its arrays");
        }
        for (double[] a : arrays) {
            if (a.length != arrays[0].length) {
                throw new IllegalArgumentException("the arrays of a " + type + " state differ in length");
            }
        }
    }
}
