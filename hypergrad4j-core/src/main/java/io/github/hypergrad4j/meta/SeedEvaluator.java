package io.github.hypergrad4j.meta;

/**
 * Evaluates a problem for many seeds and returns the sum of the results in seed order. Whatever
 * runs the evaluations (threads here, a cluster elsewhere), the sum is formed by {@link
 * SeedResult#sumInOrder}, so every implementation returns bit-identical numbers.
 */
public interface SeedEvaluator extends AutoCloseable {

    /** Sum over {@code seeds}, in that order, of {@code problem.evaluate(hyperparameters, seed, metaIteration)}. */
    SeedResult sum(HypergradientProblem problem, double[] hyperparameters, long[] seeds, int metaIteration);

    /** The mean over seeds. */
    default SeedResult mean(HypergradientProblem problem, double[] hyperparameters, long[] seeds, int metaIteration) {
        return sum(problem, hyperparameters, seeds, metaIteration).dividedBy(seeds.length);
    }

    @Override
    default void close() {}
}
