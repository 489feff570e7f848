package io.github.hypergrad4j.autodiff.ops;

import io.github.hypergrad4j.autodiff.Dual;
import io.github.hypergrad4j.autodiff.DualMath;
import io.github.hypergrad4j.autodiff.Primitive;

/**
 * Elementwise a / b of two tensors of one shape. Gradients g / b and -g (a / b) / b, written with
 * {@link DualMath#divide} and {@link DualMath#multiply} on the output's dual, so second order comes
 * with them.
 */
public final class Divide implements Primitive {

    @Override
    public Dual forward(Dual... in) {
        return DualMath.divide(in[0], in[1]);
    }

    @Override
    public Dual[] vjp(Dual g, Dual out, Dual[] in, boolean[] needed) {
        return new Dual[] {
            needed[0] ? DualMath.divide(g, in[1]) : null,
            needed[1] ? DualMath.scale(DualMath.divide(DualMath.multiply(g, out), in[1]), -1.0) : null
        };
    }
}
