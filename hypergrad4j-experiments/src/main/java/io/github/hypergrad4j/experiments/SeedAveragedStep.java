package io.github.hypergrad4j.experiments;

import io.github.hypergrad4j.meta.HypergradientProblem;
import io.github.hypergrad4j.meta.SeedEvaluator;
import io.github.hypergrad4j.meta.SeedResult;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The {@link MetaStep} of a core {@link HypergradientProblem} (e.g. the schedule problem) averaged over
 * seeds: the mean objective, hypergradient and learning curve over {@code seeds}, evaluated by a
 * {@link SeedEvaluator} (a thread pool, or Spark with {@code SeedEvaluators.forOption(master)}). The
 * mean is formed in seed order, so it is the same bits whoever evaluates it, and each seed's
 * minibatches come from (seed, meta-iteration), so a resumed run repeats it exactly.
 */
public final class SeedAveragedStep implements MetaStep {
    private final HypergradientProblem problem;
    private final SeedEvaluator evaluator;
    private final long[] seeds;
    private final String objectiveName;
    private final BiFunction<double[], SeedResult, Map<String, Double>> extraMetrics;

    /**
     * @param objectiveName the metric name the mean objective is recorded under, e.g. "trainingLoss"
     * @param extraMetrics more metrics from (x, mean result), or null
     */
    public SeedAveragedStep(HypergradientProblem problem, SeedEvaluator evaluator, long[] seeds, String objectiveName,
            BiFunction<double[], SeedResult, Map<String, Double>> extraMetrics) {
        if (seeds.length == 0) {
            throw new ConfigException("give at least one seed to average the hypergradient over");
        }
        this.problem = problem;
        this.evaluator = evaluator;
        this.seeds = seeds.clone();
        this.objectiveName = objectiveName;
        this.extraMetrics = extraMetrics;
    }

    @Override
    public MetaResult evaluate(double[] x, int metaIteration, boolean withGradient) {
        SeedResult mean = evaluator.mean(problem, x, seeds, metaIteration);
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put(objectiveName, mean.objective());
        if (extraMetrics != null) {
            metrics.putAll(extraMetrics.apply(x, mean));
        }
        return new MetaResult(mean.objective(), mean.gradient(), mean.learningCurve(), metrics);
    }
}
