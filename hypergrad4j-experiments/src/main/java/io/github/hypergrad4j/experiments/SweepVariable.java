package io.github.hypergrad4j.experiments;

import io.github.hypergrad4j.train.Hypergradient;
import io.github.hypergrad4j.train.Schedule;
import io.github.hypergrad4j.train.Theta;

/**
 * A hyperparameter x swept along one axis: how x sets up a training run, and the chain rule that
 * turns the run's hypergradient into d objective / dx.
 */
interface SweepVariable {

    /** Short name for progress lines, e.g. "s". */
    String symbol();

    /** w_0 for value x. */
    double[] initialWeights(double x);

    /** Learning rates and momentums for value x and {@code steps} steps. */
    Schedule schedule(double x, int steps);

    /** The other hyperparameters the loss reads (none by default). */
    default Theta theta(double x) {
        return Theta.empty();
    }

    /** d objective / dx from the run's hypergradient. */
    double derivative(double x, Hypergradient h);
}
