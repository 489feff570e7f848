package io.github.hypergrad4j.autodiff.ops;

import io.github.hypergrad4j.autodiff.Dual;
import io.github.hypergrad4j.autodiff.DualMath;
import io.github.hypergrad4j.autodiff.Primitive;
import io.github.hypergrad4j.tensor.Tensor;

/** Elementwise logistic sigmoid; y' = y (1 - y). */
public final class Sigmoid implements Primitive {

    @Override
    public Dual forward(Dual... in) {
        double[] x = in[0].value().data(), y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            // Written so that exp never overflows.
            y[i] = x[i] >= 0 ? 1 / (1 + Math.exp(-x[i])) : Math.exp(x[i]) / (1 + Math.exp(x[i]));
        }
        Tensor t = null;
        if (in[0].tangent() != null) {
            double[] dt = in[0].tangent().data(), z = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                z[i] = y[i] * (1 - y[i]) * dt[i];
            }
            t = Tensor.of(z, in[0].value().shape());
        }
        return new Dual(Tensor.of(y, in[0].value().shape()), t);
    }

    @Override
    public Dual[] vjp(Dual g, Dual out, Dual[] in, boolean[] needed) {
        double[] y = out.value().data(), s = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            s[i] = y[i] * (1 - y[i]);
        }
        Tensor st = null;
        if (out.tangent() != null) {
            double[] t = out.tangent().data(), z = new double[y.length];
            for (int i = 0; i < y.length; i++) {
                z[i] = (1 - 2 * y[i]) * t[i];
            }
            st = Tensor.of(z, out.value().shape());
        }
        return new Dual[] {DualMath.multiply(g, new Dual(Tensor.of(s, out.value().shape()), st))};
    }
}
