package io.github.hypergrad4j.autodiff.ops;

import io.github.hypergrad4j.autodiff.Dual;
import io.github.hypergrad4j.autodiff.DualMath;
import io.github.hypergrad4j.autodiff.Primitive;

/** The transpose of a matrix; its gradient is the transpose of the adjoint. */
public final class Transpose implements Primitive {

    @Override
    public Dual forward(Dual... in) {
        return DualMath.transpose(in[0]);
    }

    @Override
    public Dual[] vjp(Dual g, Dual out, Dual[] in, boolean[] needed) {
        return new Dual[] {DualMath.transpose(g)};
    }
}
