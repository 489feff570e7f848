package io.github.hypergrad4j.train;

import io.github.hypergrad4j.model.ParameterLayout;

/**
 * Learning rates alpha[t][g] and momentums beta[t][g] for every step t and parameter group g.
 * Validated on construction: learning rates finite and non-negative, momentums strictly inside
 * (0, 1). The arrays are copied in and out.
 */
public final class Schedule {
    private final double[][] alpha;
    private final double[][] beta;

    public Schedule(double[][] alpha, double[][] beta) {
        if (alpha.length != beta.length) {
            throw new IllegalArgumentException("learning-rate schedule has " + alpha.length + " steps but the momentum schedule has "
                    + beta.length + "; give both one row per step");
        }
        this.alpha = copy(alpha);
        this.beta = copy(beta);
        for (int t = 0; t < alpha.length; t++) {
            if (alpha[t].length != groups() || beta[t].length != groups()) {
                throw new IllegalArgumentException("schedule row " + t + " has " + alpha[t].length + " learning rates and "
                        + beta[t].length + " momentums; every row needs one per parameter group (" + groups() + ")");
            }
            for (int g = 0; g < groups(); g++) {
                double a = alpha[t][g], b = beta[t][g];
                if (!(a >= 0) || Double.isInfinite(a)) {
                    throw new IllegalArgumentException("learning rate at step " + t + ", group " + g + " is " + a
                            + "; learning rates must be finite and >= 0 (parameterise as exp(log alpha) to keep them positive)");
                }
                if (!(b > 0 && b < 1)) {
                    throw new IllegalArgumentException("momentum at step " + t + ", group " + g + " is " + b
                            + "; momentums must lie strictly inside (0, 1), e.g. 0.9 (parameterise as logistic(logit beta))");
                }
            }
        }
    }

    /** The same learning rate and momentum for every step and group. */
    public static Schedule constant(int steps, int groups, double alpha, double beta) {
        double[][] a = new double[steps][groups], b = new double[steps][groups];
        for (int t = 0; t < steps; t++) {
            java.util.Arrays.fill(a[t], alpha);
            java.util.Arrays.fill(b[t], beta);
        }
        return new Schedule(a, b);
    }

    /** A constant schedule for every group of a layout. */
    public static Schedule constant(int steps, ParameterLayout layout, double alpha, double beta) {
        return constant(steps, layout.groupCount(), alpha, beta);
    }

    private static double[][] copy(double[][] x) {
        double[][] c = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            c[i] = x[i].clone();
        }
        return c;
    }

    public int steps() {
        return alpha.length;
    }

    public int groups() {
        return alpha.length == 0 ? 0 : alpha[0].length;
    }

    public double alpha(int step, int group) {
        return alpha[step][group];
    }

    public double beta(int step, int group) {
        return beta[step][group];
    }

    /** A copy of the learning rates, steps x groups. */
    public double[][] alphas() {
        return copy(alpha);
    }

    /** A copy of the momentums, steps x groups. */
    public double[][] betas() {
        return copy(beta);
    }
}
