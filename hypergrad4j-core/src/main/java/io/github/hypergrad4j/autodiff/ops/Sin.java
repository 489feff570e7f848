package io.github.hypergrad4j.autodiff.ops;

/** Elementwise sine; y' = cos x, y'' = -sin x. */
public final class Sin extends ElementwiseFunction {

    @Override
    protected double value(double x) {
        return Math.sin(x);
    }

    @Override
    protected double slope(double x) {
        return Math.cos(x);
    }

    @Override
    protected double curvature(double x) {
        return -Math.sin(x);
    }
}
