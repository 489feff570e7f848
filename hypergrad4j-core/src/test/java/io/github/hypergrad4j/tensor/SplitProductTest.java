package io.github.hypergrad4j.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Products large enough to be split over threads: every transposition against a plain loop, and
 * the same inputs always give the same bits (the reversible trainer depends on it).
 */
class SplitProductTest {

    private static Tensor random(Random r, int rows, int cols) {
        return Tensor.of(r.doubles((long) rows * cols).map(x -> x - 0.5).toArray(), rows, cols);
    }

    @Test
    void largeProductsMatchAPlainLoopInEveryTransposition() {
        Random r = new Random(8);
        int m = 301, k = 313, n = 53; // odd sizes: uneven blocks; 5.0 million multiply-adds: 2 pieces
        for (boolean ta : new boolean[] {false, true}) {
            for (boolean tb : new boolean[] {false, true}) {
                Tensor a = ta ? random(r, k, m) : random(r, m, k);
                Tensor b = tb ? random(r, n, k) : random(r, k, n);
                Tensor c = TensorOps.matmul(a, ta, b, tb);
                for (int i = 0; i < m; i += 7) {
                    for (int j = 0; j < n; j++) {
                        double s = 0;
                        for (int p = 0; p < k; p++) {
                            double x = ta ? a.data()[p * m + i] : a.data()[i * k + p];
                            double y = tb ? b.data()[j * k + p] : b.data()[p * n + j];
                            s += x * y;
                        }
                        assertThat(c.data()[i * n + j]).as("ta=%s tb=%s (%d,%d)", ta, tb, i, j).isCloseTo(s, within(1e-12));
                    }
                }
                assertThat(TensorOps.matmul(a, ta, b, tb).data()).as("same bits twice").containsExactly(c.data());
            }
        }
    }

    @Test
    void accumulatingProductAddsToTheOutput() {
        Random r = new Random(9);
        Tensor a = random(r, 400, 180), b = random(r, 180, 60); // 4.3 million multiply-adds: 2 pieces
        Tensor c = random(r, 400, 60), expected = TensorOps.add(c, TensorOps.matmul(a, false, b, false));
        TensorOps.gemm(a, false, b, false, 1.0, 1.0, c);
        for (int i = 0; i < c.size(); i++) {
            assertThat(c.data()[i]).isCloseTo(expected.data()[i], within(1e-12));
        }
    }

    @Test
    void theCutDependsOnTheShapeAloneInPowersOfTwo() {
        assertThat(TensorOps.pieces(200, 50, 50)).as("a hidden layer of the paper's setting").isEqualTo(1);
        assertThat(TensorOps.pieces(200, 50, 784)).as("its first layer").isEqualTo(2);
        assertThat(TensorOps.pieces(784, 50, 200)).as("its first layer's weight gradient").isEqualTo(2);
        assertThat(TensorOps.pieces(128, 100, 784)).isEqualTo(4);
        assertThat(TensorOps.pieces(10_000, 500, 784)).as("capped").isEqualTo(16);
        assertThat(TensorOps.pieces(4096, 1024, 1)).as("just at two pieces").isEqualTo(2);
        assertThat(TensorOps.pieces(4095, 1024, 1)).isEqualTo(1);
    }

    /** Transposed-A products are split along k; the caller's alpha and beta apply exactly once. */
    @Test
    void transposedProductsSplitAlongTheInnerDimensionScaleAndAccumulateOnce() {
        Random r = new Random(10);
        for (boolean tb : new boolean[] {false, true}) {
            Tensor a = random(r, 999, 130), b = tb ? random(r, 70, 999) : random(r, 999, 70);
            Tensor c = random(r, 130, 70);
            Tensor product = TensorOps.matmul(a, true, b, tb);
            Tensor expected = TensorOps.add(TensorOps.scale(c, 0.5), TensorOps.scale(product, -2.0));
            TensorOps.gemm(a, true, b, tb, -2.0, 0.5, c);
            for (int i = 0; i < c.size(); i++) {
                assertThat(c.data()[i]).as("tb=%s %d", tb, i).isCloseTo(expected.data()[i], within(1e-11));
            }
            for (int i = 0; i < 130; i += 13) {
                for (int j = 0; j < 70; j += 7) {
                    double s = 0;
                    for (int p = 0; p < 999; p++) {
                        s += a.data()[p * 130 + i] * (tb ? b.data()[j * 999 + p] : b.data()[p * 70 + j]);
                    }
                    assertThat(product.data()[i * 70 + j]).isCloseTo(s, within(1e-11));
                }
            }
        }
    }
}
