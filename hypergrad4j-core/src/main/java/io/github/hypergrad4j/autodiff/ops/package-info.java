/**
 * The primitives of the autodiff engine, one class each: forward rule (value and tangent) next to
 * the vector-Jacobian product, written in {@link io.github.hypergrad4j.autodiff.DualMath} so that it
 * is itself differentiable along the tangent.
 */
package io.github.hypergrad4j.autodiff.ops;
