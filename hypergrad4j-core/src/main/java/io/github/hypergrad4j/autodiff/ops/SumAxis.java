package io.github.hypergrad4j.autodiff.ops;

import io.github.hypergrad4j.autodiff.Dual;
import io.github.hypergrad4j.autodiff.DualMath;
import io.github.hypergrad4j.autodiff.Primitive;

/**
 * Sums of a matrix along one axis, the axis kept as a dimension of 1: axis 0 gives the column sums
 * {@code [1, m]}, axis 1 the row sums {@code [n, 1]} (so the result broadcasts back against the
 * matrix). The gradient repeats the adjoint along the summed axis.
 */
public final class SumAxis implements Primitive {
    private final int axis;

    /** Sums along {@code axis} (0 or 1). */
    public SumAxis(int axis) {
        if (axis != 0 && axis != 1) {
            throw new IllegalArgumentException("a matrix has axes 0 and 1, got " + axis);
        }
        this.axis = axis;
    }

    @Override
    public Dual forward(Dual... in) {
        return DualMath.sumAxis(in[0], axis);
    }

    @Override
    public Dual[] vjp(Dual g, Dual out, Dual[] in, boolean[] needed) {
        return new Dual[] {DualMath.expand(g, in[0].value().shape())};
    }
}
