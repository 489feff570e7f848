package io.github.hypergrad4j.meta;

/** Minimises by stepping a parameter vector along gradients, one call per meta-iteration. */
public interface MetaOptimizer {

    /** Updates {@code x} in place with one step against {@code gradient}. */
    void stepInPlace(double[] x, double[] gradient);

    /** Number of steps taken so far. */
    int stepsTaken();

    /**
     * Multiplies the configured step size by {@code scale} from now on (1 restores it), e.g. when an
     * {@link ExplosionGuard} asks for a smaller meta step.
     */
    void setStepScale(double scale);

    /** The state carried between steps (copies), for checkpoints. */
    MetaOptimizerState state();

    /**
     * Continues from {@code state}, as taken by {@link #state()} of an optimiser of the same kind.
     *
     * @throws IllegalArgumentException if the state is of another kind
     */
    void restore(MetaOptimizerState state);

    /** Returns a step scale after checking it is positive and finite. */
    static double checkStepScale(double scale) {
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("step scale must be positive and finite, got " + scale);
        }
        return scale;
    }

    /** Validates a gradient: same size as x, every entry finite. */
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
