package io.github.hypergrad4j.autodiff.ops;

import io.github.hypergrad4j.autodiff.Dual;
import io.github.hypergrad4j.autodiff.DualMath;
import io.github.hypergrad4j.autodiff.Primitive;

/** Elementwise product of two tensors of one shape. */
public final class Times implements Primitive {

    @Override
    public Dual forward(Dual... in) {
        return DualMath.multiply(in[0], in[1]);
    }

    @Override
    public Dual[] vjp(Dual g, Dual out, Dual[] in, boolean[] needed) {
        return new Dual[] {
            needed[0] ? DualMath.multiply(g, in[1]) : null,
            needed[1] ? DualMath.multiply(g, in[0]) : null
        };
    }
}
