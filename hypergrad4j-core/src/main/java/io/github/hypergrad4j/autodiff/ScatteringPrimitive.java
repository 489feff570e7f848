package io.github.hypergrad4j.autodiff;

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
}
