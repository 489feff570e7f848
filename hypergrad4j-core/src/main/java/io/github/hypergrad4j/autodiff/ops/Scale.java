package io.github.hypergrad4j.autodiff.ops;

import io.github.hypergrad4j.autodiff.Dual;
import io.github.hypergrad4j.autodiff.DualMath;
import io.github.hypergrad4j.autodiff.Primitive;

/** Multiplication by a constant. */
public final class Scale implements Primitive {
    private final double factor;

    /**
     * Multiplication by a constant factor.
     *
     * @param factor the constant
     */
    public Scale(double factor) {
        this.factor = factor;
    }

    @Override
    public Dual forward(Dual... in) {
        return DualMath.scale(in[0], factor);
    }

    @Override
    public Dual[] vjp(Dual g, Dual out, Dual[] in, boolean[] needed) {
        return new Dual[] {DualMath.scale(g, factor)};
    }
}
