package io.github.hypergrad4j.experiments;

import io.github.hypergrad4j.meta.HypergradientProblem;
import io.github.hypergrad4j.meta.MetaOptimizer;
import io.github.hypergrad4j.meta.SeedEvaluator;
import io.github.hypergrad4j.meta.SeedResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Meta-optimisation of a seeded {@link HypergradientProblem} through a {@link ScheduleTying}: at each
 * meta-iteration evaluate the objective and hypergradient (for a new seed each time, or always the
 * same one), record the learning curve, step the free values. One more evaluation after the last step
 * records where they ended up.
 */
final class ScheduleMetaLoop {
    /** Every meta-iteration's learning curve and objective, and the full hyperparameter vector it used. */
    record Outcome(MetaHistory history, List<double[]> hyperparameters, double[] finalFree) {}

    private ScheduleMetaLoop() {}

    /**
     * @param newSeedEachIteration a new seed (initial weights and minibatches) at every meta-iteration
     *     rather than {@code runSeed} throughout
     * @param metric the name of the recorded objective, e.g. {@code trainLoss}
     */
    static Outcome run(HypergradientProblem problem, SeedEvaluator evaluator, ScheduleTying tying,
            MetaOptimizer optimizer, int metaIterations, long runSeed, boolean newSeedEachIteration, String metric,
            Progress.Task task) {
        double[] z = tying.initialFree();
        MetaHistory history = new MetaHistory();
        List<double[]> xs = new ArrayList<>();
        for (int i = 0; i <= metaIterations; i++) {
            double[] x = tying.expand(z);
            long seed = newSeedEachIteration ? runSeed + 1_000_003L * (i + 1) : runSeed;
            SeedResult r = evaluator.mean(problem, x, new long[] {seed}, newSeedEachIteration ? i : 0);
            Map<String, Double> m = new LinkedHashMap<>();
            m.put(metric, r.objective());
            history.add(r.learningCurve(), m);
            xs.add(x);
            task.advance(1, String.format(Locale.ROOT, "meta %d/%d %s %.4f", i, metaIterations,
                    MetaTraining.words(metric), r.objective()));
            if (i < metaIterations) {
                optimizer.stepInPlace(z, tying.reduce(r.gradient()));
            }
        }
        return new Outcome(history, xs, z);
    }
}
