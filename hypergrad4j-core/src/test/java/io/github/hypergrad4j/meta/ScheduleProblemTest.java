package io.github.hypergrad4j.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.hypergrad4j.data.BatchOrder;
import io.github.hypergrad4j.data.DatasetSpec;
import io.github.hypergrad4j.data.SplitSizes;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ScheduleProblemTest {
    private final ScheduleProblem problem = new ScheduleProblem(new int[] {784, 8, 10}, 6, 20,
            new DatasetSpec(DatasetSpec.SYNTHETIC, new SplitSizes(100, 0, 0), 3));

    private double[] start() {
        return problem.initial(0.2, 0.9, new double[] {0.05, 0.05, 0.3, 0.3}).values().clone();
    }

    @Test
    void learningRateAndScaleHypergradientsMatchFiniteDifferences() {
        double[] x = start();
        SeedResult r = problem.evaluate(x, 11, 0);
        int tg = problem.steps() * problem.groups();
        Random random = new Random(5);
        double[] dir = new double[x.length];
        for (int i = 0; i < tg; i++) {
            dir[i] = random.nextGaussian();                // log learning rates
        }
        for (int i = 2 * tg; i < x.length; i++) {
            dir[i] = random.nextGaussian();                // log initial scales
        }
        double h = 1e-5, analytic = 0;
        for (int i = 0; i < x.length; i++) {
            analytic += r.gradient()[i] * dir[i];
        }
        double plus = problem.evaluate(shift(x, dir, h), 11, 0).objective();
        double minus = problem.evaluate(shift(x, dir, -h), 11, 0).objective();
        double numeric = (plus - minus) / (2 * h);
        assertThat(Math.abs(analytic - numeric)).isLessThan(1e-4 * Math.abs(numeric));
        assertThat(r.learningCurve()).hasSize(problem.steps());
    }

    @Test
    void consecutiveBatchesGiveFiniteDifferenceHypergradientsAndIgnoreTheMetaIteration() {
        ScheduleProblem consecutive = problem.withBatchOrder(BatchOrder.CONSECUTIVE);
        assertThat(consecutive.batchOrder()).isSameAs(BatchOrder.CONSECUTIVE);
        assertThat(problem.batchOrder()).isSameAs(BatchOrder.RANDOM);
        double[] x = start();
        SeedResult r = consecutive.evaluate(x, 11, 0);
        int tg = consecutive.steps() * consecutive.groups();
        Random random = new Random(6);
        double[] dir = new double[x.length];
        for (int i = 0; i < tg; i++) {
            dir[i] = random.nextGaussian();
        }
        double h = 1e-5, analytic = 0;
        for (int i = 0; i < x.length; i++) {
            analytic += r.gradient()[i] * dir[i];
        }
        double numeric = (consecutive.evaluate(shift(x, dir, h), 11, 0).objective()
                - consecutive.evaluate(shift(x, dir, -h), 11, 0).objective()) / (2 * h);
        assertThat(Math.abs(analytic - numeric)).isLessThan(1e-4 * Math.abs(numeric));
        // The batches no longer depend on the meta-iteration (random ones do), nor do the results.
        assertThat(consecutive.evaluate(x, 11, 4).gradient()).containsExactly(r.gradient());
        assertThat(problem.evaluate(x, 11, 4).objective()).isNotEqualTo(problem.evaluate(x, 11, 0).objective());
        assertThat(r.objective()).isNotEqualTo(problem.evaluate(x, 11, 0).objective());
    }

    @Test
    void seedsChangeTheResultAndTheSameSeedRepeatsIt() {
        double[] x = start();
        SeedResult a = problem.evaluate(x, 1, 0), b = problem.evaluate(x, 1, 0), c = problem.evaluate(x, 2, 0);
        assertThat(a.gradient()).containsExactly(b.gradient());
        assertThat(a.objective()).isNotEqualTo(c.objective());
    }

    @Test
    void threadPoolSumIsBitIdenticalToSequentialSum() {
        double[] x = start();
        long[] seeds = {4, 5, 6, 7, 8};
        try (SeedEvaluator one = new ThreadPoolSeedEvaluator(1); SeedEvaluator two = new ThreadPoolSeedEvaluator(2)) {
            SeedResult s1 = one.sum(problem, x, seeds, 3), s2 = two.sum(problem, x, seeds, 3);
            assertThat(s2.objective()).isEqualTo(s1.objective());
            assertThat(s2.gradient()).containsExactly(s1.gradient());
            SeedResult mean = two.mean(problem, x, seeds, 3);
            assertThat(mean.objective()).isEqualTo(s1.objective() / 5);
        }
    }

    @Test
    void aFailingSeedIsReportedNotSwallowed() {
        double[] wrongSize = new double[3];
        try (SeedEvaluator two = new ThreadPoolSeedEvaluator(2)) {
            assertThatThrownBy(() -> two.sum(problem, wrongSize, new long[] {1, 2}, 0))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hyperparameters for a problem of");
        }
    }

    private static double[] shift(double[] x, double[] d, double h) {
        double[] y = x.clone();
        for (int i = 0; i < y.length; i++) {
            y[i] += h * d[i];
        }
        return y;
    }
}
