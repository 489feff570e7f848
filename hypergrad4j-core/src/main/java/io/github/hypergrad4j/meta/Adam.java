package io.github.hypergrad4j.meta;

/**
 * Adam (Kingma and Ba, 2015) with bias-corrected moments; optionally with the first-moment decay of the
 * paper's first arXiv version ({@link #withFirstMomentDecayFactor}), which the original hypergrad code used.
 */
public final class Adam implements MetaOptimizer {
    private static final String TYPE = "adam";
    private final double stepSize;
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final double lambda;
    private double[] m;
    private double[] v;
    private int steps;
    private double stepScale = 1;

    /**
     * Adam with the usual moment decays (0.9, 0.999) and epsilon 1e-8.
     *
     * @param stepSize the meta step, positive
     */
    public Adam(double stepSize) {
        this(stepSize, 0.9, 0.999, 1e-8);
    }

    /**
     * Adam with every setting given.
     *
     * @param stepSize the meta step, positive
     * @param beta1 the first moment's decay, in [0, 1)
     * @param beta2 the second moment's decay, in [0, 1)
     * @param epsilon added to the root of the second moment, positive
     */
    public Adam(double stepSize, double beta1, double beta2, double epsilon) {
        this(stepSize, beta1, beta2, epsilon, 1);
    }

    private Adam(double stepSize, double beta1, double beta2, double epsilon, double lambda) {
        if (!(stepSize > 0) || !(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1) || !(epsilon > 0)) {
            throw new IllegalArgumentException("Adam needs step > 0, beta1 and beta2 in [0, 1), epsilon > 0; got "
                    + stepSize + ", " + beta1 + ", " + beta2 + ", " + epsilon);
        }
        if (!(lambda > 0 && lambda <= 1)) {
            throw new IllegalArgumentException("Adam's first-moment decay factor must be in (0, 1], got " + lambda);
        }
        this.stepSize = stepSize;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        this.lambda = lambda;
    }

    /**
     * The original hypergrad code's meta-optimiser: its {@code adam(step_size, b1=0.1, b2=0.01, eps=1e-4,
     * lam=1e-4)}, in this class's terms beta1 0.9, beta2 0.99, epsilon 1e-4 and first-moment decay factor
     * 1e-4, so that from the second step on the first moment is the current gradient (no momentum) while
     * its bias correction still divides by 1 - 0.9^t (early steps up to 5x larger).
     *
     * @param stepSize the meta step, positive
     * @return a new optimiser
     */
    public static Adam asInOriginalHypergrad(double stepSize) {
        return new Adam(stepSize, 0.9, 0.99, 1e-4).withFirstMomentDecayFactor(1e-4);
    }

    /**
     * The first-moment decay of the first arXiv version of the Adam paper: at step t (from 1) the first
     * moment decays by beta1 lambda^(t-1) instead of beta1, while the bias correction stays 1 - beta1^t.
     * lambda = 1 is plain Adam.
     *
     * @param factor lambda, in (0, 1]
     * @return a new optimiser with this factor and the same other settings, no steps taken
     */
    public Adam withFirstMomentDecayFactor(double factor) {
        return new Adam(stepSize, beta1, beta2, epsilon, factor);
    }

    @Override
    public void stepInPlace(double[] x, double[] gradient) {
        MetaOptimizer.check(x, gradient);
        if (m == null) {
            m = new double[x.length];
            v = new double[x.length];
        }
        steps++;
        double c1 = 1 - Math.pow(beta1, steps), c2 = 1 - Math.pow(beta2, steps);
        double b1 = lambda == 1 ? beta1 : beta1 * Math.pow(lambda, steps - 1);
        for (int i = 0; i < x.length; i++) {
            m[i] = b1 * m[i] + (1 - b1) * gradient[i];
            v[i] = beta2 * v[i] + (1 - beta2) * gradient[i] * gradient[i];
            x[i] -= stepScale * stepSize * (m[i] / c1) / (Math.sqrt(v[i] / c2) + epsilon);
        }
    }

    @Override
    public void setStepScale(double scale) {
        this.stepScale = MetaOptimizer.checkStepScale(scale);
    }

    @Override
    public int stepsTaken() {
        return steps;
    }

    /**
     * First and second moments (copies; null before the first step), for checkpoints.
     *
     * @return {m, v}, or null before the first step
     */
    public double[][] moments() {
        return m == null ? null : new double[][] {m.clone(), v.clone()};
    }

    @Override
    public MetaOptimizerState state() {
        return new MetaOptimizerState(TYPE, steps, m == null ? new double[0][] : new double[][] {m, v});
    }

    @Override
    public void restore(MetaOptimizerState state) {
        state.requireKind(TYPE, 2);
        if (state.arrays().length == 2) {
            for (double second : state.arrays()[1]) {
                if (!(second >= 0)) {
                    throw new IllegalArgumentException("Adam's second moment holds the value " + second
                            + ", not a non-negative one");
                }
            }
        }
        restore(state.arrays().length == 0 ? null : state.arrays(), state.steps());
    }

    /**
     * Restores moments and step count from a checkpoint.
     *
     * @param moments {m, v} as {@link #moments()} returned them, or null
     * @param stepsTaken the step count at that time (for the bias correction)
     */
    public void restore(double[][] moments, int stepsTaken) {
        this.m = moments == null ? null : moments[0].clone();
        this.v = moments == null ? null : moments[1].clone();
        this.steps = stepsTaken;
    }
}
