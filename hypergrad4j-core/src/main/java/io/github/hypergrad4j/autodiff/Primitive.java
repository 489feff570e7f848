package io.github.hypergrad4j.autodiff;

import io.github.hypergrad4j.tensor.Tensor;

/**
 * One differentiable operation: its forward rule (values and tangents) and its vector-Jacobian
 * product. The product must be written with {@link DualMath} (or other primitives' forward rules)
 * so that it propagates tangents too: that is what makes second derivatives exact.
 *
 * <p>The tangent halves of the two rules ({@link #forwardTangent}, {@link #vjpTangents}) serve a
 * {@link RecordedGradient}, which has the values already. Their defaults run the whole rule and drop
 * the value; a primitive whose value is expensive (a matrix product) overrides them to compute only
 * the tangent, by the very same operations as the whole rule, so that the bits agree.
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

    /**
     * The tangent of {@link #forward} for inputs whose values were given to it before, when it
     * returned {@code value}: bit for bit {@code forward(inputs).tangent()}, which is what the default
     * computes.
     *
     * @param value the output value {@link #forward} computed for these input values
     * @param inputs the input values with their tangents (null where zero)
     * @return the output's tangent, or null where {@link #forward} gives none
     */
    default Tensor forwardTangent(Tensor value, Dual... inputs) {
        return forward(inputs).tangent();
    }

    /**
     * The tangents of the adjoints {@link #vjp} returns, for the same arguments: bit for bit the
     * tangents of {@code vjp(outAdjoint, output, inputs, needed)}, which is what the default computes.
     *
     * @param outAdjoint adjoint of the output (value and tangent)
     * @param output the output's value and tangent
     * @param inputs the inputs' values and tangents
     * @param needed which inputs need an adjoint; entries for the others may be null
     * @return per input the tangent of its adjoint, or null (not needed, or zero)
     */
    default Tensor[] vjpTangents(Dual outAdjoint, Dual output, Dual[] inputs, boolean[] needed) {
        Dual[] adjoints = vjp(outAdjoint, output, inputs, needed);
        Tensor[] tangents = new Tensor[adjoints.length];
        for (int k = 0; k < adjoints.length; k++) {
            tangents[k] = adjoints[k] == null ? null : adjoints[k].tangent();
        }
        return tangents;
    }
}
