package io.github.hypergrad4j.experiments.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class HighPassTest {
    @Test
    void removesQuadraticTrendsAndKeepsShortWiggles() {
        int n = 41, half = 4;
        double[] curve = new double[n], wiggly = new double[n];
        for (int i = 0; i < n; i++) {
            double x = i / 10.0;
            curve[i] = 3 + 2 * x - 5 * x * x;
            wiggly[i] = curve[i] + 0.1 * (i % 2 == 0 ? 1 : -1);
        }
        double[][] f = SweepFigures.highPass(new double[][] {curve, wiggly}, half);
        assertThat(f[0][0]).isNaN();
        assertThat(f[0][n - 1]).isNaN();
        for (int i = half; i < n - half; i++) {
            assertThat(f[0][i]).isCloseTo(0, within(1e-12));
            assertThat(Math.abs(f[1][i])).isGreaterThan(0.05);
        }
    }
}
