package io.github.hypergrad4j.train;

import io.github.hypergrad4j.autodiff.Var;
import java.util.Map;

/** The hyperparameters of a {@link Theta} as variables on the current tape, for a loss to read. */
public final class ThetaVars {
    private final Map<String, Var> vars;

    ThetaVars(Map<String, Var> vars) {
        this.vars = vars;
    }

    public Var get(String name) {
        Var v = vars.get(name);
        if (v == null) {
            throw new IllegalArgumentException("the loss reads hyperparameter '" + name + "' but Theta has only "
                    + vars.keySet() + "; add it with Theta.with(\"" + name + "\", tensor)");
        }
        return v;
    }
}
