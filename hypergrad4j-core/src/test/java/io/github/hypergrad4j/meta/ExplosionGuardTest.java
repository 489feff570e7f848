package io.github.hypergrad4j.meta;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.hypergrad4j.data.DatasetSpec;
import io.github.hypergrad4j.data.SplitSizes;
import org.junit.jupiter.api.Test;

class ExplosionGuardTest {

    @Test
    void steadyNormsPassAndAJumpIsCaught() {
        ExplosionGuard guard = ExplosionGuard.defaults(ExplosionGuard.Action.SHRINK_STEP);
        for (int k = 0; k < 5; k++) {
            assertThat(guard.observe(k, 1 + 0.1 * k).exploded()).isFalse();
        }
        ExplosionGuard.Decision d = guard.observe(5, 50);
        assertThat(d.exploded()).isTrue();
        assertThat(d.applyUpdate()).isFalse();
        assertThat(d.stepScale()).isEqualTo(0.5);
        assertThat(guard.events()).singleElement().satisfies(e -> assertThat(e.message()).contains("meta step scaled"));
    }

    @Test
    void recordKeepsTheUpdateAndListsTheEvent() {
        ExplosionGuard guard = ExplosionGuard.defaults(ExplosionGuard.Action.RECORD);
        for (int k = 0; k < 4; k++) {
            guard.observe(k, 1);
        }
        ExplosionGuard.Decision d = guard.observe(4, 50);
        assertThat(d.exploded()).isTrue();
        assertThat(d.applyUpdate()).isTrue();
        assertThat(d.stop()).isFalse();
        assertThat(d.stepScale()).isEqualTo(1);
        assertThat(guard.events()).singleElement().satisfies(e -> assertThat(e.message()).contains("kept and recorded"));
        assertThat(guard.observe(5, Double.POSITIVE_INFINITY).stop()).as("no update can use an infinite norm").isTrue();
    }

    @Test
    void nonFiniteNormAlwaysCountsAndStopActionStops() {
        ExplosionGuard guard = ExplosionGuard.defaults(ExplosionGuard.Action.STOP);
        ExplosionGuard.Decision d = guard.observe(0, Double.NaN);
        assertThat(d.stop()).isTrue();
        assertThat(guard.events().get(0).message()).contains("stopping");
    }

    @Test
    void catchesTheHypergradientOfALearningRateInTheChaoticRegime() {
        // Learning rates of e^-2 give a tame hypergradient; raising them to e^1.5 on a net with large
        // initial weights makes training chaotic and its hypergradient orders of magnitude larger.
        ScheduleProblem problem = new ScheduleProblem(new int[] {784, 16, 10}, 30, 20,
                new DatasetSpec(DatasetSpec.SYNTHETIC, new SplitSizes(200, 0, 0), 1));
        ExplosionGuard guard = ExplosionGuard.defaults(ExplosionGuard.Action.STOP);
        double[] scales = {1, 1, 1, 1};
        boolean stopped = false;
        int k = 0;
        for (double alpha : new double[] {Math.exp(-2), Math.exp(-2), Math.exp(-2), Math.exp(-1.9), Math.exp(1.5)}) {
            double[] x = problem.initial(alpha, 0.9, scales).values();
            double norm;
            try {
                norm = ExplosionGuard.norm(problem.evaluate(x, 7, k).gradient());
            } catch (io.github.hypergrad4j.train.TrainingDivergedException e) {
                norm = Double.POSITIVE_INFINITY; // overflow is the extreme of the same thing
            }
            stopped = guard.observe(k++, norm).stop();
        }
        assertThat(stopped).as("norms %s", java.util.Arrays.toString(guard.history())).isTrue();
        assertThat(guard.history()).hasSize(4);
    }
}
