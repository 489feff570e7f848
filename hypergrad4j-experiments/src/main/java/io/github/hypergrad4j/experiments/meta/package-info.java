/**
 * Meta-optimisation, the second shape of experiment: the {@link io.github.hypergrad4j.experiments.meta.MetaLoop}
 * steps hyperparameters along exact hypergradients, one {@link io.github.hypergrad4j.experiments.meta.MetaStep}
 * evaluation per meta-iteration, records a {@link io.github.hypergrad4j.experiments.meta.MetaHistory}, guards
 * against exploding hypergradients and checkpoints its whole {@link io.github.hypergrad4j.experiments.meta.LoopState}
 * ({@link io.github.hypergrad4j.experiments.meta.Checkpoint})
 * so that {@code --resume} continues bit for bit; {@link io.github.hypergrad4j.experiments.meta.ScheduleTying}
 * ties a schedule problem's hyperparameters to a short free vector.
 *
 * <p>Stage in the data flow: run context ({@code experiments}) and core hypergradients -&gt; here, the
 * meta-iterations -&gt; the log's meta-optimisation experiments ({@code experiments.log}).
 */
package io.github.hypergrad4j.experiments.meta;
