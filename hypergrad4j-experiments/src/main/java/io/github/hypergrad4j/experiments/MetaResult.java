package io.github.hypergrad4j.experiments;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one {@link MetaStep} evaluation returns.
 *
 * @param objective the meta-objective (the value the hypergradient is the gradient of)
 * @param gradient d objective / dx, same length as x; null when not asked for
 * @param learningCurve the training loss of each inner step (recorded and plotted)
 * @param metrics named numbers to record for this meta-iteration, in a fixed order (the same names
 *     every iteration), e.g. validation loss and error rates
 */
public record MetaResult(double objective, double[] gradient, double[] learningCurve, Map<String, Double> metrics) {
    public MetaResult {
        learningCurve = learningCurve.clone();
        metrics = new LinkedHashMap<>(metrics);
    }
}
