package io.github.hypergrad4j.train;

import io.github.hypergrad4j.exact.RationalFactor;
import io.github.hypergrad4j.model.ParameterLayout;

/**
 * Learning rates alpha[t][g] and momentums beta[t][g] for every step t and parameter group g, and
 * optionally the other per-step, per-group hyperparameters of an {@link Optimizer}: the second-moment
 * decay beta2 (Adam, RMSprop), eps and the decoupled weight decay (AdamW). For Adam and RMSprop,
 * beta is beta1, the first moment's decay. Where a schedule gives no beta2, eps or weight decay, the
 * optimiser's constant default is used. Validated on construction: learning rates finite and
 * non-negative, beta and beta2 strictly inside (0, 1), eps finite and positive, weight decay finite
 * and non-negative. The arrays are copied in and out.
 *
 * <h2>Momentums are quantised</h2>
 * Exact reversal multiplies the velocity by a fraction, so the {@link ReversibleTrainer} trains with
 * {@code n / 2^16}, {@code n = round(beta * 2^16)} clamped to {@code [1, 2^16 - 1]}, instead of
 * {@code beta} itself: 0.9 becomes 58982 / 65536 = 0.899994, anything below 2^-17 becomes 2^-16 and
 * anything above 1 - 2^-17 becomes 1 - 2^-16. {@link #betaUsed(int, int)} gives the value used, and
 * {@link Hypergradient#dBeta()} is the derivative with respect to it (the gradient of the smooth
 * function of beta that the quantisation samples), which is what a meta-optimiser needs.
 *
 * <p>A consequence for checks by finite differences: the objective is constant in beta between grid
 * points, so a difference quotient with a step much smaller than {@link #MOMENTUM_RESOLUTION}
 * ({@code 2^-16}, about 1.5e-5), e.g. 1e-6, is exactly 0 or, across a grid point, huge. Step by a
 * whole number of grid points instead, from a momentum on the grid ({@code k / 65536}): a central
 * difference with {@code h = 2^-16} or a few times that agrees with {@code dBeta} to the usual
 * finite-difference accuracy.
 */
public final class Schedule {
    /** The spacing of the momentums training actually uses: {@code 2^-16}. */
    public static final double MOMENTUM_RESOLUTION = 1.0 / RationalFactor.DENOMINATOR;

    private final double[][] alpha;
    private final double[][] beta;
    private final double[][] beta2;
    private final double[][] eps;
    private final double[][] weightDecay;

    /**
     * A schedule from its two tables, copied.
     *
     * @param alpha learning rates, one row per step with one entry per parameter group
     * @param beta momentums of the same shape, each strictly inside (0, 1); training uses them
     *     rounded to multiples of 2^-16 (see the class comment)
     * @throws IllegalArgumentException if the shapes differ or a value is out of range
     */
    public Schedule(double[][] alpha, double[][] beta) {
        this(alpha, beta, null, null, null);
    }

    private Schedule(double[][] alpha, double[][] beta, double[][] beta2, double[][] eps, double[][] weightDecay) {
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
        this.beta2 = checked("beta2", beta2, b -> b > 0 && b < 1, "must lie strictly inside (0, 1), e.g. 0.999");
        this.eps = checked("eps", eps, e -> e > 0 && e < Double.POSITIVE_INFINITY, "must be finite and > 0, e.g. 1e-7");
        this.weightDecay = checked("weight decay", weightDecay, l -> l >= 0 && l < Double.POSITIVE_INFINITY,
                "must be finite and >= 0, e.g. 0.01");
    }

    private double[][] checked(String name, double[][] x, java.util.function.DoublePredicate ok, String rule) {
        if (x == null) {
            return null;
        }
        if (x.length != steps()) {
            throw new IllegalArgumentException(name + " schedule has " + x.length + " steps but the learning rates have "
                    + steps() + "; give one row per step");
        }
        for (int t = 0; t < x.length; t++) {
            if (x[t].length != groups()) {
                throw new IllegalArgumentException(name + " schedule row " + t + " has " + x[t].length
                        + " values; every row needs one per parameter group (" + groups() + ")");
            }
            for (int g = 0; g < groups(); g++) {
                if (!ok.test(x[t][g])) {
                    throw new IllegalArgumentException(name + " at step " + t + ", group " + g + " is " + x[t][g]
                            + "; it " + rule);
                }
            }
        }
        return copy(x);
    }

    /**
     * This schedule with a second-moment decay for every step and group (Adam, AdamW, RMSprop), in
     * place of the optimiser's constant default.
     *
     * @param beta2 beta2[t][g], one row per step with one entry per group, each strictly inside (0, 1),
     *     e.g. 0.999; training uses them rounded to multiples of 2^-16, like beta. Copied
     * @return a new schedule with this schedule's other tables; this one is unchanged
     * @throws IllegalArgumentException if the shape differs from the learning rates' or a value is out
     *     of range
     */
    public Schedule withBeta2(double[][] beta2) {
        return new Schedule(alpha, beta, beta2, eps, weightDecay);
    }

    /**
     * This schedule with eps for every step and group (Adam, AdamW, RMSprop: the update divides by
     * sqrt(s + eps^2)), in place of the optimiser's constant default.
     *
     * @param eps eps[t][g], in the units of the gradient, one row per step with one entry per group,
     *     each finite and positive, e.g. 1e-7. Training also requires (1 - beta2) eps^2 to be at least
     *     the second moment's resolution (see {@link Optimizer#withEps(double)}). Copied
     * @return a new schedule with this schedule's other tables; this one is unchanged
     * @throws IllegalArgumentException if the shape differs from the learning rates' or a value is out
     *     of range
     */
    public Schedule withEps(double[][] eps) {
        return new Schedule(alpha, beta, beta2, eps, weightDecay);
    }

    /**
     * This schedule with a decoupled weight decay for every step and group (AdamW: each step multiplies
     * w by 1 - alpha[t][g] lambda[t][g]), in place of the optimiser's constant default.
     *
     * @param weightDecay lambda[t][g], one row per step with one entry per group, each finite and
     *     non-negative, e.g. 0.01; training also requires alpha lambda in [2^-17, 1) wherever it is not
     *     0. Copied
     * @return a new schedule with this schedule's other tables; this one is unchanged
     * @throws IllegalArgumentException if the shape differs from the learning rates' or a value is out
     *     of range
     */
    public Schedule withWeightDecay(double[][] weightDecay) {
        return new Schedule(alpha, beta, beta2, eps, weightDecay);
    }

    /**
     * A table with the same value for every step and group, to pass to {@link #withBeta2(double[][])},
     * {@link #withEps(double[][])} or {@link #withWeightDecay(double[][])}.
     *
     * @param steps the number of rows, the training steps T (at least 0)
     * @param groups the entries per row, the parameter groups (at least 0)
     * @param value the entry everywhere; not validated here
     * @return a new steps x groups array filled with {@code value}
     */
    public static double[][] constantRows(int steps, int groups, double value) {
        double[][] x = new double[steps][groups];
        for (double[] row : x) {
            java.util.Arrays.fill(row, value);
        }
        return x;
    }

    /**
     * The same learning rate and momentum for every step and group.
     *
     * @param steps the number of training steps T
     * @param groups the number of parameter groups
     * @param alpha the learning rate
     * @param beta the momentum, strictly inside (0, 1)
     * @return the schedule
     */
    public static Schedule constant(int steps, int groups, double alpha, double beta) {
        double[][] a = new double[steps][groups], b = new double[steps][groups];
        for (int t = 0; t < steps; t++) {
            java.util.Arrays.fill(a[t], alpha);
            java.util.Arrays.fill(b[t], beta);
        }
        return new Schedule(a, b);
    }

    /**
     * A constant schedule for every group of a layout.
     *
     * @param steps the number of training steps T
     * @param layout the model's parameters; one learning rate and momentum per group
     * @param alpha the learning rate
     * @param beta the momentum, strictly inside (0, 1)
     * @return the schedule
     */
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

    /**
     * The number of training steps.
     *
     * @return T, the number of rows
     */
    public int steps() {
        return alpha.length;
    }

    /**
     * The number of parameter groups.
     *
     * @return the entries per row, 0 for an empty schedule
     */
    public int groups() {
        return alpha.length == 0 ? 0 : alpha[0].length;
    }

    /**
     * One learning rate.
     *
     * @param step the step, 0 to T-1
     * @param group the parameter group
     * @return alpha[step][group]
     */
    public double alpha(int step, int group) {
        return alpha[step][group];
    }

    /**
     * One momentum as given.
     *
     * @param step the step, 0 to T-1
     * @param group the parameter group
     * @return beta[step][group]; training uses {@link #betaUsed(int, int)}
     */
    public double beta(int step, int group) {
        return beta[step][group];
    }

    /**
     * The momentum exact training actually uses for a step and group: {@link #beta(int, int)}
     * rounded to the nearest {@code n / 2^16} and clamped to {@code [2^-16, 1 - 2^-16]}.
     *
     * @param step the step, 0 to T-1
     * @param group the parameter group
     * @return the quantised momentum, the value {@link Hypergradient#dBeta()} is taken at
     */
    public double betaUsed(int step, int group) {
        return RationalFactor.of(beta[step][group]).value();
    }

    /**
     * Whether this schedule gives beta2 itself.
     *
     * @return true after {@link #withBeta2(double[][])}; false when the optimiser's default is used
     */
    public boolean hasBeta2() {
        return beta2 != null;
    }

    /**
     * Whether this schedule gives eps itself.
     *
     * @return true after {@link #withEps(double[][])}; false when the optimiser's default is used
     */
    public boolean hasEps() {
        return eps != null;
    }

    /**
     * Whether this schedule gives the decoupled weight decay itself.
     *
     * @return true after {@link #withWeightDecay(double[][])}; false when the optimiser's default is
     *     used
     */
    public boolean hasWeightDecay() {
        return weightDecay != null;
    }

    /**
     * The second-moment decay at a step and group, as given (not quantised).
     *
     * @param step the step, 0 to T-1
     * @param group the parameter group
     * @param fallback the value to return when this schedule has no beta2 table, usually the
     *     optimiser's default
     * @return beta2[step][group], or {@code fallback} when {@link #hasBeta2()} is false
     */
    public double beta2(int step, int group, double fallback) {
        return beta2 == null ? fallback : beta2[step][group];
    }

    /**
     * eps at a step and group.
     *
     * @param step the step, 0 to T-1
     * @param group the parameter group
     * @param fallback the value to return when this schedule has no eps table, usually the
     *     optimiser's default
     * @return eps[step][group], or {@code fallback} when {@link #hasEps()} is false
     */
    public double eps(int step, int group, double fallback) {
        return eps == null ? fallback : eps[step][group];
    }

    /**
     * The decoupled weight decay lambda at a step and group.
     *
     * @param step the step, 0 to T-1
     * @param group the parameter group
     * @param fallback the value to return when this schedule has no weight-decay table, usually the
     *     optimiser's default
     * @return lambda[step][group], or {@code fallback} when {@link #hasWeightDecay()} is false
     */
    public double weightDecay(int step, int group, double fallback) {
        return weightDecay == null ? fallback : weightDecay[step][group];
    }

    /**
     * A copy of the learning rates, steps x groups.
     *
     * @return a new steps x groups array
     */
    public double[][] alphas() {
        return copy(alpha);
    }

    /**
     * A copy of the momentums, steps x groups.
     *
     * @return a new steps x groups array, the momentums as given (not quantised)
     */
    public double[][] betas() {
        return copy(beta);
    }
}
