package io.github.hypergrad4j.autodiff.ops;

import io.github.hypergrad4j.autodiff.Dual;
import io.github.hypergrad4j.autodiff.DualMath;
import io.github.hypergrad4j.autodiff.Primitive;

/** s * x for a scalar s (first input) and a tensor x (second input). */
public final class ScalarTimes implements Primitive {

    @Override
    public Dual forward(Dual... in) {
        Dual s = in[0], x = in[1];
        if (s.value().size() != 1) {
            throw new IllegalArgumentException("scaledBy needs a scalar factor, got " + s.value());
        }
        return DualMath.multiply(DualMath.broadcastScalar(s, x.value().shape()), x);
    }

    @Override
    public Dual[] vjp(Dual g, Dual out, Dual[] in, boolean[] needed) {
        Dual s = in[0], x = in[1];
        Dual gs = needed[0] ? DualMath.reshape(DualMath.sum(DualMath.multiply(g, x)), s.value().shape()) : null;
        Dual gx = needed[1] ? DualMath.multiply(g, DualMath.broadcastScalar(s, x.value().shape())) : null;
        return new Dual[] {gs, gx};
    }
}
