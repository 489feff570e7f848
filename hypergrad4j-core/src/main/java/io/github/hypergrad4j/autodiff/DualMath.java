package io.github.hypergrad4j.autodiff;

import io.github.hypergrad4j.tensor.Broadcasting;
import io.github.hypergrad4j.tensor.Parallelism;
import io.github.hypergrad4j.tensor.Tensor;
import io.github.hypergrad4j.tensor.TensorOps;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;

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
        Runnable tangent = () -> vt[1] = matmulTangent(a, transA, b, transB);
        if (worthRunningConcurrently(a.value(), transA, b.value(), transB)) {
            Parallelism.get().both(value, tangent);
        } else {
            value.run();
            tangent.run();
        }
        return new Dual(vt[0], vt[1]);
    }

    /**
     * The tangent of {@link #matmul}'s result alone, by the same calls, so with the same bits:
     * op(a') op(b) + op(a) op(b'), either term skipped when its tangent is null (zero).
     *
     * @param a the left matrix and its tangent
     * @param transA whether to transpose it
     * @param b the right matrix and its tangent
     * @param transB whether to transpose it
     * @return the product's tangent, or null when neither factor has one
     */
    public static Tensor matmulTangent(Dual a, boolean transA, Dual b, boolean transB) {
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
     * A linear map applied to the value and, when present, to the tangent: the derivative of a linear
     * map is the map itself, so this is exact to every order.
     *
     * @param a the dual
     * @param map a linear map of tensors
     * @return map(value), map(tangent)
     */
    public static Dual linear(Dual a, UnaryOperator<Tensor> map) {
        return new Dual(map.apply(a.value()), a.tangent() == null ? null : map.apply(a.tangent()));
    }

    /**
     * An elementwise function f with derivative df: value f(x), tangent df(x) x'. A primitive whose
     * gradient rule is {@code multiply(g, map(x, df, d2f))} is then exact to second order.
     *
     * @param x the dual
     * @param f the function
     * @param df its derivative
     * @return f(x) with tangent df(x) x'
     */
    public static Dual map(Dual x, DoubleUnaryOperator f, DoubleUnaryOperator df) {
        double[] v = x.value().data(), y = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            y[i] = f.applyAsDouble(v[i]);
        }
        Tensor t = null;
        if (x.tangent() != null) {
            double[] dt = x.tangent().data(), z = new double[v.length];
            for (int i = 0; i < v.length; i++) {
                z[i] = df.applyAsDouble(v[i]) * dt[i];
            }
            t = Tensor.of(z, x.value().shape());
        }
        return new Dual(Tensor.of(y, x.value().shape()), t);
    }

    /**
     * Elementwise exp: value e^x, tangent e^x x'.
     *
     * @param x the dual
     * @return exp(x)
     */
    public static Dual exp(Dual x) {
        return map(x, Math::exp, Math::exp);
    }

    /**
     * Elementwise quotient a / b of tensors of one shape: tangent (a' - (a / b) b') / b.
     *
     * @param a the numerator
     * @param b the denominator, of a's shape
     * @return a / b
     */
    public static Dual divide(Dual a, Dual b) {
        double[] x = a.value().data(), y = b.value().data(), q = new double[x.length];
        TensorOps.requireSameShape(a.value(), b.value(), "divide");
        for (int i = 0; i < x.length; i++) {
            q[i] = x[i] / y[i];
        }
        Tensor t = null;
        if (a.tangent() != null || b.tangent() != null) {
            double[] z = new double[x.length];
            double[] at = a.tangent() == null ? null : a.tangent().data(), bt = b.tangent() == null ? null : b.tangent().data();
            for (int i = 0; i < x.length; i++) {
                double num = (at == null ? 0 : at[i]) - (bt == null ? 0 : q[i] * bt[i]);
                z[i] = num / y[i];
            }
            t = Tensor.of(z, a.value().shape());
        }
        return new Dual(Tensor.of(q, a.value().shape()), t);
    }

    /**
     * The transpose of a matrix.
     *
     * @param a an {@code [n, m]} matrix
     * @return its {@code [m, n]} transpose
     */
    public static Dual transpose(Dual a) {
        return linear(a, DualMath::transposed);
    }

    private static Tensor transposed(Tensor a) {
        if (a.rank() != 2) {
            throw new IllegalArgumentException("transpose needs a matrix, got " + a);
        }
        int n = a.rows(), m = a.cols();
        double[] x = a.data(), z = new double[x.length];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                z[j * n + i] = x[i * m + j];
            }
        }
        return Tensor.of(z, m, n);
    }

    /**
     * Sums of a matrix along one axis, keeping it as a dimension of 1: axis 0 (down the columns)
     * gives {@code [1, m]}, axis 1 (along the rows) gives {@code [n, 1]}.
     *
     * @param a a matrix
     * @param axis 0 or 1
     * @return the sums, keeping the axis as 1
     */
    public static Dual sumAxis(Dual a, int axis) {
        if (a.value().rank() != 2 || (axis != 0 && axis != 1)) {
            throw new IllegalArgumentException("sum along axis " + axis + " needs a matrix and axis 0 or 1, got " + a.value());
        }
        int n = a.value().rows(), m = a.value().cols();
        int[] shape = axis == 0 ? new int[] {1, m} : new int[] {n, 1};
        return linear(a, t -> Broadcasting.reduce(t, shape));
    }

    /**
     * A scalar, row or column repeated over {@code shape} (see {@link Broadcasting}).
     *
     * @param a a scalar, row or column
     * @param shape the shape to fill
     * @return a dual of that shape
     */
    public static Dual expand(Dual a, int[] shape) {
        return linear(a, t -> Broadcasting.expand(t, shape));
    }

    /**
     * The adjoint of {@link #expand}: {@code g} summed onto the smaller {@code shape}.
     *
     * @param g an adjoint of the expanded shape
     * @param shape the shape before expanding
     * @return g summed to that shape
     */
    public static Dual reduce(Dual g, int[] shape) {
        return linear(g, t -> Broadcasting.reduce(t, shape));
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
