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

    @Test
    void boxFilterIsTheLogsValidConvolution() {
        // The log's filter: y - mean of the 20 points from 9 before to 10 after (numpy 'valid' output
        // placement); a constant vanishes, a spike keeps 1 - 1/L at its place and -1/L around it.
        int n = 50, window = 20;
        double[] constant = new double[n], spike = new double[n];
        java.util.Arrays.fill(constant, 2.7);
        spike[25] = 1;
        double[][] f = SweepFigures.boxHighPass(new double[][] {constant, spike}, window);
        for (int i = 0; i < n; i++) {
            boolean fits = i >= 9 && i + 10 < n;
            assertThat(Double.isNaN(f[0][i])).as("point %d", i).isEqualTo(!fits);
            if (fits) {
                assertThat(f[0][i]).isCloseTo(0, within(1e-15));
            }
        }
        assertThat(f[1][25]).isCloseTo(1 - 1.0 / window, within(1e-15));
        assertThat(f[1][15]).as("window of 15 reaches 25").isCloseTo(-1.0 / window, within(1e-15));
        assertThat(f[1][14]).as("window of 14 ends at 24").isCloseTo(0, within(1e-15));
        assertThat(f[1][34]).as("window of 34 starts at 25").isCloseTo(-1.0 / window, within(1e-15));
        assertThat(f[1][35]).as("window of 35 starts at 26").isCloseTo(0, within(1e-15));
    }
}
