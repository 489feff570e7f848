package io.github.hypergrad4j.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.ludovic.netlib.blas.BLAS;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Each BLAS backend against a plain triple loop, in every transposition the engine uses. */
class BlasBackendsTest {

    private static double[] naive(double[] a, boolean ta, double[] b, boolean tb, int m, int n, int k) {
        double[] c = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) {
                    double x = ta ? a[p * m + i] : a[i * k + p];
                    double y = tb ? b[j * k + p] : b[p * n + j];
                    s += x * y;
                }
                c[i * n + j] = s;
            }
        }
        return c;
    }

    private static void checkBackend(BLAS blas) {
        Random r = new Random(3);
        int m = 7, n = 5, k = 9;
        for (boolean ta : new boolean[] {false, true}) {
            for (boolean tb : new boolean[] {false, true}) {
                double[] a = r.doubles(m * k).toArray(), b = r.doubles(k * n).toArray();
                double[] c = new double[m * n];
                // The same row-major convention TensorOps.gemm uses.
                blas.dgemm(tb ? "T" : "N", ta ? "T" : "N", n, m, k, 1.0, b, 0, tb ? k : n, a, 0, ta ? m : k, 0.0, c, 0, n);
                double[] expected = naive(a, ta, b, tb, m, n, k);
                for (int i = 0; i < c.length; i++) {
                    assertThat(c[i]).as("%s ta=%s tb=%s entry %d", Blas.describe(blas), ta, tb, i)
                            .isCloseTo(expected[i], within(1e-12));
                }
            }
        }
    }

    @Test
    void javaBackendMatchesReference() {
        checkBackend(Blas.choose("java"));
    }

    @Test
    void nativeBackendMatchesReference() {
        BLAS nat = Blas.nativeOrNull();
        Assumptions.assumeTrue(nat != null, "native BLAS not loadable here (install libopenblas0); skipped");
        checkBackend(nat);
    }

    @Test
    void tensorMatmulUsesRowMajorConvention() {
        Tensor a = Tensor.of(new double[] {1, 2, 3, 4, 5, 6}, 2, 3);
        Tensor b = Tensor.of(new double[] {1, 0, 0, 1, 1, 1}, 3, 2);
        assertThat(TensorOps.matmul(a, false, b, false).data()).containsExactly(4, 5, 10, 11);
        assertThat(TensorOps.matmul(a, true, a, false).shape()).containsExactly(3, 3);
    }

    @Test
    void mismatchedShapesSayWhatDiffers() {
        Tensor a = Tensor.zeros(2, 3), b = Tensor.zeros(4, 2);
        assertThatThrownBy(() -> TensorOps.matmul(a, false, b, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("inner dimensions 3 and 4");
        assertThatThrownBy(() -> TensorOps.add(a, b)).hasMessageContaining("must have the same shape");
    }

    @Test
    void unknownBackendNameIsRefused() {
        assertThatThrownBy(() -> Blas.choose("gpu")).hasMessageContaining("use auto, native or java");
    }
}
