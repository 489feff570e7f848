package io.github.hypergrad4j.tensor;

import java.util.Arrays;

/**
 * The broadcasting rules of elementwise arithmetic between tensors of different shapes, and the two
 * linear maps they need: {@link #expand} (repeat a smaller operand over a larger shape) and its
 * adjoint {@link #reduce} (sum a larger tensor back onto the smaller shape).
 *
 * <p>Three cases are supported, so that a mismatch is never silently accepted:
 * <ul>
 *   <li>a <b>scalar</b> (any tensor of one entry) against any shape;</li>
 *   <li>a <b>row</b> ({@code [m]} or {@code [1, m]}) against a matrix {@code [n, m]}: repeated as every row;</li>
 *   <li>a <b>column</b> ({@code [n, 1]}) against a matrix {@code [n, m]}: repeated as every column.</li>
 * </ul>
 * A rank-1 {@code [n]} is a row, never a column: write a column as {@code [n, 1]}. Sums in
 * {@link #reduce} run in a fixed order, so results are deterministic.
 */
public final class Broadcasting {
    private Broadcasting() {}

    /** How a smaller shape is repeated over a larger one. */
    public enum Kind {
        /** Same shape: nothing to do. */
        NONE,
        /** One entry repeated everywhere. */
        SCALAR,
        /** A row of m entries repeated over n rows. */
        ROW,
        /** A column of n entries repeated over m columns. */
        COLUMN
    }

    /**
     * How {@code small} broadcasts to {@code large}.
     *
     * @throws IllegalArgumentException when it does not, naming both shapes and the supported cases
     */
    public static Kind kind(int[] small, int[] large) {
        if (Arrays.equals(small, large)) {
            return Kind.NONE;
        }
        if (size(small) == 1) {
            return Kind.SCALAR;
        }
        if (large.length == 2) {
            int n = large[0], m = large[1];
            if ((small.length == 1 && small[0] == m) || (small.length == 2 && small[0] == 1 && small[1] == m)) {
                return Kind.ROW;
            }
            if (small.length == 2 && small[0] == n && small[1] == 1) {
                return Kind.COLUMN;
            }
        }
        throw new IllegalArgumentException("cannot broadcast shape " + Arrays.toString(small) + " to "
                + Arrays.toString(large) + "; supported are a scalar against any shape, a row [m] or [1, m] and a "
                + "column [n, 1] against an [n, m] matrix");
    }

    /**
     * The shape of an elementwise result of operands with these shapes: the larger one, when the
     * other broadcasts to it.
     *
     * @throws IllegalArgumentException when neither broadcasts to the other
     */
    public static int[] resultShape(int[] a, int[] b) {
        if (Arrays.equals(a, b)) {
            return a.clone();
        }
        boolean aSmaller = size(a) < size(b) || (size(a) == size(b) && a.length < b.length);
        int[] small = aSmaller ? a : b, large = aSmaller ? b : a;
        kind(small, large);
        return large.clone();
    }

    /** {@code a} repeated over {@code shape} (a copy even when the shapes are equal). */
    public static Tensor expand(Tensor a, int[] shape) {
        Kind k = kind(a.shape(), shape);
        double[] x = a.data();
        Tensor out = Tensor.zeros(shape);
        double[] z = out.data();
        switch (k) {
            case NONE:
                System.arraycopy(x, 0, z, 0, x.length);
                break;
            case SCALAR:
                Arrays.fill(z, x[0]);
                break;
            case ROW: {
                int m = shape[1];
                for (int o = 0; o < z.length; o += m) {
                    System.arraycopy(x, 0, z, o, m);
                }
                break;
            }
            default: {
                int n = shape[0], m = shape[1];
                for (int i = 0; i < n; i++) {
                    Arrays.fill(z, i * m, (i + 1) * m, x[i]);
                }
            }
        }
        return out;
    }

    /**
     * The adjoint of {@link #expand}: {@code g} (of the large shape) summed onto {@code shape}, each
     * entry of the result summing the entries it was repeated to, in increasing index order.
     */
    public static Tensor reduce(Tensor g, int[] shape) {
        int[] large = g.shape();
        Kind k = kind(shape, large);
        double[] x = g.data();
        Tensor out = Tensor.zeros(shape);
        double[] z = out.data();
        switch (k) {
            case NONE:
                System.arraycopy(x, 0, z, 0, x.length);
                break;
            case SCALAR: {
                double s = 0;
                for (double v : x) {
                    s += v;
                }
                z[0] = s;
                break;
            }
            case ROW: {
                int m = large[1];
                for (int o = 0; o < x.length; o += m) {
                    for (int j = 0; j < m; j++) {
                        z[j] += x[o + j];
                    }
                }
                break;
            }
            default: {
                int n = large[0], m = large[1];
                for (int i = 0; i < n; i++) {
                    double s = 0;
                    for (int j = 0; j < m; j++) {
                        s += x[i * m + j];
                    }
                    z[i] = s;
                }
            }
        }
        return out;
    }

    private static long size(int[] shape) {
        long s = 1;
        for (int d : shape) {
            s *= d;
        }
        return s;
    }
}
