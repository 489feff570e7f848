package io.github.hypergrad4j.autodiff;

import io.github.hypergrad4j.tensor.Tensor;

/**
 * A value together with its directional derivative (tangent) along a fixed direction of the inputs.
 * A {@code null} tangent means zero and costs nothing.
 */
public record Dual(Tensor value, Tensor tangent) {

    /**
     * A value with zero tangent.
     *
     * @param value the value
     * @return a dual without tangent
     */
    public static Dual of(Tensor value) {
        return new Dual(value, null);
    }

    /**
     * Whether a tangent is carried.
     *
     * @return false when the tangent is zero (null)
     */
    public boolean hasTangent() {
        return tangent != null;
    }

    /**
     * The tangent, materialised as zeros when it is null.
     *
     * @return the tangent, or zeros of the value's shape
     */
    public Tensor tangentOrZeros() {
        return tangent != null ? tangent : Tensor.zeros(value.shape());
    }
}
