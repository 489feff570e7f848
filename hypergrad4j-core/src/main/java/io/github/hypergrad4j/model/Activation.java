package io.github.hypergrad4j.model;

import io.github.hypergrad4j.autodiff.Var;

/** Elementwise nonlinearities of a network's layers. */
public enum Activation {
    /** The hyperbolic tangent (the paper's choice): smooth, so its second derivatives are well defined. */
    TANH {
        @Override
        public Var apply(Var x) {
            return x.tanh();
        }
    },
    /** max(0, x); its second derivative is 0 almost everywhere. */
    RELU {
        @Override
        public Var apply(Var x) {
            return x.relu();
        }
    },
    /** The identity: no nonlinearity (e.g. the output layer of a classifier, whose scores go to softmax). */
    LINEAR {
        @Override
        public Var apply(Var x) {
            return x;
        }
    };

    /**
     * Applies the nonlinearity entry by entry.
     *
     * @param x the pre-activations
     * @return a variable of the same shape
     */
    public abstract Var apply(Var x);
}
