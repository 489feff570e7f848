package io.github.hypergrad4j.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.hypergrad4j.meta.ScheduleProblem;
import io.github.hypergrad4j.meta.SeedEvaluator;
import io.github.hypergrad4j.meta.ThreadPoolSeedEvaluator;
import org.junit.jupiter.api.Test;

/**
 * Prints the time per meta-iteration of a quick lr-schedule with 4 seeds, in process (2 threads) and
 * on Spark {@code local[2]}, so that the overhead of going through Spark is on record. No timing is
 * asserted: the machine is shared.
 */
class OverheadMeasurementTest {
    private static final long[] SEEDS = {1, 2, 3, 4};
    private static final int WARM_UP = 10, MEASURED = 20;

    @Test
    void printsTheSparkOverheadPerMetaIteration() {
        ScheduleProblem problem = Problems.quickSchedule();
        double[] x = Problems.start(problem);
        double inProcess, onSpark;
        try (ThreadPoolSeedEvaluator pool = new ThreadPoolSeedEvaluator(2)) {
            inProcess = millisPerIteration(pool, problem, x);
        }
        onSpark = millisPerIteration(SharedSpark.evaluator(), problem, x);
        System.out.printf("hypergrad4j-spark overhead: quick lr-schedule (784-8-10, 6 steps, 4 seeds): in-process %.1f ms,"
                + " Spark %s %.1f ms per meta-iteration (+%.1f ms)%n", inProcess, SharedSpark.MASTER, onSpark, onSpark - inProcess);
        assertThat(onSpark).isPositive();
    }

    private static double millisPerIteration(SeedEvaluator evaluator, ScheduleProblem problem, double[] x) {
        for (int i = 0; i < WARM_UP; i++) {
            evaluator.mean(problem, x, SEEDS, i);
        }
        long start = System.nanoTime();
        for (int i = 0; i < MEASURED; i++) {
            evaluator.mean(problem, x, SEEDS, WARM_UP + i);
        }
        return (System.nanoTime() - start) / 1e6 / MEASURED;
    }
}
