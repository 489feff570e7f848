package io.github.hypergrad4j.experiments.meta;

import io.github.hypergrad4j.experiments.ConfigException;
import io.github.hypergrad4j.meta.ExplosionGuard;
import java.nio.file.Path;
import java.util.Map;

/**
 * Checks every field of a checkpoint read back against what the run resuming it expects: array lengths,
 * finite values, ranges, and that {@code finished} agrees with the number of meta-iterations done. What
 * a meta-optimiser's arrays must hold beyond one finite value per hyperparameter (their number, Adam's
 * non-negative second moment) is checked
 * by the optimiser when the state is restored into it ({@link io.github.hypergrad4j.meta.MetaOptimizer#restore}),
 * so that a new meta-optimiser needs no change here. A
 * checkpoint that fails is damaged (exit 2), whatever its checksum says: the seal catches edits, this
 * catches a checkpoint that was wrong when written or forged with a recomputed seal.
 */
final class CheckpointValidation {
    private CheckpointValidation() {}

    /**
     * @param parameters the number of hyperparameters of this run
     * @param metaIterations this run's meta-iterations (a finished run has evaluated metaIterations + 1
     *     points, fewer if the explosion guard stopped it)
     * @throws ConfigException "damaged", naming the first field that is wrong
     */
    static void check(Path file, LoopState.Snapshot s, int parameters, int metaIterations) {
        int next = s.nextMetaIteration();
        require(file, next >= 1 && next <= metaIterations + 1, "nextMetaIteration is " + next + ", outside 1.."
                + (metaIterations + 1) + " for a run of " + metaIterations + " meta-iterations");
        if (s.finished()) {
            require(file, next == metaIterations + 1 || s.stopped(), "it says finished after " + next
                    + " evaluations, but a run of " + metaIterations + " meta-iterations makes " + (metaIterations + 1)
                    + " unless the explosion guard stopped it, which it does not say");
        } else {
            require(file, next <= metaIterations, "it says unfinished after " + next + " evaluations, all that a run of "
                    + metaIterations + " meta-iterations makes");
        }
        vector(file, "x", s.x(), parameters);
        optimizer(file, "optimizer", s.optimizer(), parameters);
        if (s.previous() != null) {
            require(file, s.previous().x() != null && s.previous().optimizer() != null
                    && s.previous().gradient() != null, "the last accepted point is only partly recorded");
            vector(file, "previous.x", s.previous().x(), parameters);
            vector(file, "previous.gradient", s.previous().gradient(), parameters);
            optimizer(file, "previous.optimizer", s.previous().optimizer(), parameters);
        }
        for (double n : s.guard().norms()) {
            require(file, Double.isFinite(n) && n >= 0, "an accepted hypergradient norm is " + n);
        }
        require(file, s.guard().norms().length <= next, s.guard().norms().length + " accepted norms for " + next
                + " evaluations");
        double scale = s.guard().stepScale();
        require(file, scale > 0 && scale <= 1, "the explosion guard's step scale is " + scale + ", outside (0, 1]");
        for (ExplosionGuard.Event e : s.guard().events()) {
            require(file, e.metaIteration() >= 0 && e.metaIteration() < next, "an explosion event is at meta-iteration "
                    + e.metaIteration() + ", not one of the " + next + " done");
        }
        require(file, s.history().curves().length == next, s.history().curves().length + " learning curves for " + next
                + " evaluations");
        for (Map.Entry<String, double[]> m : s.history().metrics().entrySet()) {
            require(file, m.getValue().length == next, "metric " + m.getKey() + " has " + m.getValue().length
                    + " values for " + next + " evaluations");
        }
    }

    private static void vector(Path file, String name, double[] v, int parameters) {
        require(file, v.length == parameters, name + " has " + v.length + " values, this run has " + parameters
                + " hyperparameters");
        for (int i = 0; i < v.length; i++) {
            require(file, Double.isFinite(v[i]), name + "[" + i + "] is " + v[i]);
        }
    }

    private static void optimizer(Path file, String name, io.github.hypergrad4j.meta.MetaOptimizerState o, int parameters) {
        for (int a = 0; a < o.arrays().length; a++) {
            vector(file, name + ".arrays[" + a + "]", o.arrays()[a], parameters);
        }
        // How many arrays, and what values they may hold, is the optimiser's rule: its restore checks it.
    }

    private static void require(Path file, boolean ok, String why) {
        if (!ok) {
            throw Checkpoint.damaged(file, why);
        }
    }
}
