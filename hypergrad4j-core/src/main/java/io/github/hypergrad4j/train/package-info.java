/**
 * Stage 4, training: SGD with momentum on exact fixed-point state ({@link
 * io.github.hypergrad4j.train.ReversibleTrainer}), run forwards and then backwards bit for bit to
 * get exact hypergradients, and the plain float64 {@link
 * io.github.hypergrad4j.train.StoredTrajectoryTrainer} that stores every step: the oracle for tests
 * and the memory baseline for benchmarks.
 */
package io.github.hypergrad4j.train;
