package io.github.hypergrad4j.autodiff.ops;

/** Elementwise square root; y' = 1 / (2 sqrt x), y'' = -1 / (4 x sqrt x). Defined for x > 0. */
public final class Sqrt extends ElementwiseFunction {

    @Override
    protected double value(double x) {
        return Math.sqrt(x);
    }

    @Override
    protected double slope(double x) {
        return 0.5 / Math.sqrt(x);
    }

    @Override
    protected double curvature(double x) {
        return -0.25 / (x * Math.sqrt(x));
    }
}
