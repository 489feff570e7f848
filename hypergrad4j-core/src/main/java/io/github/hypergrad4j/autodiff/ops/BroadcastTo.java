package io.github.hypergrad4j.autodiff.ops;

import io.github.hypergrad4j.autodiff.Dual;
import io.github.hypergrad4j.autodiff.DualMath;
import io.github.hypergrad4j.autodiff.Primitive;
import io.github.hypergrad4j.tensor.Broadcasting;

/**
 * A scalar, row or column repeated over a larger shape (the rules are {@link Broadcasting}'s). Linear,
 * so its gradient (the sum back onto the small shape) is exact to every order.
 */
public final class BroadcastTo implements Primitive {
    private final int[] shape;

    /** Repeats its input over {@code shape}. */
    public BroadcastTo(int... shape) {
        this.shape = shape.clone();
    }

    @Override
    public Dual forward(Dual... in) {
        return DualMath.expand(in[0], shape);
    }

    @Override
    public Dual[] vjp(Dual g, Dual out, Dual[] in, boolean[] needed) {
        return new Dual[] {DualMath.reduce(g, in[0].value().shape())};
    }
}
