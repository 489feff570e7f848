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
 * @param dVelocity0 df/dv_0, the initial velocity (SGD, RMSprop) or first moment (Adam)
 * @param dAlpha df/dalpha[t][g], steps x groups
 * @param dBeta df/dbeta[t][g], steps x groups, with respect to the momentum (Adam: beta1) actually
 *     used (n / 2^16), including Adam's bias-correction terms
 * @param dTheta df/dtheta for each named hyperparameter
 * @param trainingLosses training loss of each step's minibatch, before the step
 * @param bufferBits bits the information buffer held at the end of the forward pass (0 for the
 *     stored-trajectory reference)
 * @param dBeta2 df/dbeta2[t][g] for Adam and RMSprop (with respect to the value used), zeros otherwise
 * @param dEps df/deps[t][g] for Adam and RMSprop, zeros otherwise
 * @param dWeightDecay df/dlambda[t][g] of the decoupled weight decay for Adam and AdamW (for plain
 *     Adam, AdamW's at lambda = 0), zeros otherwise
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
        double bufferBits,
        double[][] dBeta2,
        double[][] dEps,
        double[][] dWeightDecay) {

    /**
     * A result of SGD with momentum, which has no beta2, eps or weight decay: {@link #dBeta2()},
     * {@link #dEps()} and {@link #dWeightDecay()} are zeros of dAlpha's shape. The arrays are kept, not
     * copied.
     *
     * @param objective f(w_T, theta), the objective at the end of training
     * @param finalWeights w_T, one entry per parameter in the layout's order
     * @param dWeights0 df/dw_0, one entry per parameter
     * @param dVelocity0 df/dv_0, one entry per parameter
     * @param dAlpha df/dalpha[t][g], steps x groups
     * @param dBeta df/dbeta[t][g], steps x groups, with respect to the momentum actually used (n / 2^16)
     * @param dTheta df/dtheta for each named hyperparameter, each of its hyperparameter's shape
     * @param trainingLosses training loss of each step's minibatch, before the step, T entries
     * @param bufferBits bits the information buffer held at the end of the forward pass (0 for the
     *     stored-trajectory reference)
     */
    public Hypergradient(double objective, double[] finalWeights, double[] dWeights0, double[] dVelocity0,
            double[][] dAlpha, double[][] dBeta, Map<String, Tensor> dTheta, double[] trainingLosses, double bufferBits) {
        this(objective, finalWeights, dWeights0, dVelocity0, dAlpha, dBeta, dTheta, trainingLosses, bufferBits,
                zerosLike(dAlpha), zerosLike(dAlpha), zerosLike(dAlpha));
    }

    private static double[][] zerosLike(double[][] x) {
        double[][] z = new double[x.length][];
        for (int t = 0; t < x.length; t++) {
            z[t] = new double[x[t].length];
        }
        return z;
    }
}
