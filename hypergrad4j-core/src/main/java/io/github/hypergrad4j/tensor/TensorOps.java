package io.github.hypergrad4j.tensor;

import java.util.Arrays;

/**
 * Kernels on {@link Tensor}s. Every method returns a new tensor unless its name ends in
 * {@code InPlace}, in which case the first argument is modified. Matrix products go through
 * {@link Blas}; everything else is a plain loop with a fixed summation order, so results are a
 * deterministic function of the inputs (the reversible trainer depends on that).
 */
public final class TensorOps {
    private TensorOps() {}

    /**
     * op(a) times op(b) for row-major matrices, where op transposes when the flag is set. Tensors of
     * rank other than 2 are viewed as matrices of {@link Tensor#rows()} x {@link Tensor#cols()}.
     */
    public static Tensor matmul(Tensor a, boolean transA, Tensor b, boolean transB) {
        int m = transA ? a.cols() : a.rows();
        int k = transA ? a.rows() : a.cols();
        int kb = transB ? b.cols() : b.rows();
        int n = transB ? b.rows() : b.cols();
        if (k != kb) {
            throw new IllegalArgumentException("matrix product of " + describe(a, transA) + " and "
                    + describe(b, transB) + ": inner dimensions " + k + " and " + kb + " differ");
        }
        Tensor c = Tensor.zeros(m, n);
        gemm(a, transA, b, transB, 1.0, 0.0, c);
        return c;
    }

    /** c = alpha op(a) op(b) + beta c; c must already have the product's shape. */
    public static void gemm(Tensor a, boolean transA, Tensor b, boolean transB, double alpha, double beta,
            Tensor c) {
        int m = transA ? a.cols() : a.rows();
        int k = transA ? a.rows() : a.cols();
        int n = transB ? b.rows() : b.cols();
        if (c.rows() != m || c.cols() != n) {
            throw new IllegalArgumentException("product output " + c + " should be " + m + "x" + n);
        }
        if (m == 0 || n == 0) {
            return;
        }
        if (k == 0) {
            scaleInPlace(c, beta);
            return;
        }
        int parts = pieces(m, n, k);
        if (parts > 1 && transA && k >= MIN_SPLIT_DEPTH * parts) {
            depthSplit(a, b, transB, alpha, beta, c, m, n, k, parts);
            return;
        }
        if (parts <= 1 || m < parts) {
            rowBlock(a, transA, b, transB, alpha, beta, c, n, k, 0, m);
            return;
        }
        // Cut the output rows into fixed blocks; each block is one BLAS call whose result does not
        // depend on which thread runs it.
        java.util.List<Runnable> tasks = new java.util.ArrayList<>();
        for (int p = 0; p < parts; p++) {
            int from = (int) ((long) m * p / parts), to = (int) ((long) m * (p + 1) / parts);
            if (from < to) {
                tasks.add(() -> rowBlock(a, transA, b, transB, alpha, beta, c, n, k, from, to));
            }
        }
        Parallelism.get().runAll(tasks);
    }

    /**
     * Into how many pieces a product of m x k times k x n is cut: a function of the shape alone, never
     * of the thread count, so that its bits are the same on every machine with the same BLAS (a cut
     * along k changes the summation order; even a cut along the rows may, in a BLAS whose kernels
     * depend on the block size). One piece per {@link #PIECE_FLOPS} multiply-adds, rounded down to a
     * power of two (which shares evenly among 2, 4, 8, ... threads), at most {@link #MAX_PIECES}; a
     * product of fewer than twice {@link #PIECE_FLOPS} is one BLAS call. The threads of {@link
     * Parallelism} then only decide who computes which piece.
     */
    static int pieces(int m, int n, int k) {
        double perPiece = (double) m * n * k / PIECE_FLOPS;
        return perPiece < 2 ? 1 : Integer.highestOneBit((int) Math.min(MAX_PIECES, perPiece));
    }

    /**
     * Multiply-adds per piece of a split product (at least this many; fewer than twice as many unless
     * the product has {@link #MAX_PIECES}). The
     * paper setting's large products (200 x 784 x 50: 7.8 million) get two pieces, as many as the
     * 2-core development machine has threads, so they run as fast as when the cut followed the thread
     * count; a hand-over to a worker (about a microsecond) is lost in a piece's hundreds.
     */
    private static final double PIECE_FLOPS = 1 << 21;

    /** The most pieces a product is cut into: enough for 16 threads. */
    private static final int MAX_PIECES = 16;

    /** A transposed A is split along k only when every piece gets at least this many of k's rows. */
    private static final int MIN_SPLIT_DEPTH = 32;

    /**
     * op(a) = a^T (a weight gradient x^T g): a block of output rows would be a block of a's columns,
     * which BLAS can only take as a copy. Instead the inner dimension k is cut into fixed pieces, each
     * a contiguous block of a's and b's rows (no copy); piece 0 goes straight into c with the caller's
     * beta, the others into scratch arrays that are then added to c in piece order. The pieces depend
     * only on the shapes ({@link #pieces}), so the bits are the same on every call and every core count.
     */
    private static void depthSplit(Tensor a, Tensor b, boolean transB, double alpha, double beta, Tensor c, int m,
            int n, int k, int parts) {
        double[][] partial = new double[parts][];
        java.util.List<Runnable> tasks = new java.util.ArrayList<>();
        for (int p = 0; p < parts; p++) {
            int from = (int) ((long) k * p / parts), to = (int) ((long) k * (p + 1) / parts);
            double[] out = p == 0 ? c.data() : new double[m * n];
            partial[p] = out;
            double pieceBeta = p == 0 ? beta : 0.0;
            tasks.add(() -> depthBlock(a, b, transB, alpha, pieceBeta, out, m, n, from, to));
        }
        Parallelism.get().runAll(tasks);
        double[] z = c.data();
        for (int p = 1; p < parts; p++) {
            double[] x = partial[p];
            for (int i = 0; i < z.length; i++) {
                z[i] += x[i];
            }
        }
    }

    /** alpha a[from:to, :]^T op(b)[from:to, :] + beta out, one BLAS call (see {@link #rowBlock}). */
    private static void depthBlock(Tensor a, Tensor b, boolean transB, double alpha, double beta, double[] out, int m,
            int n, int from, int to) {
        int depth = to - from;
        // op(b)'s rows [from, to): contiguous rows of b, or (transposed) columns of b, taken at an offset.
        int ldb = b.cols(), offB = transB ? from : from * ldb;
        double[] bData = b.data();
        if (transB && from > 0) {
            // BLAS's bounds check wants the operand's last column complete: copy the columns out.
            bData = new double[n * depth];
            for (int j = 0; j < n; j++) {
                System.arraycopy(b.data(), j * ldb + from, bData, j * depth, depth);
            }
            ldb = depth;
            offB = 0;
        }
        Blas.get().dgemm(transB ? "T" : "N", "T", n, m, depth, alpha, bData, offB, ldb, a.data(), from * m, m,
                beta, out, 0, n);
    }

    /**
     * Rows [r0, r1) of the product as one BLAS call. Row-major C = A B is column-major C^T = B^T A^T,
     * so the operands are swapped and the flags kept. A block of op(A)'s rows is contiguous unless A
     * is transposed; then it is copied out, because netlib's bounds check wants every operand's last
     * column complete (values and summation order are unchanged by the copy).
     */
    private static void rowBlock(Tensor a, boolean transA, Tensor b, boolean transB, double alpha, double beta,
            Tensor c, int n, int k, int r0, int r1) {
        int rows = r1 - r0;
        double[] aData = a.data();
        int lda = a.cols(), offA = r0 * lda;
        if (transA) {
            offA = 0;
            if (rows != lda) {
                aData = new double[k * rows];
                for (int p = 0; p < k; p++) {
                    System.arraycopy(a.data(), p * lda + r0, aData, p * rows, rows);
                }
                lda = rows;
            }
        }
        Blas.get().dgemm(transB ? "T" : "N", transA ? "T" : "N", n, rows, k, alpha,
                b.data(), 0, b.cols(), aData, offA, lda, beta, c.data(), r0 * n, n);
    }

    private static String describe(Tensor t, boolean trans) {
        return t.rows() + "x" + t.cols() + (trans ? " (transposed)" : "");
    }

    public static Tensor add(Tensor a, Tensor b) {
        requireSameShape(a, b, "add");
        double[] x = a.data(), y = b.data(), z = new double[x.length];
        for (int i = 0; i < z.length; i++) {
            z[i] = x[i] + y[i];
        }
        return Tensor.of(z, a.shape());
    }

    public static Tensor subtract(Tensor a, Tensor b) {
        requireSameShape(a, b, "subtract");
        double[] x = a.data(), y = b.data(), z = new double[x.length];
        for (int i = 0; i < z.length; i++) {
            z[i] = x[i] - y[i];
        }
        return Tensor.of(z, a.shape());
    }

    public static Tensor multiply(Tensor a, Tensor b) {
        requireSameShape(a, b, "multiply");
        double[] x = a.data(), y = b.data(), z = new double[x.length];
        for (int i = 0; i < z.length; i++) {
            z[i] = x[i] * y[i];
        }
        return Tensor.of(z, a.shape());
    }

    public static Tensor scale(Tensor a, double s) {
        double[] x = a.data(), z = new double[x.length];
        for (int i = 0; i < z.length; i++) {
            z[i] = s * x[i];
        }
        return Tensor.of(z, a.shape());
    }

    /** a *= s. */
    public static void scaleInPlace(Tensor a, double s) {
        double[] x = a.data();
        for (int i = 0; i < x.length; i++) {
            x[i] *= s;
        }
    }

    /** a += b. */
    public static void addInPlace(Tensor a, Tensor b) {
        requireSameShape(a, b, "add");
        double[] x = a.data(), y = b.data();
        for (int i = 0; i < x.length; i++) {
            x[i] += y[i];
        }
    }

    /** a += s * b. */
    public static void axpyInPlace(Tensor a, double s, Tensor b) {
        requireSameShape(a, b, "axpy");
        double[] x = a.data(), y = b.data();
        for (int i = 0; i < x.length; i++) {
            x[i] += s * y[i];
        }
    }

    /** Matrix a (n x m) plus row vector r (m) added to every row. */
    public static Tensor addRowVector(Tensor a, Tensor r) {
        int n = a.rows(), m = a.cols();
        if (r.size() != m) {
            throw new IllegalArgumentException("bias of size " + r.size() + " added to rows of length " + m);
        }
        double[] x = a.data(), b = r.data(), z = new double[x.length];
        for (int i = 0; i < n; i++) {
            int o = i * m;
            for (int j = 0; j < m; j++) {
                z[o + j] = x[o + j] + b[j];
            }
        }
        return Tensor.of(z, a.shape());
    }

    /** Column sums of a matrix (n x m): a vector of m. */
    public static Tensor sumRows(Tensor a) {
        int n = a.rows(), m = a.cols();
        double[] x = a.data(), z = new double[m];
        for (int i = 0; i < n; i++) {
            int o = i * m;
            for (int j = 0; j < m; j++) {
                z[j] += x[o + j];
            }
        }
        return Tensor.of(z, m);
    }

    /** Sum of each row of a matrix (n x m): a vector of n. */
    public static Tensor rowTotals(Tensor a) {
        int n = a.rows(), m = a.cols();
        double[] x = a.data(), z = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            int o = i * m;
            for (int j = 0; j < m; j++) {
                s += x[o + j];
            }
            z[i] = s;
        }
        return Tensor.of(z, n);
    }

    /** Matrix a (n x m) with row i multiplied by s[i]. */
    public static Tensor scaleRows(Tensor a, Tensor s) {
        int n = a.rows(), m = a.cols();
        if (s.size() != n) {
            throw new IllegalArgumentException("row scales of size " + s.size() + " for " + n + " rows");
        }
        double[] x = a.data(), f = s.data(), z = new double[x.length];
        for (int i = 0; i < n; i++) {
            int o = i * m;
            double fi = f[i];
            for (int j = 0; j < m; j++) {
                z[o + j] = x[o + j] * fi;
            }
        }
        return Tensor.of(z, a.shape());
    }

    /** Matrix a (n x m) minus v[i] in every entry of row i. */
    public static Tensor subtractFromRows(Tensor a, Tensor v) {
        int n = a.rows(), m = a.cols();
        double[] x = a.data(), f = v.data(), z = new double[x.length];
        for (int i = 0; i < n; i++) {
            int o = i * m;
            double fi = f[i];
            for (int j = 0; j < m; j++) {
                z[o + j] = x[o + j] - fi;
            }
        }
        return Tensor.of(z, a.shape());
    }

    public static double sum(Tensor a) {
        double s = 0;
        for (double x : a.data()) {
            s += x;
        }
        return s;
    }

    public static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    public static Tensor filled(double value, int... shape) {
        Tensor t = Tensor.zeros(shape);
        Arrays.fill(t.data(), value);
        return t;
    }

    public static void requireSameShape(Tensor a, Tensor b, String what) {
        if (!a.sameShape(b)) {
            throw new IllegalArgumentException("cannot " + what + " tensors of shapes " + Arrays.toString(a.shape())
                    + " and " + Arrays.toString(b.shape()) + "; they must have the same shape");
        }
    }
}
