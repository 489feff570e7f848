package io.github.hypergrad4j.autodiff.ops;

/** Elementwise log(1 + x), accurate near 0; y' = 1 / (1 + x), y'' = -1 / (1 + x)^2. Defined for x > -1. */
public final class Log1p extends ElementwiseFunction {

    @Override
    protected double value(double x) {
        return Math.log1p(x);
    }

    @Override
    protected double slope(double x) {
        return 1 / (1 + x);
    }

    @Override
    protected double curvature(double x) {
        return -1 / ((1 + x) * (1 + x));
    }
}
