/**
 * Stage 6, meta-optimisation: optimisers that step a flat hyperparameter vector along its
 * hypergradient, one meta-iteration at a time. Their state is plain arrays so it can be
 * checkpointed and restored exactly.
 */
package io.github.hypergrad4j.meta;
