package io.github.hypergrad4j.autodiff.ops;

import io.github.hypergrad4j.autodiff.Dual;
import io.github.hypergrad4j.autodiff.DualMath;
import io.github.hypergrad4j.autodiff.Primitive;
import io.github.hypergrad4j.tensor.Tensor;
import io.github.hypergrad4j.tensor.TensorOps;

/** Elementwise exp; y' = y. */
public final class Exp implements Primitive {

    @Override
    public Dual forward(Dual... in) {
        double[] x = in[0].value().data(), y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = Math.exp(x[i]);
        }
        Tensor value = Tensor.of(y, in[0].value().shape());
        return new Dual(value, in[0].tangent() == null ? null : TensorOps.multiply(in[0].tangent(), value));
    }

    @Override
    public Dual[] vjp(Dual g, Dual out, Dual[] in, boolean[] needed) {
        return new Dual[] {DualMath.multiply(g, out)};
    }
}
