package io.github.hypergrad4j.train;

import io.github.hypergrad4j.autodiff.Var;

/** The function f(w_T, theta) whose hypergradient is wanted: a validation loss, or the training loss. */
@FunctionalInterface
public interface Objective {
    /**
     * Records f on the weights' tape.
     *
     * @param finalWeights the trained weights w_T as one vector
     * @param theta the hyperparameters, read by name
     * @return a scalar on {@code finalWeights.tape()}
     */
    Var at(Var finalWeights, ThetaVars theta);

    /**
     * Evaluates f at given weights and hyperparameters: its value and its gradients with respect to
     * the weights and to every hyperparameter, as the trainer computes them at w_T (so
     * {@code evaluate(h.finalWeights(), theta).value()} equals {@link Hypergradient#objective()}).
     * Also the way to score other data with the same function, e.g. an objective built on the test
     * set.
     *
     * @param weights the weights, one per parameter of the layout; not modified
     * @param theta the hyperparameters
     * @return the value and gradients
     * @throws IllegalArgumentException if the weights or a hyperparameter hold NaN or an infinity, or
     *     the value is not finite because a constant the objective reads (its data) does; the
     *     message names the input and the first bad entry
     */
    default Evaluation evaluate(double[] weights, Theta theta) {
        return LossDerivatives.evaluate(this, "the objective", weights, theta);
    }
}
