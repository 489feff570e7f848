package io.github.hypergrad4j.autodiff.ops;

import io.github.hypergrad4j.autodiff.Dual;
import io.github.hypergrad4j.autodiff.DualMath;
import io.github.hypergrad4j.autodiff.Primitive;
import io.github.hypergrad4j.tensor.Parallelism;
import io.github.hypergrad4j.tensor.Tensor;

/** C = op(A) op(B), where op transposes when its flag is set. */
public final class MatMul implements Primitive {
    private final boolean transA;
    private final boolean transB;

    /**
     * The product op(A) op(B) with the given transpositions.
     *
     * @param transA whether to transpose A
     * @param transB whether to transpose B
     */
    public MatMul(boolean transA, boolean transB) {
        this.transA = transA;
        this.transB = transB;
    }

    @Override
    public Dual forward(Dual... in) {
        return DualMath.matmul(in[0], transA, in[1], transB);
    }

    /**
     * dA = g op(B)^T (transposed back when A entered transposed) and dB = op(A)^T g likewise. Each has
     * the forward product's multiply-adds; when both are needed and large enough they are computed
     * concurrently (each by the same calls as alone, so with the same bits).
     */
    @Override
    public Dual[] vjp(Dual g, Dual out, Dual[] in, boolean[] needed) {
        Dual a = in[0], b = in[1];
        Dual[] grads = new Dual[2];
        Runnable left = () -> grads[0] = transA ? DualMath.matmul(b, transB, g, true) : DualMath.matmul(g, false, b, !transB);
        Runnable right = () -> grads[1] = transB ? DualMath.matmul(g, true, a, transA) : DualMath.matmul(a, !transA, g, false);
        runNeeded(left, right, needed, a, b);
        return grads;
    }

    /** The tangent of the product alone (see {@link DualMath#matmulTangent}). */
    @Override
    public Tensor forwardTangent(Tensor value, Dual... in) {
        return DualMath.matmulTangent(in[0], transA, in[1], transB);
    }

    /** The tangents of {@link #vjp}'s two products alone, by the same calls and with the same concurrency rule. */
    @Override
    public Tensor[] vjpTangents(Dual g, Dual out, Dual[] in, boolean[] needed) {
        Dual a = in[0], b = in[1];
        Tensor[] tangents = new Tensor[2];
        Runnable left = () -> tangents[0] = transA ? DualMath.matmulTangent(b, transB, g, true)
                : DualMath.matmulTangent(g, false, b, !transB);
        Runnable right = () -> tangents[1] = transB ? DualMath.matmulTangent(g, true, a, transA)
                : DualMath.matmulTangent(a, !transA, g, false);
        runNeeded(left, right, needed, a, b);
        return tangents;
    }

    /**
     * Runs the products of the inputs that need one; both at once when both are needed and large enough (each by
     * the same calls as alone, so with the same bits).
     */
    private void runNeeded(Runnable left, Runnable right, boolean[] needed, Dual a, Dual b) {
        if (needed[0] && needed[1] && DualMath.worthRunningConcurrently(a.value(), transA, b.value(), transB)) {
            Parallelism.get().both(left, right);
        } else {
            if (needed[0]) {
                left.run();
            }
            if (needed[1]) {
                right.run();
            }
        }
    }
}
