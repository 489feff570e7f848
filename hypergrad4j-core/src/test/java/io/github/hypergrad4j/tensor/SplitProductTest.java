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
        int m = 301, k = 157, n = 53; // odd sizes: uneven blocks
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
        Tensor a = random(r, 400, 120), b = random(r, 120, 60);
        Tensor c = random(r, 400, 60), expected = TensorOps.add(c, TensorOps.matmul(a, false, b, false));
        TensorOps.gemm(a, false, b, false, 1.0, 1.0, c);
        for (int i = 0; i < c.size(); i++) {
            assertThat(c.data()[i]).isCloseTo(expected.data()[i], within(1e-12));
        }
    }
}
