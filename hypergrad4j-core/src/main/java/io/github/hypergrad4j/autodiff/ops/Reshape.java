package io.github.hypergrad4j.autodiff.ops;

import io.github.hypergrad4j.autodiff.Dual;
import io.github.hypergrad4j.autodiff.DualMath;
import io.github.hypergrad4j.autodiff.Primitive;

/** The same values under another shape of equal size. */
public final class Reshape implements Primitive {
    private final int[] shape;

    /**
     * A reshape to the given dimensions.
     *
     * @param shape the output's dimensions
     */
    public Reshape(int... shape) {
        this.shape = shape.clone();
    }

    @Override
    public Dual forward(Dual... in) {
        return DualMath.reshape(in[0], shape);
    }

    @Override
    public Dual[] vjp(Dual g, Dual out, Dual[] in, boolean[] needed) {
        return new Dual[] {DualMath.reshape(g, in[0].value().shape())};
    }
}
