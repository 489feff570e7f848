/**
 * The contract and context of an experiment run: {@link io.github.hypergrad4j.experiments.Experiment}
 * (what an experiment is), {@link io.github.hypergrad4j.experiments.ExperimentContext} (what a run gets:
 * seed, data, output directory, progress, buffer settings), {@link io.github.hypergrad4j.experiments.ExperimentRunner}
 * (turns a run into files), {@link io.github.hypergrad4j.experiments.RunOptions},
 * {@link io.github.hypergrad4j.experiments.DataSource}, {@link io.github.hypergrad4j.experiments.Seeds}, the
 * {@link io.github.hypergrad4j.experiments.InnerRun} settings the meta-optimisations share and the
 * {@link io.github.hypergrad4j.experiments.RunIdentity} a checkpoint must match.
 *
 * <p>Stage in the data flow: dataset and trainer (core) -&gt; here, the frame of every run -&gt; the
 * shapes of experiment ({@code experiments.sweep}, {@code experiments.meta}) -&gt; the log's experiments
 * ({@code experiments.log}) -&gt; {@code report} (results.json, index.html) and {@code plot} (figures).
 */
package io.github.hypergrad4j.experiments;
