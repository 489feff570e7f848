package io.github.hypergrad4j.experiments.meta;

/**
 * One meta-iteration's evaluation of the meta-objective, the only thing a {@link MetaLoop} needs to
 * know about a problem. Implementations: {@link MetaTraining} (one reversible training run whose
 * hyperparameters enter through a {@code Theta}, as in {@code ard} and {@code fake-data}) and
 * {@link ScheduleMetaLoop}'s step (a seeded core {@code HypergradientProblem}, through a {@link ScheduleTying}).
 *
 * <p>Everything random inside an evaluation must be a function of the run's seed and
 * {@code metaIteration} only (never of a random stream carried across iterations): that is what lets a
 * resumed run repeat the evaluations of an uninterrupted one bit for bit.
 */
@FunctionalInterface
public interface MetaStep {

    /**
     * Evaluates the meta-objective at the hyperparameters {@code x}, which must not be modified.
     *
     * @param metaIteration 0, 1, ...; the final measurement after the last update has the number
     *     {@code metaIterations}
     * @param withGradient false for that final measurement: the result's gradient may then be null and
     *     the step may train forwards only
     * @throws io.github.hypergrad4j.train.TrainingDivergedException if the training run diverges
     */
    public MetaResult evaluate(double[] x, int metaIteration, boolean withGradient);
}
