/**
 * Stage 5, hyperparameters: how unconstrained meta-parameters (log learning rate, logit momentum,
 * log initial scale, ...) become the values training uses, and the chain rules that turn the
 * trainer's gradients (df/dalpha, df/dbeta, df/dw_0) into gradients with respect to them.
 */
package io.github.hypergrad4j.hyper;
