package io.github.hypergrad4j.autodiff.ops;

import io.github.hypergrad4j.autodiff.Dual;
import io.github.hypergrad4j.autodiff.DualMath;
import io.github.hypergrad4j.autodiff.Primitive;
import io.github.hypergrad4j.tensor.Tensor;
import io.github.hypergrad4j.tensor.TensorOps;

/**
 * Elementwise min(max(x, lo), hi) for constant bounds. Its slope is the constant mask lo &lt; x &lt; hi
 * (0 on a bound and beyond), so it has no second derivative.
 */
public final class Clamp implements Primitive {
    private final double lo;
    private final double hi;

    /** Clamps to [{@code lo}, {@code hi}]; lo must not exceed hi. */
    public Clamp(double lo, double hi) {
        if (!(lo <= hi)) {
            throw new IllegalArgumentException("clamp needs lo <= hi, got [" + lo + ", " + hi + "]");
        }
        this.lo = lo;
        this.hi = hi;
    }

    private Tensor mask(Tensor x) {
        double[] v = x.data(), m = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            m[i] = v[i] > lo && v[i] < hi ? 1.0 : 0.0;
        }
        return Tensor.of(m, x.shape());
    }

    @Override
    public Dual forward(Dual... in) {
        double[] x = in[0].value().data(), y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = Math.min(Math.max(x[i], lo), hi);
        }
        Tensor t = in[0].tangent() == null ? null : TensorOps.multiply(in[0].tangent(), mask(in[0].value()));
        return new Dual(Tensor.of(y, in[0].value().shape()), t);
    }

    @Override
    public Dual[] vjp(Dual g, Dual out, Dual[] in, boolean[] needed) {
        return new Dual[] {DualMath.multiply(g, Dual.of(mask(in[0].value())))};
    }
}
