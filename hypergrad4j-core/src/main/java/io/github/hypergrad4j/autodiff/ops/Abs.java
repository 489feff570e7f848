package io.github.hypergrad4j.autodiff.ops;

import io.github.hypergrad4j.autodiff.Dual;
import io.github.hypergrad4j.autodiff.DualMath;
import io.github.hypergrad4j.autodiff.Primitive;
import io.github.hypergrad4j.tensor.Tensor;

/** Elementwise |x|; its slope is the constant sign(x) (0 at 0), so it has no second derivative. */
public final class Abs implements Primitive {

    @Override
    public Dual forward(Dual... in) {
        return DualMath.multiply(in[0], Dual.of(sign(in[0].value())));
    }

    private static Tensor sign(Tensor x) {
        double[] v = x.data(), s = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            s[i] = Math.signum(v[i]);
        }
        return Tensor.of(s, x.shape());
    }

    @Override
    public Dual[] vjp(Dual g, Dual out, Dual[] in, boolean[] needed) {
        return new Dual[] {DualMath.multiply(g, Dual.of(sign(in[0].value())))};
    }
}
