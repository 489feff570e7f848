/**
 * Stage 1, derivatives: a small reverse-mode engine (the {@link io.github.hypergrad4j.autodiff.Tape})
 * whose values are {@link io.github.hypergrad4j.autodiff.Dual} numbers. Seeding the weights with a
 * tangent u makes one backward pass return, next to each gradient, its directional derivative: the
 * Hessian-vector product H_ww u for the weights and the mixed product grad_theta(u . grad_w L) for
 * every hyperparameter (forward-over-reverse, about twice the cost of a gradient). The engine knows
 * no operations: each primitive in {@code ops} keeps its forward rule and its gradient rule side by
 * side, and gradient rules are written in {@link io.github.hypergrad4j.autodiff.DualMath}, so their
 * own derivatives come for free. {@link io.github.hypergrad4j.autodiff.GradCheck} checks first and
 * second derivatives of any function on the tape (a primitive of one's own, say) against finite
 * differences.
 */
package io.github.hypergrad4j.autodiff;
