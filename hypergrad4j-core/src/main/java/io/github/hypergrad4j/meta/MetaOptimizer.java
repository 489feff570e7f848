package io.github.hypergrad4j.meta;

/** Minimises by stepping a parameter vector along gradients, one call per meta-iteration. */
public interface MetaOptimizer {

    /**
     * Updates {@code x} in place with one step against {@code gradient}.
     *
     * @param x the parameters; modified
     * @param gradient the gradient at x, finite, as long as x
     */
    void stepInPlace(double[] x, double[] gradient);

    /**
     * Number of steps taken so far.
     *
     * @return the number of calls of {@link #stepInPlace} so far
     */
    int stepsTaken();

    /**
     * Multiplies the configured step size by {@code scale} from now on (1 restores it), e.g. when an
     * {@link ExplosionGuard} asks for a smaller meta step.
     *
     * @param scale the factor, positive and finite
     */
    void setStepScale(double scale);

    /**
     * The state carried between steps (copies), for checkpoints.
     *
     * @return the kind, the steps taken and the arrays
     */
    MetaOptimizerState state();

    /**
     * Continues from {@code state}, as taken by {@link #state()} of an optimiser of the same kind.
     *
     * @throws IllegalArgumentException if the state is of another kind
     * @param state a state of this optimiser's kind
     */
    void restore(MetaOptimizerState state);

    /**
     * Returns a step scale after checking it is positive and finite.
     *
     * @param scale a proposed step scale
     * @return {@code scale}
     * @throws IllegalArgumentException if it is not positive and finite
     */
    static double checkStepScale(double scale) {
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("step scale must be positive and finite, got " + scale);
        }
        return scale;
    }

    /**
     * Validates a gradient: same size as x, every entry finite.
     *
     * @param x the parameters
     * @param gradient their gradient
     * @throws IllegalArgumentException if the sizes differ or an entry is not finite (naming it)
     */
    static void check(double[] x, double[] gradient) {
        if (x.length != gradient.length) {
            throw new IllegalArgumentException("gradient has " + gradient.length + " entries for " + x.length + " parameters");
        }
        for (int i = 0; i < gradient.length; i++) {
            if (!Double.isFinite(gradient[i])) {
                throw new IllegalArgumentException("hypergradient entry " + i + " is " + gradient[i]
                        + "; the inner training diverged: lower the learning rates or the meta step");
            }
        }
    }
}
