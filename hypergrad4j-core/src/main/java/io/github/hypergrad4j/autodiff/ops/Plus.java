package io.github.hypergrad4j.autodiff.ops;

import io.github.hypergrad4j.autodiff.Dual;
import io.github.hypergrad4j.autodiff.DualMath;
import io.github.hypergrad4j.autodiff.Primitive;

/** a + sign * b for tensors of one shape (sign is +1 for a sum, -1 for a difference). */
public final class Plus implements Primitive {
    private final double sign;

    /**
     * a + sign * b.
     *
     * @param sign +1 for a sum, -1 for a difference
     */
    public Plus(double sign) {
        if (sign != 1.0 && sign != -1.0) {
            throw new IllegalArgumentException("sign must be +1 or -1");
        }
        this.sign = sign;
    }

    @Override
    public Dual forward(Dual... in) {
        return sign > 0 ? DualMath.add(in[0], in[1]) : DualMath.subtract(in[0], in[1]);
    }

    @Override
    public Dual[] vjp(Dual g, Dual out, Dual[] in, boolean[] needed) {
        return new Dual[] {g, needed[1] ? (sign > 0 ? g : DualMath.scale(g, -1.0)) : null};
    }
}
