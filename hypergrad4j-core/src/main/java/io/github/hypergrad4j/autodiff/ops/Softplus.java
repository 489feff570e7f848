package io.github.hypergrad4j.autodiff.ops;

/**
 * Elementwise softplus log(1 + e^x), written as max(x, 0) + log1p(e^-|x|) so that it neither
 * overflows nor loses precision; y' = sigmoid(x), y'' = sigmoid(x) (1 - sigmoid(x)).
 */
public final class Softplus extends ElementwiseFunction {

    @Override
    protected double value(double x) {
        return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
    }

    @Override
    protected double slope(double x) {
        return sigmoid(x);
    }

    @Override
    protected double curvature(double x) {
        double s = sigmoid(x);
        return s * (1 - s);
    }

    /** The logistic function, written so that exp never overflows. */
    static double sigmoid(double x) {
        if (x >= 0) {
            return 1 / (1 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1 + e);
    }
}
