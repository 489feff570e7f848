package io.github.hypergrad4j.autodiff.ops;

/** Elementwise cosine; y' = -sin x, y'' = -cos x. */
public final class Cos extends ElementwiseFunction {

    @Override
    protected double value(double x) {
        return Math.cos(x);
    }

    @Override
    protected double slope(double x) {
        return -Math.sin(x);
    }

    @Override
    protected double curvature(double x) {
        return -Math.cos(x);
    }
}
