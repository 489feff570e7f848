package io.github.hypergrad4j.autodiff.ops;

import io.github.hypergrad4j.autodiff.Dual;
import io.github.hypergrad4j.autodiff.DualMath;
import io.github.hypergrad4j.autodiff.Primitive;

/** The sum of every entry, as a scalar. */
public final class Sum implements Primitive {

    @Override
    public Dual forward(Dual... in) {
        return DualMath.sum(in[0]);
    }

    @Override
    public Dual[] vjp(Dual g, Dual out, Dual[] in, boolean[] needed) {
        return new Dual[] {DualMath.broadcastScalar(g, in[0].value().shape())};
    }
}
