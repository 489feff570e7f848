/**
 * Stage 4, training: an {@link io.github.hypergrad4j.train.Optimizer} (SGD with momentum, Adam, AdamW,
 * RMSprop with momentum) run on exact fixed-point state by the {@link
 * io.github.hypergrad4j.train.ReversibleTrainer}, forwards and then backwards bit for bit to get exact
 * hypergradients, and the plain float64 {@link io.github.hypergrad4j.train.StoredTrajectoryTrainer}
 * that stores every step: the oracle for tests and the memory baseline for benchmarks. The trainer
 * owns the loop; each optimiser's exact arithmetic is a package-private {@code ExactRule}.
 */
package io.github.hypergrad4j.train;
