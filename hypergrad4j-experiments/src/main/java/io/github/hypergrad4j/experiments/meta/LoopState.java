package io.github.hypergrad4j.experiments.meta;

import io.github.hypergrad4j.meta.ExplosionGuard;
import io.github.hypergrad4j.meta.MetaOptimizer;
import io.github.hypergrad4j.meta.MetaOptimizerState;
import java.util.List;
import java.util.Map;

/**
 * Everything the {@link MetaLoop} carries from one meta-iteration to the next, and the moves that
 * change it: where the loop is (the next meta-iteration, finished, stopped by the guard), the
 * hyperparameters x, the meta-optimiser, the last accepted point (from which a shrunk step is retaken),
 * the explosion guard and the history. {@link #snapshot()} takes all of it as plain values, which is
 * what a {@link Checkpoint} stores, and {@link #restore} puts a snapshot back, so that a restored loop
 * continues exactly as the one that took it. The meta-optimiser's part is its own
 * {@link MetaOptimizer#state()}, whatever the optimiser. There are no random streams to keep: every
 * evaluation draws from (seed, meta-iteration) alone.
 */
public final class LoopState {
    /**
     * The last accepted point.
     *
     * @param x the hyperparameters before its update
     * @param optimizer the meta-optimiser's state before its update
     * @param gradient the hypergradient of the update
     */
    public record Accepted(double[] x, MetaOptimizerState optimizer, double[] gradient) {}

    /**
     * What the explosion guard remembers (nothing when it is off).
     *
     * @param norms accepted hypergradient norms
     * @param stepScale the factor on the meta step
     * @param lastObjective the meta-objective at the last accepted point (NaN before any)
     * @param rejectedInARow updates rejected since the last accepted one
     * @param events the explosions so far
     */
    public record Guard(double[] norms, double stepScale, double lastObjective, int rejectedInARow,
            List<ExplosionGuard.Event> events) {
        static final Guard OFF = new Guard(new double[0], 1, Double.NaN, 0, List.of());
    }

    /**
     * The history as arrays.
     *
     * @param curves learning curves, [meta-iteration][step]
     * @param metrics every metric over the meta-iterations
     * @param firstIterationData the arrays kept from meta-iteration 0
     */
    public record History(double[][] curves, Map<String, double[]> metrics, Map<String, double[]> firstIterationData) {}

    /**
     * Everything a meta-optimisation needs to continue after {@code nextMetaIteration - 1}.
     *
     * @param nextMetaIteration the meta-iteration to evaluate next
     * @param finished whether the last evaluation is done
     * @param stopped whether the explosion guard ended the meta-optimisation
     * @param x the hyperparameters
     * @param optimizer the meta-optimiser's state
     * @param previous the last accepted point, or null before the first update
     * @param guard the explosion guard's memory
     * @param history what every meta-iteration so far recorded
     * @param dataFingerprints the data the run read, which a resumed run must read again
     */
    public record Snapshot(int nextMetaIteration, boolean finished, boolean stopped, double[] x,
            MetaOptimizerState optimizer, Accepted previous, Guard guard, History history,
            List<String> dataFingerprints) {}

    private final double[] x;
    private final MetaOptimizer optimizer;
    private final ExplosionGuard guard;
    private final List<String> dataFingerprints;
    private MetaHistory history = new MetaHistory();
    private int next;
    private boolean finished;
    private boolean stopped;
    private Accepted previous;

    /**
     * The state before meta-iteration 0.
     *
     * @param x the initial hyperparameters, updated in place by the loop's steps
     * @param optimizer a fresh meta-optimiser
     * @param guard the explosion guard, or null when it is off
     * @param dataFingerprints the data this run reads
     */
    LoopState(double[] x, MetaOptimizer optimizer, ExplosionGuard guard, List<String> dataFingerprints) {
        this.x = x;
        this.optimizer = optimizer;
        this.guard = guard;
        this.dataFingerprints = List.copyOf(dataFingerprints);
    }

    /** All of the state, as copies. */
    Snapshot snapshot() {
        return new Snapshot(next, finished, stopped, x.clone(), optimizer.state(), previous,
                guard == null ? Guard.OFF : new Guard(guard.history(), guard.stepScale(),
                        guard.lastAcceptedObjective(), guard.rejectedInARow(), List.copyOf(guard.events())),
                new History(history.curves(), history.metrics(), history.firstIterationData()), dataFingerprints);
    }

    /**
     * Continues from a snapshot of a run with as many hyperparameters (checked beforehand by
     * {@link CheckpointValidation}); the data fingerprints are the caller's to compare.
     *
     * @throws IllegalArgumentException if an optimiser state does not fit this run's meta-optimiser
     */
    void restore(Snapshot s) {
        if (s.previous() != null) {
            optimizer.restore(s.previous().optimizer()); // checked by the optimiser itself, then replaced
        }
        optimizer.restore(s.optimizer());
        System.arraycopy(s.x(), 0, x, 0, x.length);
        previous = s.previous();
        if (guard != null) {
            guard.restore(s.guard().norms(), s.guard().stepScale(), s.guard().lastObjective(), s.guard().rejectedInARow(),
                    s.guard().events());
            optimizer.setStepScale(s.guard().stepScale());
        }
        history = MetaHistory.of(s.history().curves(), s.history().metrics(), s.history().firstIterationData());
        next = s.nextMetaIteration();
        stopped = s.stopped();
        finished = s.finished();
    }

    /** Whether the next evaluation is the last: after the last update, or after the guard stopped the loop. */
    boolean lastIn(int metaIterations) {
        return next == metaIterations || stopped;
    }

    /** Records the next meta-iteration's evaluation. */
    void record(MetaResult r) {
        history.add(r.learningCurve(), r.metrics(), r.firstIterationData());
    }

    /** Records the next meta-iteration as one whose training run diverged. */
    void recordMissing() {
        history.addMissing();
    }

    /** Steps x along {@code gradient} with the meta step scaled by {@code stepScale} (the guard's), remembering the point before. */
    void accept(double[] gradient, double stepScale) {
        optimizer.setStepScale(stepScale);
        accept(gradient);
    }

    /** Steps x along {@code gradient}, remembering the point before as the last accepted one. */
    void accept(double[] gradient) {
        previous = new Accepted(x.clone(), optimizer.state(), gradient.clone());
        optimizer.stepInPlace(x, gradient);
    }

    /** Whether there is an accepted point to step back to. */
    boolean canStepBack() {
        return previous != null;
    }

    /**
     * Back to the last accepted point after an explosion: stop there, or retake its update with the
     * guard's smaller step.
     */
    void stepBack(ExplosionGuard.Decision d) {
        System.arraycopy(previous.x(), 0, x, 0, x.length);
        optimizer.restore(previous.optimizer());
        if (d.stop()) {
            stopped = true;
        } else {
            optimizer.setStepScale(d.stepScale());
            optimizer.stepInPlace(x, previous.gradient());
        }
    }

    /** Marks the last evaluation done. */
    void finish() {
        finished = true;
    }

    /** Moves on to the next meta-iteration. */
    void advance() {
        next++;
    }

    int next() {
        return next;
    }

    boolean finished() {
        return finished;
    }

    boolean stopped() {
        return stopped;
    }

    MetaHistory history() {
        return history;
    }
}
