package io.github.hypergrad4j.experiments.sweep;

import io.github.hypergrad4j.train.Hypergradient;
import io.github.hypergrad4j.train.Schedule;
import io.github.hypergrad4j.train.Theta;

/**
 * A hyperparameter x swept along one axis: how x sets up a training run, and the chain rule that
 * turns the run's hypergradient into d objective / dx.
 */
public interface SweepVariable {

    /** Short name for progress lines, e.g. "s". */
    public String symbol();

    /** w_0 for value x. */
    public double[] initialWeights(double x);

    /** Learning rates and momentums for value x and {@code steps} steps. */
    public Schedule schedule(double x, int steps);

    /** The other hyperparameters the loss reads (none by default). */
    default Theta theta(double x) {
        return Theta.empty();
    }

    /** d objective / dx from the run's hypergradient. */
    public double derivative(double x, Hypergradient h);
}
