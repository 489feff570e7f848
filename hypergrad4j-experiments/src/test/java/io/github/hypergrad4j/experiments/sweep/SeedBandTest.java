package io.github.hypergrad4j.experiments.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class SeedBandTest {
    private static SweepResult sweep(double loss, double derivative) {
        return new SweepResult(new double[] {0, 1}, new int[] {5}, new double[][] {{loss, 1}},
                new double[][] {{derivative, Double.NaN}});
    }

    @Test
    void meanAndSampleDeviationOverTheSeedsThatDidNotDiverge() {
        SeedBand b = SeedBand.of(List.of(sweep(1, 10), sweep(3, 14), sweep(Double.NaN, Double.NaN)));
        assertThat(b.seeds()).isEqualTo(3);
        assertThat(b.finiteSeeds()[0]).containsExactly(2, 0);
        assertThat(b.mean().loss()[0][0]).isEqualTo(2);
        assertThat(b.mean().derivative()[0][0]).isEqualTo(12);
        assertThat(b.lossSd()[0][0]).isCloseTo(Math.sqrt(2), within(1e-15));
        assertThat(b.derivativeSd()[0][0]).isCloseTo(Math.sqrt(8), within(1e-15));
        assertThat(b.mean().loss()[0][1]).as("every seed's derivative diverged there").isNaN();
    }

    @Test
    void oneSeedIsItsOwnMeanWithNoSpread() {
        SeedBand b = SeedBand.of(List.of(sweep(0.5, -2)));
        assertThat(b.mean().loss()[0][0]).isEqualTo(0.5);
        assertThat(b.lossSd()[0][0]).isZero();
    }
}
