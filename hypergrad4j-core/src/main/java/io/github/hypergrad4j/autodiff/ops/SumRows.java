package io.github.hypergrad4j.autodiff.ops;

import io.github.hypergrad4j.autodiff.Dual;
import io.github.hypergrad4j.autodiff.DualMath;
import io.github.hypergrad4j.autodiff.Primitive;

/** Column sums of a matrix: n x m to a vector of m. */
public final class SumRows implements Primitive {

    @Override
    public Dual forward(Dual... in) {
        return DualMath.sumRows(in[0]);
    }

    @Override
    public Dual[] vjp(Dual g, Dual out, Dual[] in, boolean[] needed) {
        return new Dual[] {DualMath.broadcastRows(g, in[0].value().rows(), in[0].value().shape())};
    }
}
