package io.github.hypergrad4j.model;

import io.github.hypergrad4j.autodiff.Var;

/** Elementwise nonlinearities of a network's layers. */
public enum Activation {
    TANH {
        @Override
        public Var apply(Var x) {
            return x.tanh();
        }
    },
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

    public abstract Var apply(Var x);
}
