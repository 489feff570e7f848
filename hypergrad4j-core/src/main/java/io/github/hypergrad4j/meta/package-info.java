/**
 * Stage 6, meta-optimisation: optimisers that step a flat hyperparameter vector along its
 * hypergradient, one meta-iteration at a time. Their state is plain arrays so it can be
 * checkpointed and restored exactly. Hypergradients averaged over seeds come from a {@link
 * io.github.hypergrad4j.meta.SeedEvaluator}, chosen by {@link
 * io.github.hypergrad4j.meta.SeedEvaluators#forOption}: a thread pool in this process, or a
 * plug-in engine (Spark) found through {@link io.github.hypergrad4j.meta.SeedEvaluatorProvider}.
 */
package io.github.hypergrad4j.meta;
