/**
 * Stage 3, models, built from layers: a {@link io.github.hypergrad4j.model.layers.Layer} declares the
 * parameter groups it reads and computes its output from them; a
 * {@link io.github.hypergrad4j.model.layers.Sequential} chains layers, names their groups (W1, b1,
 * W2, b2, ... by default) and builds the {@link io.github.hypergrad4j.model.ParameterLayout}, so
 * learning-rate schedules, initial scales and penalties per layer need no hand-made layout.
 */
package io.github.hypergrad4j.model.layers;
