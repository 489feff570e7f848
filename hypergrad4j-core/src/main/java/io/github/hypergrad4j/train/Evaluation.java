package io.github.hypergrad4j.train;

import io.github.hypergrad4j.tensor.Tensor;
import java.util.Map;

/**
 * The value of a {@link TrainingLoss} or an {@link Objective} at given weights and hyperparameters,
 * with its exact gradients: what the trainer computes internally, for users to inspect, test or
 * reuse (e.g. the test loss of trained weights) without writing their loss twice.
 *
 * <p>Made by {@link TrainingLoss#evaluate(int, double[], Theta)} and
 * {@link Objective#evaluate(double[], Theta)}; the value is bit-identical to the one the trainer
 * sees (same tape, same kernels). The arrays are the caller's to keep.
 *
 * @param value the loss or objective, a finite number or, if the function itself overflows, an
 *     infinity or NaN (non-finite <em>inputs</em> are reported as an exception instead)
 * @param dWeights the gradient with respect to the weights, one entry per parameter
 * @param dTheta the gradient with respect to each named hyperparameter, in {@link Theta}'s order
 *     and of its shape
 */
public record Evaluation(double value, double[] dWeights, Map<String, Tensor> dTheta) {
    /**
     * Keeps an unmodifiable view of the hyperparameter gradients.
     *
     * @param value the value, finite unless the function itself overflows
     * @param dWeights the gradient with respect to the weights
     * @param dTheta the gradient with respect to each hyperparameter, copied into an unmodifiable map
     */
    public Evaluation {
        dTheta = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(dTheta));
    }
}
