package io.github.hypergrad4j.autodiff;

import io.github.hypergrad4j.tensor.Tensor;

/**
 * A primitive with one input whose output is a small part of it (a slice, a set of rows). Instead of
 * returning an input-sized, mostly zero adjoint, it adds its adjoint straight into the input's
 * accumulator: a model cut into eight slices of one weight vector would otherwise allocate and add
 * eight weight-sized arrays per gradient.
 */
public interface ScatteringPrimitive extends Primitive {

    /**
     * Adds the adjoint of the input into {@code value} and, when the output adjoint has a tangent,
     * its tangent into {@code tangent} (both input-sized, flat).
     *
     * @param outAdjoint the output's adjoint
     * @param value the input adjoint's values; added into
     * @param tangent the input adjoint's tangent; added into
     */
    void addVjpInto(Dual outAdjoint, double[] value, double[] tangent);

    /**
     * Adds the tangent of the input's adjoint into {@code tangent}, bit for bit what {@link
     * #addVjpInto} adds there; the default runs it with a scratch array for the values.
     *
     * @param outAdjoint the output's adjoint, with a tangent
     * @param tangent the input adjoint's tangent; added into
     */
    default void addTangentVjpInto(Dual outAdjoint, double[] tangent) {
        addVjpInto(outAdjoint, new double[tangent.length], tangent);
    }

    /**
     * The input's adjoint as a fresh input-sized dual, by {@link #addVjpInto} into zeros: the tape itself
     * always calls {@link #addVjpInto}; this serves callers of the general {@link Primitive} contract.
     */
    @Override
    default Dual[] vjp(Dual outAdjoint, Dual output, Dual[] inputs, boolean[] needed) {
        int[] shape = inputs[0].value().shape();
        Tensor value = Tensor.zeros(shape);
        Tensor tangent = outAdjoint.tangent() == null ? null
                : Tensor.zeros(shape);
        addVjpInto(outAdjoint, value.data(), tangent == null ? null : tangent.data());
        return new Dual[] {new Dual(value, tangent)};
    }
}
