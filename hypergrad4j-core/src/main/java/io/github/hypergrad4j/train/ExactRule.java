package io.github.hypergrad4j.train;

import io.github.hypergrad4j.exact.FixedPointFormat;

/**
 * One optimiser's exact update and its exact undo on the fixed-point state, with the hypergradient
 * bookkeeping of each step, for one run. The {@link ReversibleTrainer} owns the loop (gradients,
 * chunks, threads, timings, checks) and calls these per chunk, in this order:
 *
 * <pre>
 * forward step t:  forwardMultiply (every moment times its factor, into the buffer), forwardUpdate
 * reverse step t:  accumulateBeforeGradient, undoWeights          (w_t is known now)
 *                  [gradient g_t at w_t]
 *                  undoMomentAdditions, undoMomentMultiplications (m_t, s_t are known now)
 *                  accumulateAfterGradient (sets the direction u), [H u], finishStep
 * </pre>
 *
 * Buffer operations must be undone in reverse order: forwards, each chunk's pieces ascending;
 * backwards, descending. Partial sums are per piece: {@code partial[k * count + j]} is sum j of
 * piece k; the trainer adds them per group in a fixed order and hands them to {@link #finishStep}.
 * After {@link #accumulateAfterGradient} the trainer sets dw -= H u and dtheta -= grad_theta(u .
 * grad L). Instances hold per-run running sums; use one per run.
 */
abstract class ExactRule {
    /** 2^62: fixed-point values must lie strictly inside (-LIMIT, LIMIT) in units of their resolution. */
    static final double LIMIT = 0x1p62;

    final StepHyperparameters h;
    final FixedPointFormat format;

    ExactRule(StepHyperparameters h, FixedPointFormat format) {
        this.h = h;
        this.format = format;
    }

    /** The format of the first moment or velocity m. */
    FixedPointFormat firstMomentFormat() {
        return format;
    }

    /** Whether the state has a second moment s. */
    abstract boolean hasSecondMoment();

    /** Whether the reverse pass's direction u depends on g_t (then g_t is computed before H u). */
    abstract boolean directionNeedsGradient();

    /** Partial sums per piece in the phase before the gradient. */
    abstract int sumsBeforeGradient();

    /** Partial sums per piece in the phase after the gradient. */
    abstract int sumsAfterGradient();

    abstract void forwardMultiply(ExactState st, ParameterChunk chunk, int t);

    abstract void forwardUpdate(ExactState st, ParameterChunk chunk, int t, double[] grad);

    abstract void accumulateBeforeGradient(ExactState st, ParameterChunk chunk, int t, Adjoints a, double[] partial);

    abstract void undoWeights(ExactState st, ParameterChunk chunk, int t, Adjoints a, double[] partial);

    abstract void undoMomentAdditions(ExactState st, ParameterChunk chunk, int t, double[] grad, Adjoints a);

    abstract void undoMomentMultiplications(ExactState st, ParameterChunk chunk, int t);

    abstract void accumulateAfterGradient(ExactState st, ParameterChunk chunk, int t, double[] grad, Adjoints a,
            double[] partial);

    /** Turns the per-group sums of step t ({@code before[g][j]}, {@code after[g][j]}) into hypergradients. */
    abstract void finishStep(int t, double[][] before, double[][] after, Outputs out);

    /**
     * The reverse pass's per-parameter accumulators, shared by the chunks (each writes its own range).
     * u is the direction of the step's Hessian-vector product once {@link #accumulateAfterGradient} has
     * set it; before that, within the step, a rule may use it to pass per-parameter values from {@link
     * #accumulateBeforeGradient} to {@link #undoWeights}.
     */
    record Adjoints(double[] dw, double[] dm, double[] ds, double[] u) {}

    /** The per-step, per-group hypergradients, steps x groups each. */
    record Outputs(double[][] dAlpha, double[][] dBeta, double[][] dBeta2, double[][] dEps, double[][] dWeightDecay) {
        static Outputs zeros(int steps, int groups) {
            return new Outputs(new double[steps][groups], new double[steps][groups], new double[steps][groups],
                    new double[steps][groups], new double[steps][groups]);
        }
    }

    /**
     * {@code target + (long) y}, where y is a value already scaled to units of the target's format:
     * the exact addition of a rounded (truncated) real. Subtracting the same y undoes it bit for bit.
     *
     * @throws StateOverflowException if y or the sum leaves the range
     */
    static long plus(long target, double y, String state, int index, FixedPointFormat f) {
        if (!(Math.abs(y) < LIMIT)) {
            throw new StateOverflowException(state, index, y * f.resolution(), f.maxMagnitude());
        }
        long sum = target + (long) y;
        if (!FixedPointFormat.isInRange(sum)) {
            throw new StateOverflowException(state, index, target * f.resolution() + y * f.resolution(), f.maxMagnitude());
        }
        return sum;
    }
}
