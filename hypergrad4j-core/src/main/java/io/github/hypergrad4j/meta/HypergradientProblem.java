package io.github.hypergrad4j.meta;

import java.io.Serializable;

/**
 * A meta-objective that can be evaluated for one random seed: given the flat hyperparameter vector,
 * train (with initial weights and minibatches drawn from the seed and meta-iteration), and return the
 * objective with its exact hypergradient. Implementations are serialisable descriptions (sizes,
 * dataset location), never data, so a distributed engine can ship them to its workers, and they
 * must be deterministic: the same arguments always give the same bits.
 */
public interface HypergradientProblem extends Serializable {

    /**
     * Number of hyperparameters (the length of the vectors {@link #evaluate} takes and returns).
     *
     * @return the length of the hyperparameter vector
     */
    int size();

    /**
     * The objective and its gradient for one seed.
     *
     * @param hyperparameters the flat hyperparameter vector; not modified
     * @param seed the seed of this evaluation's random choices
     * @param metaIteration the meta-iteration, which may also seed choices (e.g. minibatches)
     * @return the objective and its gradient; a deterministic function of the arguments
     */
    SeedResult evaluate(double[] hyperparameters, long seed, int metaIteration);
}
