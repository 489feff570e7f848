package io.github.hypergrad4j.meta;

/**
 * Evaluates a problem for many seeds and returns the sum of the results in seed order. Whatever
 * runs the evaluations (threads here, a cluster elsewhere), the sum is formed by {@link
 * SeedResult#sumInOrder}, so every implementation returns bit-identical numbers.
 */
public interface SeedEvaluator extends AutoCloseable {

    /**
     * Sum over {@code seeds}, in that order, of {@code problem.evaluate(hyperparameters, seed,
     * metaIteration)}.
     *
     * @param problem what to evaluate
     * @param hyperparameters the flat hyperparameter vector
     * @param seeds the seeds, summed in this order
     * @param metaIteration the meta-iteration
     * @return the sum, the same bits on every engine
     */
    SeedResult sum(HypergradientProblem problem, double[] hyperparameters, long[] seeds, int metaIteration);

    /**
     * The mean over seeds.
     *
     * @param problem what to evaluate
     * @param hyperparameters the flat hyperparameter vector
     * @param seeds the seeds
     * @param metaIteration the meta-iteration
     * @return the sum divided by the number of seeds
     */
    default SeedResult mean(HypergradientProblem problem, double[] hyperparameters, long[] seeds, int metaIteration) {
        return sum(problem, hyperparameters, seeds, metaIteration).dividedBy(seeds.length);
    }

    @Override
    default void close() {}
}
