package io.github.hypergrad4j.autodiff;

import io.github.hypergrad4j.tensor.Parallelism;
import io.github.hypergrad4j.tensor.Tensor;
import io.github.hypergrad4j.tensor.TensorOps;

/**
 * Forward-mode arithmetic on {@link Dual}s: each method returns the value and the tangent of its
 * result. Gradient rules of primitives are written with these, so a backward pass over duals
 * carries second-order information. Null tangents are skipped, never materialised.
 */
public final class DualMath {
    private DualMath() {}

    /**
     * Elementwise a + b, tangents added.
     *
     * @param a a dual
     * @param b a dual of the same shape
     * @return the sum
     */
    public static Dual add(Dual a, Dual b) {
        return new Dual(TensorOps.add(a.value(), b.value()), addTangents(a.tangent(), b.tangent()));
    }

    /**
     * Elementwise a - b, tangents subtracted.
     *
     * @param a a dual
     * @param b a dual of the same shape
     * @return the difference
     */
    public static Dual subtract(Dual a, Dual b) {
        Tensor t;
        if (b.tangent() == null) {
            t = a.tangent();
        } else if (a.tangent() == null) {
            t = TensorOps.scale(b.tangent(), -1.0);
        } else {
            t = TensorOps.subtract(a.tangent(), b.tangent());
        }
        return new Dual(TensorOps.subtract(a.value(), b.value()), t);
    }

    /**
     * Elementwise product.
     *
     * @param a a dual
     * @param b a dual of the same shape
     * @return the product, tangent a' b + a b'
     */
    public static Dual multiply(Dual a, Dual b) {
        Tensor v = TensorOps.multiply(a.value(), b.value());
        Tensor t = null;
        if (a.tangent() != null) {
            t = TensorOps.multiply(a.tangent(), b.value());
        }
        if (b.tangent() != null) {
            Tensor u = TensorOps.multiply(a.value(), b.tangent());
            t = t == null ? u : addInto(t, u);
        }
        return new Dual(v, t);
    }

    /**
     * Multiplication by a constant.
     *
     * @param a a dual
     * @param s the constant
     * @return s a, tangent s a'
     */
    public static Dual scale(Dual a, double s) {
        return new Dual(TensorOps.scale(a.value(), s), a.tangent() == null ? null : TensorOps.scale(a.tangent(), s));
    }

    /**
     * Product op(a) op(b). The value is computed exactly as a plain product would be (the same BLAS
     * call), so a gradient recomputed on duals is bit-identical to one computed without tangents.
     *
     * @param a the left matrix
     * @param transA whether to transpose it
     * @param b the right matrix
     * @param transB whether to transpose it
     * @return the product, tangent op(a') op(b) + op(a) op(b')
     */
    public static Dual matmul(Dual a, boolean transA, Dual b, boolean transB) {
        if (a.tangent() == null && b.tangent() == null) {
            return new Dual(TensorOps.matmul(a.value(), transA, b.value(), transB), null);
        }
        Tensor[] vt = new Tensor[2];
        Runnable value = () -> vt[0] = TensorOps.matmul(a.value(), transA, b.value(), transB);
        Runnable tangent = () -> vt[1] = tangentOfProduct(a, transA, b, transB);
        if (worthRunningConcurrently(a.value(), transA, b.value(), transB)) {
            Parallelism.get().both(value, tangent);
        } else {
            value.run();
            tangent.run();
        }
        return new Dual(vt[0], vt[1]);
    }

    /** op(a)' op(b) + op(a) op(b)', either term skipped when its tangent is null (zero). */
    private static Tensor tangentOfProduct(Dual a, boolean transA, Dual b, boolean transB) {
        Tensor t = null;
        if (a.tangent() != null) {
            t = TensorOps.matmul(a.tangent(), transA, b.value(), transB);
        }
        if (b.tangent() != null) {
            if (t == null) {
                t = TensorOps.matmul(a.value(), transA, b.tangent(), transB);
            } else {
                TensorOps.gemm(a.value(), transA, b.tangent(), transB, 1.0, 1.0, t);
            }
        }
        return t;
    }

    /**
     * Products with at least this many multiply-adds are worth handing to another thread whole
     * (a hand-over costs some microseconds; 2^17 multiply-adds take about 5).
     */
    private static final double CONCURRENT_FLOPS = 1 << 17;

    /**
     * Whether two products of the shape op(a) op(b) are worth computing on two threads.
     *
     * @param a the left matrix
     * @param transA whether it is transposed
     * @param b the right matrix
     * @param transB whether it is transposed
     * @return true when the product is large enough to pay for a second thread
     */
    public static boolean worthRunningConcurrently(Tensor a, boolean transA, Tensor b, boolean transB) {
        double m = transA ? a.cols() : a.rows(), k = transA ? a.rows() : a.cols(), n = transB ? b.rows() : b.cols();
        return m * n * k >= CONCURRENT_FLOPS;
    }

    /**
     * Column sums of a matrix.
     *
     * @param a an n x m matrix
     * @return a vector of m
     */
    public static Dual sumRows(Dual a) {
        return new Dual(TensorOps.sumRows(a.value()), a.tangent() == null ? null : TensorOps.sumRows(a.tangent()));
    }

    /**
     * Sum of every entry, as a scalar.
     *
     * @param a any dual
     * @return a scalar
     */
    public static Dual sum(Dual a) {
        return new Dual(Tensor.scalar(TensorOps.sum(a.value())),
                a.tangent() == null ? null : Tensor.scalar(TensorOps.sum(a.tangent())));
    }

    /**
     * A scalar dual broadcast to every entry of the given shape.
     *
     * @param s a scalar dual
     * @param shape the shape to fill
     * @return a dual of that shape
     */
    public static Dual broadcastScalar(Dual s, int[] shape) {
        Tensor v = TensorOps.filled(s.value().item(), shape);
        return new Dual(v, s.tangent() == null ? null : TensorOps.filled(s.tangent().item(), shape));
    }

    /**
     * A vector dual repeated as every row of an n x m matrix.
     *
     * @param row a vector of m
     * @param n the number of rows
     * @param shape the result's shape, n x m
     * @return the repeated rows
     */
    public static Dual broadcastRows(Dual row, int n, int[] shape) {
        return new Dual(repeatRows(row.value(), n, shape), row.tangent() == null ? null : repeatRows(row.tangent(), n, shape));
    }

    private static Tensor repeatRows(Tensor row, int n, int[] shape) {
        int m = row.size();
        double[] z = new double[n * m];
        for (int i = 0; i < n; i++) {
            System.arraycopy(row.data(), 0, z, i * m, m);
        }
        return Tensor.of(z, shape);
    }

    /**
     * The same values and tangent under another shape of equal size.
     *
     * @param a a dual
     * @param shape the new shape
     * @return a dual sharing a's data
     */
    public static Dual reshape(Dual a, int[] shape) {
        return new Dual(a.value().reshape(shape), a.tangent() == null ? null : a.tangent().reshape(shape));
    }

    /**
     * Sum of two tangents where either may be null (zero).
     *
     * @param a a tangent, or null
     * @param b a tangent, or null
     * @return their sum, or null when both are null
     */
    public static Tensor addTangents(Tensor a, Tensor b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return TensorOps.add(a, b);
    }

    private static Tensor addInto(Tensor target, Tensor u) {
        TensorOps.addInPlace(target, u);
        return target;
    }
}
