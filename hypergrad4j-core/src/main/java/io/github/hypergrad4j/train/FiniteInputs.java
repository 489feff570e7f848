package io.github.hypergrad4j.train;

import io.github.hypergrad4j.autodiff.Tape;
import io.github.hypergrad4j.model.ParameterLayout;
import io.github.hypergrad4j.tensor.Tensor;
import java.util.Map;

/**
 * Checks that what goes into training is finite, and names the input when it is not. A NaN that
 * reaches the fixed-point state or a loss would otherwise surface as "overflow" or "diverged", and
 * the advice to lower the learning rate would send the user the wrong way.
 */
final class FiniteInputs {
    private FiniteInputs() {}

    /** The advice for non-finite initial weights or velocities. */
    static final String INITIAL_STATE_ADVICE = "every initial weight and velocity must be finite; check how they"
            + " were made (e.g. an initial scale exp(s) with a huge s, or data-dependent initialisation reading NaN)";

    /**
     * Throws if {@code x} holds NaN or an infinity, naming {@code what} and, with a layout, the group
     * of the first bad entry; {@code advice} says what to check.
     */
    static void requireFinite(String what, double[] x, ParameterLayout layout, String advice) {
        int i = firstNonFinite(x);
        if (i >= 0) {
            String group = layout != null && i < layout.size() ? " (group '" + layout.group(layout.groupOf(i)).name()
                    + "')" : "";
            throw new NonFiniteInputException(-1, what, what + " hold " + x[i] + " at index " + i + group + ": "
                    + advice);
        }
    }

    /** Throws if a hyperparameter holds NaN or an infinity, naming it and the first bad entry. */
    static void requireFinite(Theta theta) {
        for (Map.Entry<String, Tensor> e : theta.asMap().entrySet()) {
            double[] x = e.getValue().data();
            int i = firstNonFinite(x);
            if (i >= 0) {
                String name = "hyperparameter '" + e.getKey() + "'";
                throw new NonFiniteInputException(-1, name, name + " holds " + x[i] + " at " + position(e.getValue(), i)
                        + ": hyperparameters must be finite (a meta step that produced it was too large, or the"
                        + " data given as a hyperparameter hold NaN)");
            }
        }
    }

    /**
     * If the tape's constants (the data the recorded function read) hold a bad value, an exception
     * that says so; null otherwise. NaN is always bad; an infinity only when the function's value is
     * not finite (an infinite constant can be meant, e.g. a mask of -infinity before a softmax).
     *
     * @param role who read them, e.g. "the objective"
     * @param usually which data that usually is, e.g. "the validation set"
     * @param value the function's value
     */
    static NonFiniteInputException badData(Tape tape, int step, String role, String usually, double value) {
        boolean finiteValue = Double.isFinite(value);
        for (Tensor c : tape.constants()) {
            double[] x = c.data();
            int i = finiteValue ? firstNaN(x) : firstNonFinite(x);
            if (i >= 0) {
                String input = "the data " + role + " reads";
                String what = finiteValue ? role + " reads data that hold NaN"
                        : role + " is " + value + " because the data it reads are not finite";
                return new NonFiniteInputException(step, input, what + ": a constant " + dims(c) + " tensor ("
                        + usually + ", usually) holds " + x[i] + " at " + position(c, i) + ". Remove or replace the"
                        + " non-finite values in the data; the learning rates are not the problem");
            }
        }
        return null;
    }

    /** The index of the first NaN, or -1. */
    static int firstNaN(double[] x) {
        for (int i = 0; i < x.length; i++) {
            if (Double.isNaN(x[i])) {
                return i;
            }
        }
        return -1;
    }

    /** The index of the first NaN or infinity, or -1. */
    static int firstNonFinite(double[] x) {
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i])) {
                return i;
            }
        }
        return -1;
    }

    /** "row r, column c" for a matrix, "index i" otherwise. */
    private static String position(Tensor t, int i) {
        return t.rank() == 2 ? "row " + i / t.cols() + ", column " + i % t.cols() : "index " + i;
    }

    /** "1000 x 784". */
    private static String dims(Tensor t) {
        StringBuilder b = new StringBuilder();
        for (int d : t.shape()) {
            b.append(b.length() == 0 ? "" : " x ").append(d);
        }
        return b.length() == 0 ? "scalar" : b.toString();
    }
}
