package io.github.hypergrad4j.bench;

/**
 * Floating-point operations of the matrix products in an MLP's gradient, counted analytically (2 m n
 * k per product; elementwise work is not counted, it is below 1% here). Layer l maps s(l-1) inputs to
 * s(l) outputs on B examples; one "unit" is the 2 B s(l-1) s(l) of one product of that layer.
 *
 * <ul>
 *   <li>Plain gradient: the forward product and the weight gradient, plus the input gradient for
 *       every layer but the first (the data needs none): 2 units for layer 1, 3 for the others.
 *   <li>Dual (forward-over-reverse) gradient, the weights carrying a tangent: layer 1 computes the
 *       value and the tangent of its forward product and of its weight gradient (4 units); every
 *       other layer also has tangents on its input, so each of its three products gains two tangent
 *       products (9 units).
 * </ul>
 *
 * A hypergradient is T plain gradients (forward training), one plain gradient of the objective on
 * the validation set, and T dual gradients (the reverse pass).
 */
final class FlopCount {
    private FlopCount() {}

    /** Flops of one plain gradient of an MLP with layer sizes {@code sizes} on {@code batch} examples. */
    static double gradient(int[] sizes, long batch) {
        double f = 0;
        for (int l = 1; l < sizes.length; l++) {
            f += (l == 1 ? 2 : 3) * unit(sizes, l, batch);
        }
        return f;
    }

    /** Flops of one dual gradient (gradient and Hessian-vector product in one pass). */
    static double dualGradient(int[] sizes, long batch) {
        double f = 0;
        for (int l = 1; l < sizes.length; l++) {
            f += (l == 1 ? 4 : 9) * unit(sizes, l, batch);
        }
        return f;
    }

    /** Flops of forward training: one plain gradient per step. */
    static double forwardTraining(int[] sizes, long batch, int steps) {
        return steps * gradient(sizes, batch);
    }

    /** Flops of a whole hypergradient: forward training, the objective's gradient, the reverse pass. */
    static double hypergradient(int[] sizes, long batch, int steps, long validation) {
        return steps * (gradient(sizes, batch) + dualGradient(sizes, batch)) + gradient(sizes, validation);
    }

    private static double unit(int[] sizes, int l, long batch) {
        return 2.0 * batch * sizes[l - 1] * sizes[l];
    }
}
