package io.github.hypergrad4j.experiments.meta;

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
 * @param firstIterationData named arrays that a figure needs from meta-iteration 0 only (e.g. the
 *     initial weights and their hypergradient); kept by the history and its checkpoint from the first
 *     evaluation, so that a resumed run draws the same figure; ignored at later iterations
 */
public record MetaResult(double objective, double[] gradient, double[] learningCurve, Map<String, Double> metrics,
        Map<String, double[]> firstIterationData) {
    public MetaResult {
        learningCurve = learningCurve.clone();
        metrics = new LinkedHashMap<>(metrics);
        Map<String, double[]> copy = new LinkedHashMap<>();
        firstIterationData.forEach((k, v) -> copy.put(k, v.clone()));
        firstIterationData = copy;
    }

    /** A result with no data kept from the first meta-iteration. */
    public MetaResult(double objective, double[] gradient, double[] learningCurve, Map<String, Double> metrics) {
        this(objective, gradient, learningCurve, metrics, Map.of());
    }
}
