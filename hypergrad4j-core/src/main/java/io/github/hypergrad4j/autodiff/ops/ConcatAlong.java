package io.github.hypergrad4j.autodiff.ops;

import io.github.hypergrad4j.autodiff.Dual;
import io.github.hypergrad4j.autodiff.Primitive;
import io.github.hypergrad4j.tensor.Tensor;

/**
 * Matrices joined along an axis: axis 0 stacks their rows (all must have as many columns), axis 1
 * puts their columns side by side (all must have as many rows). The gradient cuts the adjoint back
 * into the parts. Linear, so exact to every order.
 */
public final class ConcatAlong implements Primitive {
    private final int axis;

    /** Joins along {@code axis} (0 or 1). */
    public ConcatAlong(int axis) {
        if (axis != 0 && axis != 1) {
            throw new IllegalArgumentException("matrices are joined along axis 0 or 1, got " + axis);
        }
        this.axis = axis;
    }

    @Override
    public Dual forward(Dual... in) {
        int other = axis == 0 ? 1 : 0, along = 0;
        int keep = in[0].value().rank() == 2 ? in[0].value().dim(other) : -1;
        boolean anyTangent = false;
        for (Dual d : in) {
            if (d.value().rank() != 2 || d.value().dim(other) != keep) {
                throw new IllegalArgumentException("concatenation along axis " + axis + " needs matrices with equal "
                        + (axis == 0 ? "column" : "row") + " counts, got " + d.value() + " after " + in[0].value());
            }
            along += d.value().dim(axis);
            anyTangent |= d.tangent() != null;
        }
        int[] shape = axis == 0 ? new int[] {along, keep} : new int[] {keep, along};
        Tensor v = Tensor.zeros(shape), t = anyTangent ? Tensor.zeros(shape) : null;
        int at = 0;
        for (Dual d : in) {
            place(d.value(), v, at);
            if (d.tangent() != null) {
                place(d.tangent(), t, at);
            }
            at += d.value().dim(axis);
        }
        return new Dual(v, t);
    }

    /** Copies {@code part} into {@code whole} starting at index {@code at} along the axis. */
    private void place(Tensor part, Tensor whole, int at) {
        int n = part.rows(), m = part.cols(), wm = whole.cols();
        for (int i = 0; i < n; i++) {
            int dst = axis == 0 ? (at + i) * wm : i * wm + at;
            System.arraycopy(part.data(), i * m, whole.data(), dst, m);
        }
    }

    /** The block of {@code whole} that {@link #place} filled from a part of {@code shape}. */
    private Tensor cut(Tensor whole, int[] shape, int at) {
        int n = shape[0], m = shape[1], wm = whole.cols();
        double[] z = new double[n * m];
        for (int i = 0; i < n; i++) {
            int src = axis == 0 ? (at + i) * wm : i * wm + at;
            System.arraycopy(whole.data(), src, z, i * m, m);
        }
        return Tensor.of(z, shape);
    }

    @Override
    public Dual[] vjp(Dual g, Dual out, Dual[] in, boolean[] needed) {
        Dual[] result = new Dual[in.length];
        int at = 0;
        for (int k = 0; k < in.length; k++) {
            int[] shape = in[k].value().shape();
            if (needed[k]) {
                result[k] = new Dual(cut(g.value(), shape, at), g.tangent() == null ? null : cut(g.tangent(), shape, at));
            }
            at += shape[axis];
        }
        return result;
    }
}
