package io.github.hypergrad4j.experiments.log;

import io.github.hypergrad4j.autodiff.Tape;
import io.github.hypergrad4j.autodiff.Var;
import io.github.hypergrad4j.tensor.Tensor;
import java.util.Arrays;

/**
 * The flow of images of h x w pixels under a matrix that couples only neighbouring pixels: rows x are
 * mapped to expm(t (A - A^T)) x, A = M ⊙ P with M the 0/1 mask of ordered 4-neighbour pairs, by the
 * truncated Taylor series of the action, differentiably in P (augment-flow's augmentation).
 *
 * <p>P enters only through its entries on the mask, the four coupling maps {@code couplings}
 * (4d x 1, d = h w): map k holds P[i, n_k(i)] for the k-th neighbour n_k of every pixel i, in the order
 * right, left, below, above; entries off the image are ignored (and get no gradient).
 *
 * <p>Why A - A^T: it is antisymmetric, so expm(t (A - A^T)) is orthogonal (imaginary eigenvalues): it
 * moves intensity around without growing or shrinking the image, t and -t are inverse to each other (so
 * a symmetric distribution over t gives a symmetric distribution of transformations), and the truncated
 * series stays accurate for any learned A because no direction is amplified. Using A and A^T on
 * alternate steps would also allow smoothing (real eigenvalues), but then a learned A could make
 * expm(t A) blow up for large t.
 */
final class NeighbourFlow {
    private static final int[] OPPOSITE = {1, 0, 3, 2};

    private final int h;
    private final int w;
    /** Per direction k and pixel i: the row of n_k(i) (i itself off the image). */
    private final int[][] neighbour;
    /** Per direction k and pixel i: the entry of P_k[i] in the coupling vector. */
    private final int[][] own;
    /** Per direction k and pixel i: the entry of P_opp(k)[n_k(i)] in the coupling vector. */
    private final int[][] opposite;
    /** Per direction k and pixel i: 1 where n_k(i) exists, else 0. */
    private final double[][] inside;

    /** The flow on images of {@code h} rows and {@code w} columns. */
    NeighbourFlow(int h, int w) {
        this.h = h;
        this.w = w;
        int d = h * w;
        neighbour = new int[4][d];
        own = new int[4][d];
        opposite = new int[4][d];
        inside = new double[4][d];
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                int i = r * w + c;
                int[] n = neighbours(r, c);
                for (int k = 0; k < 4; k++) {
                    boolean in = n[k] >= 0;
                    neighbour[k][i] = in ? n[k] : i;
                    own[k][i] = k * d + i;
                    opposite[k][i] = OPPOSITE[k] * d + (in ? n[k] : i);
                    inside[k][i] = in ? 1 : 0;
                }
            }
        }
    }

    int height() {
        return h;
    }

    int width() {
        return w;
    }

    /** Right, left, below, above neighbours of pixel (r, c); -1 off the image. */
    private int[] neighbours(int r, int c) {
        return new int[] {c + 1 < w ? r * w + c + 1 : -1, c > 0 ? r * w + c - 1 : -1, r + 1 < h ? (r + 1) * w + c : -1,
            r > 0 ? (r - 1) * w + c : -1};
    }

    /**
     * The rows of x (n x d) transformed by expm(t (A - A^T)): Y_0 = X, Y_k = Y_{k-1} (t A_eff)^T / k,
     * result sum_k Y_k, k up to {@code terms}. A_eff is never formed as a d x d matrix: in the
     * transposed layout Z = Y^T (d x n), (A_eff Z)[i] = sum_k E_k[i] Z[n_k(i)] with
     * E_k[i] = P_k[i] - P_opp(k)[n_k(i)], a gather of rows per neighbour, about d / 4 times cheaper than
     * the dense product. The transposes are products with an n x n identity.
     */
    Var apply(Var x, Var couplings, double t, int terms) {
        Tape tape = x.tape();
        int n = x.value().rows(), d = h * w;
        Var identity = tape.constant(identity(n));
        double[] ones = new double[n];
        Arrays.fill(ones, 1);
        Var onesRow = tape.constant(Tensor.of(ones, 1, n));
        Var[] coefficient = new Var[4];
        for (int k = 0; k < 4; k++) {
            coefficient[k] = couplings.rows(own[k]).minus(couplings.rows(opposite[k]))
                    .times(tape.constant(Tensor.of(inside[k].clone(), d, 1))).matmul(onesRow);
        }
        Var z = x.matmul(true, identity, false);
        Var y = z, sum = z;
        for (int term = 1; term <= terms; term++) {
            Var next = null;
            for (int k = 0; k < 4; k++) {
                Var part = coefficient[k].times(y.rows(neighbour[k]));
                next = next == null ? part : next.plus(part);
            }
            y = next.times(t / term);
            sum = sum.plus(y);
        }
        return identity.matmul(false, sum, true);
    }

    /** {@link #apply} on plain values: n rows of d pixels (for figures). */
    double[] values(double[] rows, int n, double[] couplings, double t, int terms) {
        Tape tape = new Tape();
        return apply(tape.constant(Tensor.of(rows.clone(), n, h * w)),
                tape.constant(Tensor.of(couplings.clone(), couplings.length, 1)), t, terms).value().data();
    }

    /** The 0/1 mask M of ordered 4-neighbour pixel pairs (i, j), d x d row-major. */
    double[] mask() {
        int d = h * w;
        double[] m = new double[d * d];
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                int i = r * w + c;
                for (int j : neighbours(r, c)) {
                    if (j >= 0) {
                        m[i * d + j] = 1;
                    }
                }
            }
        }
        return m;
    }

    /** The dense d x d matrix A = M ⊙ P of a coupling vector: the definition {@link #apply} implements. */
    double[] denseA(double[] couplings) {
        int d = h * w;
        double[] a = new double[d * d];
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                int i = r * w + c;
                int[] n = neighbours(r, c);
                for (int k = 0; k < 4; k++) {
                    if (n[k] >= 0) {
                        a[i * d + n[k]] = couplings[k * d + i];
                    }
                }
            }
        }
        return a;
    }

    /**
     * The effective couplings A_eff = A - A^T of every pixel to its right neighbour (map 0) and to the
     * neighbour below (map 1); those to the left and above are their negatives, shifted.
     */
    double[][] effectiveMaps(double[] couplings) {
        int d = h * w;
        double[] a = denseA(couplings);
        double[][] maps = new double[2][d];
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                int i = r * w + c;
                int[] n = neighbours(r, c);
                if (n[0] >= 0) {
                    maps[0][i] = a[i * d + n[0]] - a[n[0] * d + i];
                }
                if (n[2] >= 0) {
                    maps[1][i] = a[i * d + n[2]] - a[n[2] * d + i];
                }
            }
        }
        return maps;
    }

    private static Tensor identity(int n) {
        double[] id = new double[n * n];
        for (int i = 0; i < n; i++) {
            id[i * n + i] = 1;
        }
        return Tensor.of(id, n, n);
    }
}
