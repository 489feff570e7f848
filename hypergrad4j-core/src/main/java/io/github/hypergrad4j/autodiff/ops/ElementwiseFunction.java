package io.github.hypergrad4j.autodiff.ops;

import io.github.hypergrad4j.autodiff.Dual;
import io.github.hypergrad4j.autodiff.DualMath;
import io.github.hypergrad4j.autodiff.Primitive;

/**
 * A smooth elementwise function given by its value and its first two derivatives. Forward: value
 * f(x), tangent f'(x) x'. Gradient: g f'(x), whose tangent g' f'(x) + g f''(x) x' comes from
 * {@link DualMath#multiply} and {@link DualMath#map}, so the rule is exact to second order. Extend
 * it for a new elementwise primitive; check it with {@link io.github.hypergrad4j.autodiff.GradCheck}.
 */
public abstract class ElementwiseFunction implements Primitive {

    /** The function. */
    protected abstract double value(double x);

    /** Its first derivative. */
    protected abstract double slope(double x);

    /** Its second derivative. */
    protected abstract double curvature(double x);

    @Override
    public Dual forward(Dual... in) {
        return DualMath.map(in[0], this::value, this::slope);
    }

    @Override
    public Dual[] vjp(Dual g, Dual out, Dual[] in, boolean[] needed) {
        return new Dual[] {DualMath.multiply(g, DualMath.map(in[0], this::slope, this::curvature))};
    }
}
