package io.github.hypergrad4j.model;

import io.github.hypergrad4j.autodiff.Var;

/** A classifier over a flat weight vector. */
public interface Model {

    /** The groups of the flat weight vector this model reads. */
    ParameterLayout layout();

    /** Unnormalised class scores (batch x classes) for inputs (batch x features). */
    Var logits(Var weights, Var inputs);

    /** Number of input features. */
    int inputs();

    /** Number of classes. */
    int classes();
}
