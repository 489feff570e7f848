package io.github.hypergrad4j.train;

import io.github.hypergrad4j.autodiff.Var;

/**
 * The loss minimised at step t: a function of the weights, the hyperparameters and step t's
 * minibatch (which the implementation picks from t). It must be a deterministic function of its
 * arguments: the reverse pass recomputes it and needs the very same bits.
 */
@FunctionalInterface
public interface TrainingLoss {
    /**
     * Records the loss of step {@code step} on the weights' tape.
     *
     * @param step the training step, 0 to T-1; selects the minibatch
     * @param weights all parameters as one vector (see {@link io.github.hypergrad4j.model.ParameterLayout})
     * @param theta the hyperparameters, read by name
     * @return a scalar on {@code weights.tape()}
     */
    Var at(int step, Var weights, ThetaVars theta);

    /**
     * Evaluates this loss at given weights and hyperparameters: its value and its gradients with
     * respect to the weights and to every hyperparameter, exactly as the trainer computes them at
     * step {@code step} (the value equals {@link Hypergradient#trainingLosses()}{@code [step]} when
     * {@code weights} are that step's w_t).
     *
     * @param step the training step whose minibatch the loss uses
     * @param weights the weights, one per parameter of the layout; not modified
     * @param theta the hyperparameters
     * @return the value and gradients
     * @throws IllegalArgumentException if the weights or a hyperparameter hold NaN or an infinity, or
     *     the value is not finite because a constant the loss reads (its data) does; the message
     *     names the input and the first bad entry
     */
    default Evaluation evaluate(int step, double[] weights, Theta theta) {
        return LossDerivatives.evaluate((w, th) -> at(step, w, th), "the training loss at step " + step,
                weights, theta);
    }
}
