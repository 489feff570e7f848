package io.github.hypergrad4j.experiments.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.hypergrad4j.autodiff.Tape;
import io.github.hypergrad4j.autodiff.Var;
import io.github.hypergrad4j.tensor.Tensor;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The truncated Taylor action of expm(t (A - A^T)), its gradient, and the neighbour bookkeeping. */
class NeighbourFlowTest {
    private static final int H = 3, W = 4, D = H * W;
    private static final NeighbourFlow FLOW = new NeighbourFlow(H, W);

    @Test
    void maskHoldsExactlyTheFourNeighbourPairs() {
        double[] m = FLOW.mask();
        int count = 0;
        for (int i = 0; i < D; i++) {
            for (int j = 0; j < D; j++) {
                int ri = i / W, ci = i % W, rj = j / W, cj = j % W;
                boolean adjacent = Math.abs(ri - rj) + Math.abs(ci - cj) == 1;
                assertThat(m[i * D + j]).as("(%d, %d)", i, j).isEqualTo(adjacent ? 1.0 : 0.0);
                count += adjacent ? 1 : 0;
            }
        }
        // 2 * (horizontal + vertical edges) ordered pairs
        assertThat(count).isEqualTo(2 * (H * (W - 1) + (H - 1) * W));
    }

    @Test
    void localFlowEqualsTheDenseTruncatedSeriesAndConvergesToTheMatrixExponential() {
        SplittableRandom random = new SplittableRandom(1);
        double[] couplings = scaled(gaussian(random, 4 * D), 0.4);
        double[] a = FLOW.denseA(couplings);
        double[] mask = FLOW.mask();
        for (int k = 0; k < a.length; k++) {
            assertThat(a[k] == 0 || mask[k] == 1).as("A only on the mask").isTrue();
        }
        double[] e = antisymmetric(a);
        double[] x = gaussian(random, 2 * D);
        double t = 1.3;
        // the local (gather) implementation is exactly the dense series Y_k = Y_{k-1} (t E)^T / k
        double[] dense5 = denseSeries(x, 2, e, t, 5);
        double[] local5 = FLOW.values(x, 2, couplings, t, 5);
        for (int k = 0; k < dense5.length; k++) {
            assertThat(local5[k]).isCloseTo(dense5[k], within(1e-12));
        }
        double[] expected = rowsTimesTransposed(x, 2, exponential(e, t));
        double[] taylor20 = FLOW.values(x, 2, couplings, t, 20);
        double[] taylor3 = FLOW.values(x, 2, couplings, t, 3);
        double err20 = 0, err3 = 0;
        for (int k = 0; k < expected.length; k++) {
            err20 = Math.max(err20, Math.abs(taylor20[k] - expected[k]));
            err3 = Math.max(err3, Math.abs(taylor3[k] - expected[k]));
        }
        assertThat(err20).isLessThan(1e-10);
        assertThat(err3).as("three terms are visibly truncated").isGreaterThan(1e-3);
        // antisymmetric generator: the exact flow preserves each row's norm
        assertThat(norm(expected, 0)).isCloseTo(norm(x, 0), within(1e-9));
    }

    @Test
    void gradientWithRespectToTheCouplingsMatchesACentralFiniteDifference() {
        SplittableRandom random = new SplittableRandom(2);
        double[] p = scaled(gaussian(random, 4 * D), 0.3);
        double[] x = gaussian(random, 3 * D);
        double[] projection = gaussian(random, 3 * D);
        double[] direction = gaussian(random, 4 * D);
        double t = -0.8;
        int terms = 8;

        Tape tape = new Tape();
        Var pv = tape.input(Tensor.of(p.clone(), 4 * D, 1));
        Var out = objective(tape, pv, x, projection, t, terms);
        double[] g = tape.gradient(out, pv)[0].value().data();
        double analytic = 0;
        for (int k = 0; k < g.length; k++) {
            analytic += g[k] * direction[k];
        }
        assertThat(g[W - 1]).as("no gradient for the right neighbour of the last column").isZero();
        assertThat(g[3 * D]).as("no gradient for the neighbour above the first row").isZero();
        double h = 1e-5;
        double numeric = (value(shifted(p, direction, h), x, projection, t, terms)
                - value(shifted(p, direction, -h), x, projection, t, terms)) / (2 * h);
        assertThat(analytic).isCloseTo(numeric, within(1e-6 * Math.max(1, Math.abs(numeric))));
        assertThat(Math.abs(analytic)).isGreaterThan(1e-3);
    }

    @Test
    void effectiveMapsAreTheAntisymmetricCouplings() {
        double[] couplings = new double[4 * D];
        for (int k = 0; k < couplings.length; k++) {
            couplings[k] = k + 1;
        }
        double[] a = FLOW.denseA(couplings);
        // pixel (1, 1) = 5: right neighbour 6 (map 0), left 4 (map 1), below 9 (map 2), above 1 (map 3)
        assertThat(a[5 * D + 6]).isEqualTo(couplings[5]);
        assertThat(a[5 * D + 4]).isEqualTo(couplings[D + 5]);
        assertThat(a[5 * D + 9]).isEqualTo(couplings[2 * D + 5]);
        assertThat(a[5 * D + 1]).isEqualTo(couplings[3 * D + 5]);
        double[][] maps = FLOW.effectiveMaps(couplings);
        assertThat(maps[0][5]).isEqualTo(couplings[5] - couplings[D + 6]);
        assertThat(maps[1][5]).isEqualTo(couplings[2 * D + 5] - couplings[3 * D + 9]);
        assertThat(maps[0][W - 1]).as("last column has no right neighbour").isZero();
    }

    private static Var objective(Tape tape, Var p, double[] x, double[] projection, double t, int terms) {
        Var y = FLOW.apply(tape.constant(Tensor.of(x.clone(), 3, D)), p, t, terms);
        return y.times(tape.constant(Tensor.of(projection.clone(), 3, D))).sum();
    }

    private static double value(double[] p, double[] x, double[] projection, double t, int terms) {
        Tape tape = new Tape();
        return objective(tape, tape.constant(Tensor.of(p, 4 * D, 1)), x, projection, t, terms).item();
    }

    /** Y_0 = X, Y_k = Y_{k-1} (t E)^T / k, sum of Y_0 .. Y_terms, with plain arrays. */
    private static double[] denseSeries(double[] x, int n, double[] e, double t, int terms) {
        double[] y = x.clone(), sum = x.clone();
        for (int k = 1; k <= terms; k++) {
            y = rowsTimesTransposed(y, n, e);
            for (int q = 0; q < y.length; q++) {
                y[q] *= t / k;
                sum[q] += y[q];
            }
        }
        return sum;
    }

    private static double[] scaled(double[] v, double s) {
        for (int k = 0; k < v.length; k++) {
            v[k] *= s;
        }
        return v;
    }

    private static double[] shifted(double[] p, double[] direction, double h) {
        double[] q = p.clone();
        for (int k = 0; k < q.length; k++) {
            q[k] += h * direction[k];
        }
        return q;
    }

    private static double[] antisymmetric(double[] a) {
        double[] e = new double[D * D];
        for (int i = 0; i < D; i++) {
            for (int j = 0; j < D; j++) {
                e[i * D + j] = a[i * D + j] - a[j * D + i];
            }
        }
        return e;
    }

    /** expm(t E) by scaling, a long Taylor series, and squaring back: independent of the code under test. */
    private static double[] exponential(double[] e, double t) {
        int squarings = 10;
        double s = t / (1 << squarings);
        double[] term = identity(), sum = identity();
        for (int k = 1; k <= 20; k++) {
            term = product(term, e);
            for (int q = 0; q < term.length; q++) {
                term[q] *= s / k;
            }
            for (int q = 0; q < sum.length; q++) {
                sum[q] += term[q];
            }
        }
        for (int k = 0; k < squarings; k++) {
            sum = product(sum, sum);
        }
        return sum;
    }

    private static double[] identity() {
        double[] id = new double[D * D];
        for (int i = 0; i < D; i++) {
            id[i * D + i] = 1;
        }
        return id;
    }

    private static double[] product(double[] a, double[] b) {
        double[] c = new double[D * D];
        for (int i = 0; i < D; i++) {
            for (int k = 0; k < D; k++) {
                for (int j = 0; j < D; j++) {
                    c[i * D + j] += a[i * D + k] * b[k * D + j];
                }
            }
        }
        return c;
    }

    /** Rows of x times m^T. */
    private static double[] rowsTimesTransposed(double[] x, int n, double[] m) {
        double[] y = new double[n * D];
        for (int r = 0; r < n; r++) {
            for (int i = 0; i < D; i++) {
                for (int j = 0; j < D; j++) {
                    y[r * D + i] += m[i * D + j] * x[r * D + j];
                }
            }
        }
        return y;
    }

    private static double norm(double[] rows, int row) {
        double s = 0;
        for (int j = 0; j < D; j++) {
            s += rows[row * D + j] * rows[row * D + j];
        }
        return Math.sqrt(s);
    }

    private static double[] gaussian(SplittableRandom random, int n) {
        double[] v = new double[n];
        for (int k = 0; k < n; k++) {
            v[k] = gaussian(random);
        }
        return v;
    }

    private static double gaussian(SplittableRandom random) {
        double u = random.nextDouble(), w = random.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * w);
    }
}
