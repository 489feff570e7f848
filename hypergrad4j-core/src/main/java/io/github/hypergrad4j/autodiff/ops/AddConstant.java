package io.github.hypergrad4j.autodiff.ops;

import io.github.hypergrad4j.autodiff.Dual;
import io.github.hypergrad4j.autodiff.DualMath;
import io.github.hypergrad4j.autodiff.Primitive;
import io.github.hypergrad4j.tensor.Tensor;

/** x + c for a constant c, every entry; the gradient passes through unchanged. */
public final class AddConstant implements Primitive {
    private final double constant;

    /** Adds {@code constant} to every entry. */
    public AddConstant(double constant) {
        this.constant = constant;
    }

    @Override
    public Dual forward(Dual... in) {
        double[] x = in[0].value().data(), y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i] + constant;
        }
        return new Dual(Tensor.of(y, in[0].value().shape()), in[0].tangent());
    }

    @Override
    public Dual[] vjp(Dual g, Dual out, Dual[] in, boolean[] needed) {
        return new Dual[] {g};
    }
}
