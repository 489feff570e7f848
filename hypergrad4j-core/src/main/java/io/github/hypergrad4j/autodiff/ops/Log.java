package io.github.hypergrad4j.autodiff.ops;

import io.github.hypergrad4j.autodiff.Dual;
import io.github.hypergrad4j.autodiff.Primitive;
import io.github.hypergrad4j.tensor.Tensor;

/** Elementwise natural logarithm; y' = 1 / x. */
public final class Log implements Primitive {

    @Override
    public Dual forward(Dual... in) {
        double[] x = in[0].value().data(), y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = Math.log(x[i]);
        }
        Tensor t = null;
        if (in[0].tangent() != null) {
            double[] dt = in[0].tangent().data(), z = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                z[i] = dt[i] / x[i];
            }
            t = Tensor.of(z, in[0].value().shape());
        }
        return new Dual(Tensor.of(y, in[0].value().shape()), t);
    }

    @Override
    public Dual[] vjp(Dual g, Dual out, Dual[] in, boolean[] needed) {
        // g / x, whose tangent is g' / x - g x' / x^2.
        double[] x = in[0].value().data(), gv = g.value().data(), v = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            v[i] = gv[i] / x[i];
        }
        Tensor t = null;
        if (g.tangent() != null || in[0].tangent() != null) {
            double[] z = new double[x.length];
            if (g.tangent() != null) {
                double[] gt = g.tangent().data();
                for (int i = 0; i < x.length; i++) {
                    z[i] = gt[i] / x[i];
                }
            }
            if (in[0].tangent() != null) {
                double[] xt = in[0].tangent().data();
                for (int i = 0; i < x.length; i++) {
                    z[i] -= gv[i] * xt[i] / (x[i] * x[i]);
                }
            }
            t = Tensor.of(z, in[0].value().shape());
        }
        return new Dual[] {new Dual(Tensor.of(v, in[0].value().shape()), t)};
    }
}
