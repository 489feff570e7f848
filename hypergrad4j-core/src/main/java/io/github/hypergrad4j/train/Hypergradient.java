package io.github.hypergrad4j.train;

import io.github.hypergrad4j.tensor.Tensor;
import java.util.Map;

/**
 * The result of a reverse pass: the objective and its exact gradients with respect to everything
 * that went into training.
 *
 * @param objective f(w_T, theta)
 * @param finalWeights w_T
 * @param dWeights0 df/dw_0 (chain through any initialisation to get init-scale gradients)
 * @param dVelocity0 df/dv_0
 * @param dAlpha df/dalpha[t][g], steps x groups
 * @param dBeta df/dbeta[t][g], steps x groups, with respect to the momentum actually used (n / 2^16)
 * @param dTheta df/dtheta for each named hyperparameter
 * @param trainingLosses training loss of each step's minibatch, before the step
 * @param bufferBits bits the information buffer held at the end of the forward pass (0 for the
 *     stored-trajectory reference)
 */
public record Hypergradient(
        double objective,
        double[] finalWeights,
        double[] dWeights0,
        double[] dVelocity0,
        double[][] dAlpha,
        double[][] dBeta,
        Map<String, Tensor> dTheta,
        double[] trainingLosses,
        double bufferBits) {}
