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

    /** Number of hyperparameters (the length of the vectors {@link #evaluate} takes and returns). */
    int size();

    /** The objective and its gradient for one seed. */
    SeedResult evaluate(double[] hyperparameters, long seed, int metaIteration);
}
