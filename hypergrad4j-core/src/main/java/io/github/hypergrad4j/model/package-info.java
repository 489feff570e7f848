/**
 * Stage 3, models: how a flat weight vector is cut into parameter groups (each layer's weights and
 * biases), the networks that turn inputs into class scores, and the losses and penalties built from
 * them. Everything here is written with {@link io.github.hypergrad4j.autodiff.Var} operations, so it
 * is differentiable to second order with respect to weights, data and penalties alike.
 *
 * <p>{@link io.github.hypergrad4j.model.WeightMixing} makes the architecture a hyperparameter: the
 * weights a model reads are learned mixtures w = T z of trained weights, tying layers across
 * {@link io.github.hypergrad4j.model.TaskNetworks} or filters across positions softly or outright.
 */
package io.github.hypergrad4j.model;
