package io.github.hypergrad4j.autodiff.ops;

import io.github.hypergrad4j.autodiff.Dual;
import io.github.hypergrad4j.autodiff.DualMath;
import io.github.hypergrad4j.autodiff.Primitive;
import io.github.hypergrad4j.tensor.Elementary;
import io.github.hypergrad4j.tensor.Parallelism;
import io.github.hypergrad4j.tensor.Tensor;

/** Elementwise tanh; y' = 1 - y^2. */
public final class Tanh implements Primitive {

    @Override
    public Dual forward(Dual... in) {
        double[] x = in[0].value().data(), y = new double[x.length];
        Parallelism.get().forRange(x.length, 8192, (from, to) -> {
            for (int i = from; i < to; i++) {
                y[i] = Elementary.tanh(x[i]);
            }
        });
        Tensor value = Tensor.of(y, in[0].value().shape());
        return new Dual(value, in[0].tangent() == null ? null : slopeTimes(y, in[0].tangent()));
    }

    private static Tensor slopeTimes(double[] y, Tensor t) {
        double[] dt = t.data(), z = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            z[i] = (1 - y[i] * y[i]) * dt[i];
        }
        return Tensor.of(z, t.shape());
    }

    @Override
    public Dual[] vjp(Dual g, Dual out, Dual[] in, boolean[] needed) {
        return new Dual[] {DualMath.multiply(g, slope(out))};
    }

    /** 1 - y^2 as a dual: its tangent is -2 y y'. */
    private static Dual slope(Dual y) {
        double[] v = y.value().data(), s = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            s[i] = 1 - v[i] * v[i];
        }
        Tensor st = null;
        if (y.tangent() != null) {
            double[] t = y.tangent().data(), z = new double[v.length];
            for (int i = 0; i < v.length; i++) {
                z[i] = -2 * v[i] * t[i];
            }
            st = Tensor.of(z, y.value().shape());
        }
        return new Dual(Tensor.of(s, y.value().shape()), st);
    }
}
