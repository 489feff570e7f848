package io.github.hypergrad4j.autodiff.ops;

/**
 * Elementwise x^p for a constant exponent p; y' = p x^(p-1), y'' = p (p-1) x^(p-2). For a
 * non-integer p the base must be positive (as for {@link Math#pow}).
 */
public final class Pow extends ElementwiseFunction {
    private final double exponent;

    /** x^{@code exponent}. */
    public Pow(double exponent) {
        if (!Double.isFinite(exponent)) {
            throw new IllegalArgumentException("pow needs a finite exponent, got " + exponent);
        }
        this.exponent = exponent;
    }

    @Override
    protected double value(double x) {
        return Math.pow(x, exponent);
    }

    @Override
    protected double slope(double x) {
        return exponent == 0 ? 0 : exponent * Math.pow(x, exponent - 1);
    }

    @Override
    protected double curvature(double x) {
        double c = exponent * (exponent - 1);
        return c == 0 ? 0 : c * Math.pow(x, exponent - 2);
    }
}
