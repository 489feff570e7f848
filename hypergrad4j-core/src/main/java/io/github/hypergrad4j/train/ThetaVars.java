package io.github.hypergrad4j.train;

import io.github.hypergrad4j.autodiff.Tape;
import io.github.hypergrad4j.autodiff.Var;
import java.util.Map;

/** The hyperparameters of a {@link Theta} as variables on the current tape, for a loss to read. */
public final class ThetaVars {
    private final Map<String, Var> vars;

    ThetaVars(Map<String, Var> vars) {
        this.vars = vars;
    }

    /**
     * The hyperparameters as differentiable inputs of a tape of one's own, e.g. to call
     * {@link TrainingLoss#at} or {@link Objective#at} inside a larger computation and take gradients
     * with {@link Tape#gradient}. ({@link TrainingLoss#evaluate} and {@link Objective#evaluate} do
     * this for the usual case.)
     *
     * @param tape the tape to record on
     * @param theta the hyperparameters
     * @return one tape input per entry of {@code theta}, in its order
     */
    public static ThetaVars inputs(Tape tape, Theta theta) {
        Map<String, Var> vars = new java.util.LinkedHashMap<>();
        theta.asMap().forEach((name, value) -> vars.put(name, tape.input(value)));
        return new ThetaVars(vars);
    }

    /**
     * A hyperparameter as a variable on the loss's tape: a constant in the forward pass, a differentiable
     * input when the trainer needs its gradient.
     *
     * @param name its name in {@link Theta}
     * @return the variable
     * @throws IllegalArgumentException if Theta has no such entry, saying how to add it
     */
    public Var get(String name) {
        Var v = vars.get(name);
        if (v == null) {
            throw new IllegalArgumentException("the loss reads hyperparameter '" + name + "' but Theta has only "
                    + vars.keySet() + "; add it with Theta.with(\"" + name + "\", tensor)");
        }
        return v;
    }
}
