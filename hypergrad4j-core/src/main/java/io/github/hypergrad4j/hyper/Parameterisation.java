package io.github.hypergrad4j.hyper;

/**
 * A map from an unconstrained meta-parameter x to a hyperparameter value, with the chain rule.
 * Meta-optimisers step in x, so positivity (exp) or (0, 1) bounds (logistic) always hold.
 */
public enum Parameterisation {
    /** value = x. */
    IDENTITY {
        @Override
        public double value(double x) {
            return x;
        }

        @Override
        public double derivative(double x) {
            return 1;
        }

        @Override
        public double inverse(double value) {
            return value;
        }
    },
    /** value = exp(x): learning rates, initial scales, penalties. */
    LOG {
        @Override
        public double value(double x) {
            return Math.exp(x);
        }

        @Override
        public double derivative(double x) {
            return Math.exp(x);
        }

        @Override
        public double inverse(double value) {
            if (!(value > 0)) {
                throw new IllegalArgumentException("a log-parameterised value must be > 0, got " + value);
            }
            return Math.log(value);
        }
    },
    /** value = 1 / (1 + exp(-x)): momentums. */
    LOGIT {
        @Override
        public double value(double x) {
            return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
        }

        @Override
        public double derivative(double x) {
            double s = value(x);
            return s * (1 - s);
        }

        @Override
        public double inverse(double value) {
            if (!(value > 0 && value < 1)) {
                throw new IllegalArgumentException("a logit-parameterised value must lie in (0, 1), got " + value);
            }
            return Math.log(value / (1 - value));
        }
    };

    /**
     * The hyperparameter value for meta-parameter x.
     *
     * @param x the meta-parameter
     * @return the hyperparameter, e.g. exp(x) for {@link #LOG}
     */
    public abstract double value(double x);

    /**
     * d value / d x at x.
     *
     * @param x the meta-parameter
     * @return the derivative of {@link #value(double)} at x
     */
    public abstract double derivative(double x);

    /**
     * The meta-parameter x whose value is {@code value}.
     *
     * @param value a hyperparameter in this parameterisation's range
     * @return x with {@code value(x) == value} up to rounding
     */
    public abstract double inverse(double value);

    /**
     * Values for every entry of {@code x}.
     *
     * @param x the meta-parameters
     * @return a new array of hyperparameter values
     */
    public double[] values(double[] x) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = value(x[i]);
        }
        return out;
    }

    /**
     * Chain rule: df/dx = df/dvalue * dvalue/dx, entry by entry.
     *
     * @param x the meta-parameters
     * @param dValue the gradient with respect to the values
     * @return a new array, the gradient with respect to x
     */
    public double[] chain(double[] x, double[] dValue) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = dValue[i] * derivative(x[i]);
        }
        return out;
    }
}
