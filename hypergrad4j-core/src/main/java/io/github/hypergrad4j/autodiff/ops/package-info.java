/**
 * The primitives of the autodiff engine, one class each: forward rule (value and tangent) next to
 * the vector-Jacobian product, written in {@link io.github.hypergrad4j.autodiff.DualMath} so that it
 * is itself differentiable along the tangent. Smooth elementwise functions extend
 * {@link io.github.hypergrad4j.autodiff.ops.ElementwiseFunction} (value, first and second derivative);
 * convolution and pooling work on channels-first images {@code [N, C, H, W]}. Every public primitive
 * here must have a case in the second-order derivative test, which fails otherwise.
 *
 * <p>Stage in the data flow: tensors -&gt; here, the operations a model's loss is built from -&gt; the
 * tape ({@code autodiff}) that differentiates them.
 */
package io.github.hypergrad4j.autodiff.ops;
