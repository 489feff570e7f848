package io.github.hypergrad4j.autodiff.ops;

import io.github.hypergrad4j.autodiff.Dual;
import io.github.hypergrad4j.autodiff.DualMath;
import io.github.hypergrad4j.autodiff.Primitive;

/** C = op(A) op(B), where op transposes when its flag is set. */
public final class MatMul implements Primitive {
    private final boolean transA;
    private final boolean transB;

    public MatMul(boolean transA, boolean transB) {
        this.transA = transA;
        this.transB = transB;
    }

    @Override
    public Dual forward(Dual... in) {
        return DualMath.matmul(in[0], transA, in[1], transB);
    }

    @Override
    public Dual[] vjp(Dual g, Dual out, Dual[] in, boolean[] needed) {
        Dual a = in[0], b = in[1];
        Dual ga = null, gb = null;
        if (needed[0]) {
            // dA = g op(B)^T, transposed back when A entered transposed.
            ga = transA ? DualMath.matmul(b, transB, g, true) : DualMath.matmul(g, false, b, !transB);
        }
        if (needed[1]) {
            gb = transB ? DualMath.matmul(g, true, a, transA) : DualMath.matmul(a, !transA, g, false);
        }
        return new Dual[] {ga, gb};
    }
}
