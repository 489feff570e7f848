package io.github.hypergrad4j.autodiff.ops;

import io.github.hypergrad4j.autodiff.Dual;
import io.github.hypergrad4j.autodiff.DualMath;
import io.github.hypergrad4j.autodiff.Primitive;
import io.github.hypergrad4j.tensor.Tensor;

/** Elementwise max(x, 0); its slope is the constant mask x > 0 (no second derivative). */
public final class Relu implements Primitive {

    @Override
    public Dual forward(Dual... in) {
        Tensor mask = mask(in[0].value());
        Dual masked = DualMath.multiply(in[0], Dual.of(mask));
        return masked;
    }

    private static Tensor mask(Tensor x) {
        double[] v = x.data(), m = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            m[i] = v[i] > 0 ? 1.0 : 0.0;
        }
        return Tensor.of(m, x.shape());
    }

    @Override
    public Dual[] vjp(Dual g, Dual out, Dual[] in, boolean[] needed) {
        return new Dual[] {DualMath.multiply(g, Dual.of(mask(in[0].value())))};
    }
}
