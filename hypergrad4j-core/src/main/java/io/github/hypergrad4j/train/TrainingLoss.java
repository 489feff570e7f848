package io.github.hypergrad4j.train;

import io.github.hypergrad4j.autodiff.Var;

/**
 * The loss minimised at step t: a function of the weights, the hyperparameters and step t's
 * minibatch (which the implementation picks from t). It must be a deterministic function of its
 * arguments: the reverse pass recomputes it and needs the very same bits.
 */
@FunctionalInterface
public interface TrainingLoss {
    Var at(int step, Var weights, ThetaVars theta);
}
