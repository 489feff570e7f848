package io.github.hypergrad4j.model;

import io.github.hypergrad4j.autodiff.Var;

/** A classifier over a flat weight vector. */
public interface Model {

    /**
     * The groups of the flat weight vector this model reads.
     *
     * @return the layout; {@link #logits} reads weights in it
     */
    ParameterLayout layout();

    /**
     * Unnormalised class scores (batch x classes) for inputs (batch x features).
     *
     * @param weights the flat weight vector
     * @param inputs one example per row
     * @return the scores
     */
    Var logits(Var weights, Var inputs);

    /**
     * Number of input features.
     *
     * @return features per example
     */
    int inputs();

    /**
     * Number of classes.
     *
     * @return the number of columns of the scores
     */
    int classes();
}
