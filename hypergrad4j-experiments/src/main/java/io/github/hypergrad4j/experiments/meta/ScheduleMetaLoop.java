package io.github.hypergrad4j.experiments.meta;

import io.github.hypergrad4j.experiments.ExperimentContext;
import io.github.hypergrad4j.meta.HypergradientProblem;
import io.github.hypergrad4j.meta.MetaOptimizer;
import io.github.hypergrad4j.meta.SeedEvaluator;
import io.github.hypergrad4j.meta.SeedResult;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Meta-optimisation of a seeded {@link HypergradientProblem} through a {@link ScheduleTying}, on the
 * shared {@link MetaLoop} (checkpoints, {@code --resume}, the explosion guard): the loop steps the
 * tying's short free vector; each meta-iteration evaluates the full vector for a new seed (initial
 * weights and minibatches drawn from the run seed and the meta-iteration) or always the same seed.
 */
public final class ScheduleMetaLoop {
    /**
     * @param history every evaluation's learning curve and metrics
     * @param hyperparameters the full hyperparameter vector of each meta-iteration evaluated in this
     *     process (a resumed run lacks the ones before the checkpoint)
     * @param finalFull the full vector after the last update
     * @param hypergradients the hypergradient with respect to the full vector at each meta-iteration
     *     evaluated in this process with a gradient (the last evaluation has none)
     */
    public record Outcome(MetaHistory history, TreeMap<Integer, double[]> hyperparameters, double[] finalFull,
            TreeMap<Integer, double[]> hypergradients) {}

    private ScheduleMetaLoop() {}

    /**
     * @param newSeedEachIteration a new seed at every meta-iteration rather than {@code runSeed} throughout
     * @param metric the name the objective is recorded under, e.g. {@code trainLoss}
     * @param extraMetrics more numbers to record from the full vector (e.g. the learned scales), or null
     */
    public static Outcome run(ExperimentContext context, String label, HypergradientProblem problem, SeedEvaluator evaluator,
            ScheduleTying tying, MetaOptimizer optimizer, int metaIterations, long runSeed, boolean newSeedEachIteration,
            String metric, Function<double[], Map<String, Double>> extraMetrics) throws IOException {
        TreeMap<Integer, double[]> xs = new TreeMap<>();
        TreeMap<Integer, double[]> gradients = new TreeMap<>();
        MetaStep step = (z, i, withGradient) -> {
            double[] x = tying.expand(z);
            long seed = newSeedEachIteration ? runSeed + 1_000_003L * (i + 1) : runSeed;
            SeedResult r = evaluator.mean(problem, x, new long[] {seed}, newSeedEachIteration ? i : 0);
            Map<String, Double> m = new LinkedHashMap<>();
            m.put(metric, r.objective());
            if (extraMetrics != null) {
                m.putAll(extraMetrics.apply(x));
            }
            xs.put(i, x);
            if (withGradient) {
                gradients.put(i, r.gradient().clone());
            }
            return new MetaResult(r.objective(), withGradient ? tying.reduce(r.gradient()) : null, r.learningCurve(), m);
        };
        double[] z = tying.initialFree();
        MetaHistory history = new MetaLoop(context, label, metaIterations, metric).run(z, optimizer, step);
        return new Outcome(history, xs, tying.expand(z), gradients);
    }
}
