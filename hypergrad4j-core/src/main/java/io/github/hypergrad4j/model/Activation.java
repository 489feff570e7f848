package io.github.hypergrad4j.model;

import io.github.hypergrad4j.autodiff.Var;

/** Hidden-layer nonlinearities. */
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
    };

    public abstract Var apply(Var x);
}
