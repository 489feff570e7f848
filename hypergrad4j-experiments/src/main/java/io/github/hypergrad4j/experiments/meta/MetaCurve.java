package io.github.hypergrad4j.experiments.meta;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The meta-learning curve of one run: every metric a meta-optimisation recorded, one value per
 * meta-iteration, and which of them the loop optimised. What {@link MetaSeeds} keeps of each seed's run.
 *
 * @param headline the metric the meta-optimisation minimised (shown in the progress line), e.g.
 *     {@code validationLoss}
 * @param metrics every recorded metric over the meta-iterations, in recording order (NaN where a training
 *     run diverged)
 */
public record MetaCurve(String headline, Map<String, double[]> metrics) {
    public MetaCurve {
        if (!metrics.containsKey(headline)) {
            throw new IllegalArgumentException("the headline metric '" + headline + "' is not among the recorded "
                    + metrics.keySet());
        }
        Map<String, double[]> copy = new LinkedHashMap<>();
        metrics.forEach((k, v) -> copy.put(k, v.clone()));
        metrics = java.util.Collections.unmodifiableMap(copy);
    }

    /** The curve of a finished meta-optimisation. */
    public static MetaCurve of(String headline, MetaHistory history) {
        return new MetaCurve(headline, history.metrics());
    }

    /** One metric over the meta-iterations, a copy. */
    public double[] metric(String name) {
        double[] v = metrics.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no metric '" + name + "'; recorded: " + metrics.keySet());
        }
        return v.clone();
    }
}
