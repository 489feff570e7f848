/**
 * Hyperparameter sweeps, the first shape of experiment: a {@link io.github.hypergrad4j.experiments.sweep.Sweep}
 * trains the same network at every point of a one-dimensional grid ({@link io.github.hypergrad4j.experiments.sweep.SweepGrid})
 * for several iteration counts, records loss and exact derivative ({@link io.github.hypergrad4j.experiments.sweep.SweepResult})
 * and draws them ({@link io.github.hypergrad4j.experiments.sweep.SweepFigures}); {@link io.github.hypergrad4j.experiments.sweep.NetworkSetup}
 * builds the network the sweeps train.
 *
 * <p>Stage in the data flow: run context ({@code experiments}) and the core trainer -&gt; here, the sweeps
 * -&gt; the log's wiggliness experiments ({@code experiments.log}).
 */
package io.github.hypergrad4j.experiments.sweep;
