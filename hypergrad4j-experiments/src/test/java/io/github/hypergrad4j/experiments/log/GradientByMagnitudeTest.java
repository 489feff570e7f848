package io.github.hypergrad4j.experiments.log;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GradientByMagnitudeTest {
    @Test
    void averagesTheAbsoluteGradientInEqualBinsOfTheAbsoluteValue() {
        double[][] b = InitDist.binnedMagnitude(new double[] {0.1, -0.2, 0.3, -0.4, 0.05}, new double[] {1, -2, 3, -4, -5}, 2);
        assertThat(b[0]).containsExactly(0.1, 0.30000000000000004); // centres of [0, 0.2) and [0.2, 0.4]
        assertThat(b[2]).containsExactly(2, 3);
        assertThat(b[1]).containsExactly(3, 3); // (1 + 5) / 2 and (2 + 3 + 4) / 3
    }

    @Test
    void anEmptyBinIsAGap() {
        double[][] b = InitDist.binnedMagnitude(new double[] {0.01, 1}, new double[] {2, 4}, 3);
        assertThat(b[1][0]).isEqualTo(2);
        assertThat(b[1][1]).isNaN();
        assertThat(b[1][2]).isEqualTo(4);
    }
}
