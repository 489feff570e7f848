package io.github.hypergrad4j.autodiff.ops;

import io.github.hypergrad4j.autodiff.Dual;
import io.github.hypergrad4j.autodiff.DualMath;
import io.github.hypergrad4j.autodiff.Primitive;
import io.github.hypergrad4j.tensor.Tensor;

/**
 * log(sum(exp(x))) of a matrix along one axis, the axis kept as a dimension of 1 (axis 1: one value
 * per row, {@code [n, 1]}; axis 0: one per column, {@code [1, m]}), computed with the maximum
 * subtracted so that it never overflows. Tangent sum(p x') with p = exp(x - y) the softmax along
 * the axis; gradient p g, with p taken as a dual so that the second-order term comes with it.
 */
public final class LogSumExp implements Primitive {
    private final int axis;

    /** Reduces along {@code axis} (0 or 1). */
    public LogSumExp(int axis) {
        if (axis != 0 && axis != 1) {
            throw new IllegalArgumentException("a matrix has axes 0 and 1, got " + axis);
        }
        this.axis = axis;
    }

    @Override
    public Dual forward(Dual... in) {
        Tensor z = in[0].value();
        if (z.rank() != 2) {
            throw new IllegalArgumentException("logsumexp reduces a matrix along an axis, got " + z);
        }
        int n = z.rows(), m = z.cols();
        int groups = axis == 1 ? n : m, length = axis == 1 ? m : n;
        int groupStride = axis == 1 ? m : 1, step = axis == 1 ? 1 : m;
        double[] x = z.data(), y = new double[groups];
        for (int k = 0; k < groups; k++) {
            int o = k * groupStride;
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < length; j++) {
                max = Math.max(max, x[o + j * step]);
            }
            double s = 0;
            for (int j = 0; j < length; j++) {
                s += Math.exp(x[o + j * step] - max);
            }
            y[k] = max + Math.log(s);
        }
        Tensor value = Tensor.of(y, axis == 1 ? new int[] {n, 1} : new int[] {1, m});
        if (in[0].tangent() == null) {
            return Dual.of(value);
        }
        Dual p = weights(Dual.of(z), Dual.of(value));
        return new Dual(value, DualMath.sumAxis(DualMath.multiply(p, Dual.of(in[0].tangent())), axis).value());
    }

    /** p = exp(x - y) with y repeated along the axis: the softmax along the axis, as a dual. */
    private static Dual weights(Dual x, Dual y) {
        return DualMath.exp(DualMath.subtract(x, DualMath.expand(y, x.value().shape())));
    }

    @Override
    public Dual[] vjp(Dual g, Dual out, Dual[] in, boolean[] needed) {
        int[] shape = in[0].value().shape();
        return new Dual[] {DualMath.multiply(DualMath.expand(g, shape), weights(in[0], out))};
    }
}
