package io.github.hypergrad4j.experiments.meta;

import io.github.hypergrad4j.experiments.ConfigException;
import io.github.hypergrad4j.meta.ExplosionGuard;
import java.nio.file.Path;
import java.util.Map;

/**
 * Checks every field of a checkpoint read back against what the run resuming it expects: array lengths,
 * finite values, ranges, and that {@code finished} agrees with the number of meta-iterations done. A
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
    static void check(Path file, Checkpoint.State s, int parameters, int metaIterations) {
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
        boolean previous = s.previousX() != null;
        require(file, previous == (s.previousOptimizer() != null) && previous == (s.previousGradient() != null),
                "the last accepted point is only partly recorded");
        if (previous) {
            vector(file, "previous.x", s.previousX(), parameters);
            vector(file, "previous.gradient", s.previousGradient(), parameters);
            optimizer(file, "previous.optimizer", s.previousOptimizer(), parameters);
        }
        for (double n : s.guardNorms()) {
            require(file, Double.isFinite(n) && n >= 0, "an accepted hypergradient norm is " + n);
        }
        require(file, s.guardNorms().length <= next, s.guardNorms().length + " accepted norms for " + next
                + " evaluations");
        double scale = s.guardStepScale();
        require(file, scale > 0 && scale <= 1, "the explosion guard's step scale is " + scale + ", outside (0, 1]");
        for (ExplosionGuard.Event e : s.events()) {
            require(file, e.metaIteration() >= 0 && e.metaIteration() < next, "an explosion event is at meta-iteration "
                    + e.metaIteration() + ", not one of the " + next + " done");
        }
        require(file, s.curves().length == next, s.curves().length + " learning curves for " + next + " evaluations");
        for (Map.Entry<String, double[]> m : s.metrics().entrySet()) {
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
        require(file, o.steps() >= 0, name + " has taken " + o.steps() + " steps");
        require(file, o.steps() == 0 || o.arrays().length > 0, name + " has taken " + o.steps()
                + " steps but holds no state");
        for (int a = 0; a < o.arrays().length; a++) {
            vector(file, name + ".arrays[" + a + "]", o.arrays()[a], parameters);
        }
        if ("adam".equals(o.type())) {
            require(file, o.arrays().length == 0 || o.arrays().length == 2, name + " (Adam) holds "
                    + o.arrays().length + " arrays, not its two moments");
            if (o.arrays().length == 2) {
                for (double v : o.arrays()[1]) {
                    require(file, v >= 0, name + "'s second moment holds the negative value " + v);
                }
            }
        } else if ("sgd".equals(o.type())) {
            require(file, o.arrays().length <= 1, name + " (SGD) holds " + o.arrays().length + " arrays, not one velocity");
        } else {
            require(file, false, name + " is of the unknown type '" + o.type() + "'");
        }
    }

    private static void require(Path file, boolean ok, String why) {
        if (!ok) {
            throw Checkpoint.damaged(file, why);
        }
    }
}
