package io.github.hypergrad4j.train;

import java.util.EnumMap;
import java.util.Map;

/**
 * Where the time of a hypergradient goes: wall-clock nanoseconds per phase, summed over all steps.
 * An optional measurement for benchmarks and profiling; pass one to {@link
 * ReversibleTrainer#hypergradient(double[], double[], Schedule, Theta, Objective, StepListener,
 * PhaseTimes)}. Without it the trainer takes no timings and does no extra work.
 *
 * <p>With it, the trainer runs the exact updates as separate passes for the arithmetic and the
 * buffer (which gives the same bits, see the trainer) so that each can be timed. For SGD with
 * momentum it also evaluates an extra plain gradient at every reverse step: {@link
 * Phase#REVERSE_GRADIENT} is that plain gradient's time, and {@link Phase#REVERSE_HESSIAN} is the
 * dual pass's time minus it, i.e. what the Hessian-vector products add on top of recomputing the
 * gradient; the extra gradient is not part of any other phase. Adam, AdamW and RMSprop take their
 * gradient from a recorded pass and the Hessian-vector product from replaying its tangents (see
 * {@link io.github.hypergrad4j.autodiff.RecordedGradient}): the two phases are those two parts, and
 * nothing extra is evaluated. Not thread-safe; add one run at a time.
 */
public final class PhaseTimes {

    /** The phases of a hypergradient computation. */
    public enum Phase {
        /** Forward pass: the training gradient at each step. */
        FORWARD_GRADIENT("forward: gradient"),
        /** Forward pass: exact multiply by beta, pushing the lost bits into the information buffer. */
        FORWARD_BUFFER("forward: buffer (multiply by beta)"),
        /** Forward pass: the other exact updates (v -= (1 - beta) g, w += alpha v) and conversions. */
        FORWARD_EXACT("forward: exact arithmetic"),
        /** The objective and its gradient at the final weights. */
        OBJECTIVE("objective"),
        /** Reverse pass: recomputing the training gradient (for SGD with momentum measured as a plain gradient). */
        REVERSE_GRADIENT("reverse: gradient recomputation"),
        /** Reverse pass: H u and the mixed products (the dual pass minus a plain gradient, or the tangent replay). */
        REVERSE_HESSIAN("reverse: Hessian-vector products"),
        /** Reverse pass: exact undo of the weight and velocity updates, conversions. */
        REVERSE_EXACT("reverse: exact arithmetic"),
        /** Reverse pass: exact divide by beta, popping the stored bits from the information buffer. */
        REVERSE_BUFFER("reverse: buffer (divide by beta)"),
        /** Reverse pass: hypergradient accumulation (dalpha, dbeta, dw, dv, dtheta) and the state check. */
        REVERSE_BOOKKEEPING("reverse: hypergradient accumulation and checks");

        private final String label;

        Phase(String label) {
            this.label = label;
        }

        /**
         * A short human-readable name.
         *
         * @return e.g. {@code "reverse: buffer (divide by beta)"}
         */
        public String label() {
            return label;
        }
    }

    private final long[] nanos = new long[Phase.values().length];
    private int runs;

    /** Adds {@code ns} nanoseconds to a phase. */
    void add(Phase phase, long ns) {
        nanos[phase.ordinal()] += ns;
    }

    void countRun() {
        runs++;
    }

    /**
     * Nanoseconds spent in a phase, summed over all runs recorded so far.
     *
     * @param phase the phase
     * @return its total in nanoseconds
     */
    public long nanos(Phase phase) {
        return nanos[phase.ordinal()];
    }

    /**
     * Seconds spent in a phase, summed over all runs recorded so far.
     *
     * @param phase the phase
     * @return its total in seconds
     */
    public double seconds(Phase phase) {
        return nanos(phase) / 1e9;
    }

    /**
     * Hypergradient runs recorded.
     *
     * @return the number of hypergradient computations whose times were added
     */
    public int runs() {
        return runs;
    }

    /**
     * Seconds per phase, in phase order.
     *
     * @return every phase's total in seconds, zero for phases not timed
     */
    public Map<Phase, Double> asSeconds() {
        Map<Phase, Double> m = new EnumMap<>(Phase.class);
        for (Phase p : Phase.values()) {
            m.put(p, seconds(p));
        }
        return m;
    }

    /** Forgets everything recorded. */
    public void reset() {
        java.util.Arrays.fill(nanos, 0);
        runs = 0;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("PhaseTimes[runs=").append(runs);
        for (Phase p : Phase.values()) {
            b.append(", ").append(p.name().toLowerCase(java.util.Locale.ROOT)).append('=')
                    .append(String.format(java.util.Locale.ROOT, "%.4fs", seconds(p)));
        }
        return b.append(']').toString();
    }
}
