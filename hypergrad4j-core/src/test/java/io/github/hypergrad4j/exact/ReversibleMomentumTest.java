package io.github.hypergrad4j.exact;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Full trainer-style runs: T steps forward, T back, and everything must be as it was. */
class ReversibleMomentumTest {

    @Test
    void thousandStepsOfMomentumSgdOnThreeGroupsAreUndoneBitForBit() {
        int[] groups = {0, 1000, 2500, 3000};
        MomentumSgdFixture run = MomentumSgdFixture.random(groups, 1200, 0.01, 0.999, 42);
        long[] w0 = run.w.clone();
        long[] v0 = run.v.clone();

        for (int t = 0; t < run.steps(); t++) {
            run.forward(t);
        }
        assertThat(run.w).isNotEqualTo(w0);
        assertThat(run.buffer.storedBits()).isPositive();
        for (int t = run.steps() - 1; t >= 0; t--) {
            run.reverse(t);
        }

        assertThat(run.w).containsExactly(w0);
        assertThat(run.v).containsExactly(v0);
        assertThat(run.buffer.isAtInitialState()).isTrue();
        run.buffer.checkAtInitialState();
    }

    @Test
    void momentumCloseToZeroAndCloseToOneIsUndoneBitForBit() {
        int[] groups = {0, 700, 1400, 2048};
        for (double[] range : new double[][] {{0.0001, 0.01}, {0.99, 0.99999}}) {
            MomentumSgdFixture run = MomentumSgdFixture.random(groups, 1000, range[0], range[1], 7);
            long[] w0 = run.w.clone();
            long[] v0 = run.v.clone();

            for (int t = 0; t < run.steps(); t++) {
                run.forward(t);
            }
            for (int t = run.steps() - 1; t >= 0; t--) {
                run.reverse(t);
            }

            assertThat(run.w).as("beta in %s..%s", range[0], range[1]).containsExactly(w0);
            assertThat(run.v).containsExactly(v0);
            assertThat(run.buffer.isAtInitialState()).isTrue();
        }
    }
}
