package io.github.hypergrad4j.autodiff;

/**
 * One differentiable operation: its forward rule (values and tangents) and its vector-Jacobian
 * product. The product must be written with {@link DualMath} (or other primitives' forward rules)
 * so that it propagates tangents too: that is what makes second derivatives exact.
 */
public interface Primitive {

    /**
     * Output value and tangent for the given inputs.
     *
     * @param inputs the input duals
     * @return the output value and tangent
     */
    Dual forward(Dual... inputs);

    /**
     * Adjoints of the inputs, given the adjoint of the output.
     *
     * @param outAdjoint adjoint of the output (value and tangent)
     * @param output the output computed by {@link #forward}
     * @param inputs the inputs given to {@link #forward}
     * @param needed which inputs need an adjoint; entries for the others may be null
     * @return the adjoints of the inputs (null where not needed)
     */
    Dual[] vjp(Dual outAdjoint, Dual output, Dual[] inputs, boolean[] needed);
}
