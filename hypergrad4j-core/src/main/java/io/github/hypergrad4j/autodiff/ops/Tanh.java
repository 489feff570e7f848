package io.github.hypergrad4j.autodiff.ops;

import io.github.hypergrad4j.autodiff.Dual;
import io.github.hypergrad4j.autodiff.Primitive;
import io.github.hypergrad4j.tensor.Elementary;
import io.github.hypergrad4j.tensor.Parallelism;
import io.github.hypergrad4j.tensor.Tensor;

/**
 * Elementwise tanh; y' = (1 - y^2) x'. The gradient rule g (1 - y^2) is fused into one loop per
 * output: value g (1 - y^2) and tangent g' (1 - y^2) - 2 g y y' (the derivative of the value along
 * the tangents, by the product rule), so it propagates second-order information without
 * intermediate tensors. The value is computed by the same expression whether or not tangents are
 * present, so a gradient recomputed on duals has the same bits as a plain one.
 */
public final class Tanh implements Primitive {
    /** Arrays at least this long are split over threads (elementwise, so the cut changes no bit). */
    private static final int PARALLEL_PIECE = 8192;

    @Override
    public Dual forward(Dual... in) {
        double[] x = in[0].value().data(), y = new double[x.length];
        Parallelism.get().forRange(x.length, PARALLEL_PIECE, (from, to) -> Elementary.tanh(x, y, from, to));
        Tensor value = Tensor.of(y, in[0].value().shape());
        return new Dual(value, in[0].tangent() == null ? null : slopeTimes(y, in[0].tangent()));
    }

    /** (1 - y^2) t. */
    private static Tensor slopeTimes(double[] y, Tensor t) {
        double[] dt = t.data(), z = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            z[i] = (1 - y[i] * y[i]) * dt[i];
        }
        return Tensor.of(z, t.shape());
    }

    @Override
    public Tensor forwardTangent(Tensor value, Dual... in) {
        return in[0].tangent() == null ? null : slopeTimes(value.data(), in[0].tangent());
    }

    @Override
    public Dual[] vjp(Dual g, Dual out, Dual[] in, boolean[] needed) {
        double[] gv = g.value().data(), y = out.value().data(), value = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            value[i] = gv[i] * (1 - y[i] * y[i]);
        }
        int[] shape = out.value().shape();
        return new Dual[] {new Dual(Tensor.of(value, shape), tangentOfAdjoint(g, out))};
    }

    @Override
    public Tensor[] vjpTangents(Dual g, Dual out, Dual[] in, boolean[] needed) {
        return new Tensor[] {tangentOfAdjoint(g, out)};
    }

    /** The tangent of the adjoint g (1 - y^2): g' (1 - y^2) - 2 g y y', null when both tangents are. */
    private static Tensor tangentOfAdjoint(Dual g, Dual out) {
        double[] gv = g.value().data(), y = out.value().data();
        double[] tangent = null;
        Tensor gt = g.tangent(), yt = out.tangent();
        if (gt != null && yt != null) {
            double[] a = gt.data(), b = yt.data();
            tangent = new double[y.length];
            for (int i = 0; i < y.length; i++) {
                tangent[i] = a[i] * (1 - y[i] * y[i]) - 2 * gv[i] * y[i] * b[i];
            }
        } else if (gt != null) {
            double[] a = gt.data();
            tangent = new double[y.length];
            for (int i = 0; i < y.length; i++) {
                tangent[i] = a[i] * (1 - y[i] * y[i]);
            }
        } else if (yt != null) {
            double[] b = yt.data();
            tangent = new double[y.length];
            for (int i = 0; i < y.length; i++) {
                tangent[i] = -2 * gv[i] * y[i] * b[i];
            }
        }
        return tangent == null ? null : Tensor.of(tangent, out.value().shape());
    }
}
