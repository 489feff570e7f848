/**
 * The seed log's experiments, one class each ({@link io.github.hypergrad4j.experiments.ScaleWiggliness},
 * {@link io.github.hypergrad4j.experiments.LearningRateWiggliness}, {@link io.github.hypergrad4j.experiments.Ard},
 * {@link io.github.hypergrad4j.experiments.FakeData}), and what they share: the
 * {@link io.github.hypergrad4j.experiments.Experiment} contract, the
 * {@link io.github.hypergrad4j.experiments.ExperimentContext} a run gets (seed, data, output directory,
 * progress), the {@link io.github.hypergrad4j.experiments.ExperimentRunner} that turns a run into files, and
 * the two shapes of experiment in the log: a one-dimensional hyperparameter sweep
 * ({@link io.github.hypergrad4j.experiments.Sweep}) and a meta-optimisation loop
 * ({@link io.github.hypergrad4j.experiments.MetaLoop} over a {@link io.github.hypergrad4j.experiments.MetaStep}, with checkpoints and an exploding-hypergradient guard).
 *
 * <p>Stage in the data flow: dataset -&gt; model and trainer (core) -&gt; hypergradients -&gt; here: sweeps and
 * meta-iterations -&gt; {@code report} (results.json, index.html) and {@code plot} (figures).
 */
package io.github.hypergrad4j.experiments;
