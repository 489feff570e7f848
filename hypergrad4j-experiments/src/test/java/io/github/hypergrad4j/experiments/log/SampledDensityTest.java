package io.github.hypergrad4j.experiments.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SampledDensityTest {
    @Test
    void theHistogramCountsEachBarsSamplesAsADensity() {
        Random random = new Random(7);
        double lo = -0.3, hi = 0.5;
        int bars = 13;
        double[] samples = new double[997];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = lo + (hi - lo) * random.nextDouble() * random.nextDouble();
        }
        double[] h = SampledDensity.histogram(samples, lo, hi, bars);
        double width = (hi - lo) / bars, area = 0;
        for (int b = 0; b < bars; b++) {
            int count = 0; // the oracle: count by interval membership
            for (double v : samples) {
                count += v >= lo + b * width && v < lo + (b + 1) * width ? 1 : 0;
            }
            assertThat(h[b]).as("bar " + b).isCloseTo(count / (samples.length * width), within(1e-12));
            area += h[b] * width;
        }
        assertThat(area).isCloseTo(1, within(1e-12));
    }

    @Test
    void valuesOutsideTheRangeGoToTheEndBars() {
        double[] h = SampledDensity.histogram(new double[] {-5, 0.25, 7}, 0, 1, 2);
        assertThat(h[0] * 0.5).isCloseTo(2 / 3.0, within(1e-12));
        assertThat(h[1] * 0.5).isCloseTo(1 / 3.0, within(1e-12));
    }

    @Test
    void theBulkHeightIsTheDensityHalfTheWidthLiesAtOrBelow() {
        // Widths 1, 0.001, 2, 0.002, 1 with densities 0.5, 100, 0.05, 50, 0.3: sorted by density the widths
        // run 2 (0.05), 1 (0.3), 1 (0.5), ...; half of the total width 4.003 is reached inside the second.
        double[] knots = {0, 1, 1.001, 3.001, 3.003, 4.003};
        double[] density = {0.5, 100, 0.05, 50, 0.3};
        assertThat(SampledDensity.bulkHeight(knots, density)).isEqualTo(0.3);
    }

    @Test
    void aDensityWithinTenBulkHeightsIsNotClipped() {
        double[] knots = {0, 1, 2, 3};
        double[] density = {1, 9.9, 1};
        SampledDensity.Clip c = SampledDensity.clip(knots, density);
        assertThat(c.clipped()).isFalse();
        assertThat(c.spikes()).isEmpty();
    }

    @Test
    void spikesAreTheRunsOfBinsAboveTheClipWithTheirTrueHeights() {
        double[] knots = {0, 1, 2, 3, 3.001, 3.1, 4, 5, 5, 6, 7};
        double[] density = new double[knots.length - 1];
        for (int j = 0; j < density.length; j++) {
            double w = knots[j + 1] - knots[j];
            density[j] = w > 0 ? 0.1 / w : Double.POSITIVE_INFINITY;
        }
        SampledDensity.Clip c = SampledDensity.clip(knots, density);
        double level = SampledDensity.CLIP_AT * 0.1; // the bulk: the bins of width 1, density 0.1
        assertThat(c.level()).isCloseTo(level, within(1e-12));
        // The oracle: walk the bins, a spike per maximal run above the level, its height the run's highest.
        java.util.List<SampledDensity.Spike> expected = new java.util.ArrayList<>();
        for (int j = 0; j < density.length; j++) {
            if (density[j] > level) {
                int k = j;
                double top = density[j];
                while (k + 1 < density.length && density[k + 1] > level) {
                    top = Math.max(top, density[++k]);
                }
                expected.add(new SampledDensity.Spike(knots[j], knots[k + 1], top));
                j = k;
            }
        }
        assertThat(c.spikes()).containsExactlyElementsOf(expected);
        assertThat(c.spikes()).hasSize(2); // [3, 3.1] (two bins in a row: 100 and 1.01) and the zero-width bin at 5
        assertThat(c.spikes().get(0).height()).isCloseTo(0.1 / 0.001, within(1e-6));
        assertThat(c.spikes().get(1).height()).isInfinite();
    }

    @Test
    void theExpectedHistogramIsTheDensityIntegratedOverEachBar() {
        double[] knots = {-1, -0.5, -0.49, 0, 0, 0.3, 1}; // a zero-width bin at 0: mass 1/6 there
        int bins = knots.length - 1, bars = 7;
        double lo = -1, hi = 1, width = (hi - lo) / bars;
        double[] e = SampledDensity.expectedHistogram(knots, lo, hi, bars);
        double[] density = io.github.hypergrad4j.hyper.InverseCdfInit.binDensities(knots);
        double area = 0;
        for (int b = 0; b < bars; b++) {
            // The oracle: a fine midpoint rule over the finite bins, plus the atom if it lies in this bar.
            double a = lo + b * width, mass = 0;
            int steps = 200_000;
            for (int i = 0; i < steps; i++) {
                double x = a + (i + 0.5) * width / steps;
                for (int j = 0; j < bins; j++) {
                    if (x >= knots[j] && x < knots[j + 1]) {
                        mass += density[j] * width / steps;
                    }
                }
            }
            if (0 >= a && 0 < a + width) {
                mass += 1.0 / bins;
            }
            assertThat(e[b] * width).as("bar " + b).isCloseTo(mass, within(1e-4));
            area += e[b] * width;
        }
        assertThat(area).isCloseTo(1, within(1e-12));
    }

    @Test
    void evenlySpacedKnotsExpectTheUniformDensityInEveryBar() {
        double[] knots = {-0.2, -0.1, 0, 0.1, 0.2};
        for (double h : SampledDensity.expectedHistogram(knots, -0.2, 0.2, 9)) {
            assertThat(h).isCloseTo(1 / 0.4, within(1e-9));
        }
    }

    @Test
    void labelsCloserThanTheGapTakeAnotherRow() {
        int[] rows = SampledDensity.labelRows(new double[] {0, 0.05, 0.08, 0.3, 0.32, 0.34, 0.36}, 0.1, 3);
        // 0: row 0; 0.05 and 0.08 too close to it: rows 1, 2; 0.3: row 0 again; 0.32: 1; 0.34: 2; 0.36: every
        // row is too close, so the one whose last label is farthest (row 0, at 0.3).
        assertThat(rows).containsExactly(0, 1, 2, 0, 1, 2, 0);
    }

    @Test
    void labelsReadAsNumbers() {
        assertThat(new SampledDensity.Spike(0, 1, 32_941.4).label()).isEqualTo("32,941");
        assertThat(new SampledDensity.Spike(0, 1, 47.2).label()).isEqualTo("47");
        assertThat(new SampledDensity.Spike(0, 1, 8.34).label()).isEqualTo("8.3");
        assertThat(new SampledDensity.Spike(0, 1, Double.POSITIVE_INFINITY).label()).isEqualTo("inf");
    }
}
