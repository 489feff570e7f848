package io.github.hypergrad4j.meta;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Watches the norm of the hypergradient across meta-iterations. The reversible-learning paper warns
 * that large learning rates make the inner training chaotic and its hypergradient useless, and that
 * the sign is the meta-gradient's magnitude starting to grow. A norm above {@code factor} times the
 * median of the earlier norms (or a non-finite one) is an explosion: the guard then either asks for a
 * smaller meta step, rejecting that update, asks to stop, or only records it and keeps the update. Every
 * explosion is kept as an event for the results.
 *
 * <p><b>Leaving a plateau is not chaos.</b> A start on a flat plateau (e.g. initial weights so small
 * that training hardly moves the loss) has tiny hypergradients; when the meta-optimisation finds the way
 * off it, the norm grows by orders of magnitude while the meta-objective falls. Chaos makes the
 * hypergradient useless and the objective worse. So when the caller gives the meta-objective
 * ({@link #observe(int, double, double)}), a grown norm counts as an explosion only if the objective did
 * not improve on the last accepted one; the grown norm then joins the history, so the median follows the
 * new regime.
 *
 * <p><b>A norm that stays high as the step shrinks was not caused by the step.</b> With {@code shrink},
 * an exploded update is retaken from the last accepted point with a smaller step. If after
 * {@value #PERSISTENCE} rejections in a row (the step shrunk to 1/8) the norm is still exploding and has
 * not come down by the factor from the first rejected norm of the run, it is large arbitrarily close to
 * the accepted point: the step did not cause it (a step that overshoots into chaos gives norms that fall
 * with the step) (with a new seed every
 * meta-iteration, a single accepted seed's small norm can be the exception). The guard then accepts the
 * norm as the hypergradient's new scale: the update is applied, the history restarts from it, the meta
 * step is restored to what it was before those rejections, and an {@link Event#accepted()} event says so.
 */
public final class ExplosionGuard {

    /** What to do when the hypergradient explodes. */
    public enum Action {
        /** Reject the update and retake it with the meta step scaled down (halved by default). */
        SHRINK_STEP,
        /** Reject the update and end the meta-optimisation at the last good hyperparameters. */
        STOP,
        /**
         * Keep the update (as if there were no guard) and only list the event, so a run shows the chaotic
         * step the log reports instead of hiding it; a non-finite norm, which no update can use, stops.
         */
        RECORD
    }

    /**
     * One detected explosion, or one grown norm accepted as the hypergradient's new scale.
     *
     * @param metaIteration the meta-iteration
     * @param norm the hypergradient's norm
     * @param reference the median of the earlier accepted norms
     * @param action the configured reaction
     * @param message what happened, in words
     * @param accepted true when the norm was accepted as the new scale (see the class comment), false for an
     *     explosion
     */
    public record Event(int metaIteration, double norm, double reference, Action action, String message,
            boolean accepted) {
        /**
         * An explosion.
         *
         * @param metaIteration the meta-iteration
         * @param norm the hypergradient's norm
         * @param reference the median of the earlier accepted norms
         * @param action the configured reaction
         * @param message what happened, in words
         */
        public Event(int metaIteration, double norm, double reference, Action action, String message) {
            this(metaIteration, norm, reference, action, message, false);
        }
    }

    /** The guard's verdict on one meta-iteration. */
    public record Decision(boolean exploded, boolean stop, double stepScale, boolean keep) {
        /**
         * A verdict that rejects an exploded update.
         *
         * @param exploded whether the norm exploded
         * @param stop whether to stop
         * @param stepScale the step scale from now on
         */
        public Decision(boolean exploded, boolean stop, double stepScale) {
            this(exploded, stop, stepScale, false);
        }

        /**
         * Whether the meta-optimiser should apply this iteration's hypergradient.
         *
         * @return true unless the norm exploded, or when the guard only records ({@link Action#RECORD})
         */
        public boolean applyUpdate() {
            return !exploded || keep;
        }
    }

    private final double factor;
    private final int warmup;
    private final Action action;
    private final double shrink;
    private final List<Double> history = new ArrayList<>();
    private final List<Event> events = new ArrayList<>();
    private double stepScale = 1;
    private double lastObjective = Double.NaN;
    private int rejectedInARow;

    /** Rejections in a row after which a still-exploding norm is taken as the new scale. */
    public static final int PERSISTENCE = 3;

    /**
     * @param factor growth over the median of earlier norms that counts as an explosion (e.g. 10)
     * @param warmup meta-iterations observed before any explosion is declared (non-finite norms always are)
     * @param action what to do
     * @param shrink the meta step is multiplied by this on each explosion, with {@link Action#SHRINK_STEP}
     */
    public ExplosionGuard(double factor, int warmup, Action action, double shrink) {
        if (!(factor > 1) || warmup < 1 || !(shrink > 0 && shrink < 1)) {
            throw new IllegalArgumentException("explosion guard needs factor > 1, warmup >= 1 and shrink in (0, 1); got "
                    + factor + ", " + warmup + ", " + shrink);
        }
        this.factor = factor;
        this.warmup = warmup;
        this.action = action;
        this.shrink = shrink;
    }

    /**
     * The defaults: factor 10 over the median, 3 warm-up iterations, halve the step.
     *
     * @param action what to do on an explosion
     * @return a new guard
     */
    public static ExplosionGuard defaults(Action action) {
        return new ExplosionGuard(10, 3, action, 0.5);
    }

    /**
     * Euclidean norm of a vector.
     *
     * @param g a vector
     * @return its Euclidean norm (NaN if an entry is NaN)
     */
    public static double norm(double[] g) {
        double s = 0;
        for (double x : g) {
            s += x * x;
        }
        return Math.sqrt(s);
    }

    /**
     * Judges this meta-iteration's hypergradient norm alone, as if the meta-objective were unknown.
     * Exploded norms are not added to the history.
     *
     * @param metaIteration the meta-iteration, for the event
     * @param norm the hypergradient's norm
     * @return whether it exploded, whether to stop, and the step scale from now on
     */
    public Decision observe(int metaIteration, double norm) {
        return observe(metaIteration, norm, Double.NaN);
    }

    /**
     * Judges this meta-iteration's hypergradient norm together with the meta-objective at the same
     * point: a norm over {@code factor} times the median is an explosion unless the objective is lower
     * than at the last accepted point (the loss leaving a plateau). Exploded norms are not added to the
     * history.
     *
     * @param metaIteration the meta-iteration, for the event
     * @param norm the hypergradient's norm
     * @param objective the meta-objective (minimised) where the hypergradient was taken; NaN when unknown
     * @return whether it exploded, whether to stop, and the step scale from now on
     */
    public Decision observe(int metaIteration, double norm, double objective) {
        double reference = median();
        boolean grown = history.size() >= warmup && norm > factor * reference;
        boolean improving = objective < lastObjective; // false while either is NaN
        boolean exploded = !Double.isFinite(norm) || (grown && !improving);
        if (!exploded) {
            history.add(norm);
            lastObjective = objective;
            rejectedInARow = 0;
            return new Decision(false, false, stepScale);
        }
        if (action == Action.SHRINK_STEP && Double.isFinite(norm) && rejectedInARow >= PERSISTENCE
                && norm >= events.get(events.size() - rejectedInARow).norm() / factor) {
            return acceptNewScale(metaIteration, norm, objective, reference);
        }
        boolean keep = action == Action.RECORD && Double.isFinite(norm);
        boolean stop = action == Action.STOP || (action == Action.RECORD && !keep);
        if (action == Action.SHRINK_STEP) {
            stepScale *= shrink;
            rejectedInARow++;
        }
        String message = String.format("meta-iteration %d: hypergradient norm %.3g is %s the median %.3g of earlier norms%s;"
                + " %s", metaIteration, norm, Double.isFinite(norm) ? "over " + factor + "x" : "not finite, not comparable to",
                reference, Double.isFinite(norm) && Double.isFinite(objective) && Double.isFinite(reference)
                        ? String.format(" while the meta-objective did not improve (%.4g, last accepted %.4g)", objective,
                                lastObjective) : "",
                keep ? "update kept and recorded (the inner training has probably become chaotic)"
                        : stop ? "stopping meta-optimisation (the inner training has probably become chaotic)"
                        : "update rejected and meta step scaled to " + stepScale + "x");
        events.add(new Event(metaIteration, norm, reference, action, message));
        if (keep) {
            lastObjective = objective; // the update stands, so later objectives compare with this point
        }
        return new Decision(true, stop, stepScale, keep);
    }

    /** The norm stayed high while the step shrank: take it as the new scale (see the class comment). */
    private Decision acceptNewScale(int metaIteration, double norm, double objective, double reference) {
        double restored = stepScale / Math.pow(shrink, rejectedInARow);
        String message = String.format("meta-iteration %d: hypergradient norm %.3g is still over %sx the median %.3g"
                + " after %d rejected updates in a row (meta step down to %sx), so the step did not cause it; accepted as"
                + " the hypergradient's new scale: update applied, norm history restarted, meta step back to %sx",
                metaIteration, norm, factor, reference, rejectedInARow, stepScale, restored);
        stepScale = restored;
        rejectedInARow = 0;
        history.clear();
        history.add(norm);
        lastObjective = objective;
        events.add(new Event(metaIteration, norm, reference, action, message, true));
        return new Decision(false, false, stepScale);
    }

    /**
     * Rejections in a row so far (for checkpoints).
     *
     * @return the count since the last accepted norm
     */
    public int rejectedInARow() {
        return rejectedInARow;
    }

    /**
     * The factor by which the meta step has been shrunk so far (1 when never).
     *
     * @return the product of all shrink factors applied
     */
    public double stepScale() {
        return stepScale;
    }

    /**
     * The explosions detected so far, in order.
     *
     * @return an unmodifiable copy
     */
    public List<Event> events() {
        return List.copyOf(events);
    }

    /**
     * The norms accepted so far (for checkpoints).
     *
     * @return a new array
     */
    public double[] history() {
        return history.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * The meta-objective at the last accepted point, which the next grown norm is compared with.
     *
     * @return the objective, or NaN before any or when the caller gives none
     */
    public double lastAcceptedObjective() {
        return lastObjective;
    }

    /**
     * Restores accepted norms, step scale, last accepted objective and events from a checkpoint.
     *
     * @param acceptedNorms {@link #history()} at checkpoint time
     * @param scale {@link #stepScale()} at that time
     * @param acceptedObjective {@link #lastAcceptedObjective()} at that time
     * @param rejections {@link #rejectedInARow()} at that time
     * @param pastEvents {@link #events()} at that time
     */
    public void restore(double[] acceptedNorms, double scale, double acceptedObjective, int rejections,
            List<Event> pastEvents) {
        lastObjective = acceptedObjective;
        rejectedInARow = rejections;
        history.clear();
        for (double n : acceptedNorms) {
            history.add(n);
        }
        stepScale = scale;
        events.clear();
        events.addAll(pastEvents);
    }

    private double median() {
        if (history.isEmpty()) {
            return Double.NaN;
        }
        double[] h = history();
        Arrays.sort(h);
        return h.length % 2 == 1 ? h[h.length / 2] : 0.5 * (h[h.length / 2 - 1] + h[h.length / 2]);
    }
}
