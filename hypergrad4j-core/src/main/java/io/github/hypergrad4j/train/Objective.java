package io.github.hypergrad4j.train;

import io.github.hypergrad4j.autodiff.Var;

/** The function f(w_T, theta) whose hypergradient is wanted: a validation loss, or the training loss. */
@FunctionalInterface
public interface Objective {
    Var at(Var finalWeights, ThetaVars theta);
}
