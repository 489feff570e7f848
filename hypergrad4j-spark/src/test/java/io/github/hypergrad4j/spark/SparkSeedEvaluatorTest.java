package io.github.hypergrad4j.spark;

import static io.github.hypergrad4j.spark.Problems.assertBitIdentical;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.hypergrad4j.data.DatasetLocator;
import io.github.hypergrad4j.data.DatasetName;
import io.github.hypergrad4j.data.DatasetSpec;
import io.github.hypergrad4j.data.SplitSizes;
import io.github.hypergrad4j.meta.HypergradientProblem;
import io.github.hypergrad4j.meta.ScheduleProblem;
import io.github.hypergrad4j.meta.SeedEvaluator;
import io.github.hypergrad4j.meta.SeedResult;
import io.github.hypergrad4j.meta.ThreadPoolSeedEvaluator;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class SparkSeedEvaluatorTest {
    private static final long[] SEEDS = {11, 12, 13, 12, 14, 15};   // a repeated seed: order is by position
    private static final ThreadPoolSeedEvaluator IN_PROCESS = new ThreadPoolSeedEvaluator(2);

    private final SparkSeedEvaluator spark = SharedSpark.evaluator();

    @AfterAll
    static void closePool() {
        IN_PROCESS.close();
    }

    @Test
    void theCommandLineCallFindsSparkThroughTheProvider() {
        assertThat(spark.sparkContext().master()).isEqualTo(SharedSpark.MASTER);
    }

    @Test
    void sumOnSparkIsBitIdenticalToTheThreadPoolOnSyntheticData() {
        ScheduleProblem problem = Problems.quickSchedule();
        double[] x = Problems.start(problem);
        SeedResult expected = IN_PROCESS.sum(problem, x, SEEDS, 2);
        assertBitIdentical(spark.sum(problem, x, SEEDS, 2), expected);
        assertBitIdentical(spark.mean(problem, x, SEEDS, 2), IN_PROCESS.mean(problem, x, SEEDS, 2));
        // The problem's broadcast is reused by the next meta-iteration; the answer still matches.
        assertBitIdentical(spark.sum(problem, x, SEEDS, 3), IN_PROCESS.sum(problem, x, SEEDS, 3));
    }

    @Test
    void sumOnSparkIsBitIdenticalToTheThreadPoolOnFashionMnist() throws IOException {
        try {
            DatasetLocator.forUser().locate(DatasetName.FASHION_MNIST);
        } catch (IOException absent) {
            System.out.println("SKIPPED Fashion-MNIST comparison: dataset not installed (" + absent.getMessage().lines().findFirst().orElse("") + ")");
            Assumptions.abort("Fashion-MNIST is not installed");
        }
        ScheduleProblem problem = Problems.schedule(new DatasetSpec("fashion-mnist", new SplitSizes(200, 0, 0), 5));
        double[] x = Problems.start(problem);
        long[] seeds = {1, 2, 3, 4};
        assertBitIdentical(spark.sum(problem, x, seeds, 0), IN_PROCESS.sum(problem, x, seeds, 0));
    }

    @Test
    void aTaskThatFailsOnceIsRetriedAndGivesTheSameBits() {
        ScheduleProblem inner = Problems.quickSchedule();
        double[] x = Problems.start(inner);
        long[] seeds = {21, 22, 23, 24};
        SeedResult expected = IN_PROCESS.sum(inner, x, seeds, 1);
        int before = Problems.FailsOnFirstAttempt.FAILURES.get();
        SeedResult retried = spark.sum(new Problems.FailsOnFirstAttempt(inner), x, seeds, 1);
        assertThat(Problems.FailsOnFirstAttempt.FAILURES.get() - before).as("first attempts that failed").isEqualTo(seeds.length);
        assertBitIdentical(retried, expected);
    }

    @Test
    void aTaskThatAlwaysFailsEndsTheCallWithTheTasksMessage() {
        assertThatThrownBy(() -> spark.sum(new Problems.AlwaysFails(), new double[1], new long[] {7}, 0))
                .isInstanceOf(SeedEvaluationException.class)
                .hasMessageContaining("made to fail for good: seed 7")
                .hasMessageContaining("failed 4 times");
    }

    @Test
    void wrongSizesAreRefusedOnTheDriverAsInProcess() {
        ScheduleProblem problem = Problems.quickSchedule();
        assertThatThrownBy(() -> spark.sum(problem, new double[3], new long[] {1, 2}, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hyperparameters for a problem of");
        assertThatThrownBy(() -> spark.sum(problem, Problems.start(problem), new long[0], 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no seeds");
    }

    @Test
    void anEvaluatorOnAGivenContextLeavesItRunning() {
        HypergradientProblem problem = Problems.quickSchedule();
        double[] x = Problems.start((ScheduleProblem) problem);
        try (SeedEvaluator borrowed = new SparkSeedEvaluator(spark.sparkContext())) {
            assertBitIdentical(borrowed.sum(problem, x, new long[] {5}, 0), IN_PROCESS.sum(problem, x, new long[] {5}, 0));
        }
        assertThat(spark.sparkContext().sc().isStopped()).isFalse();
    }
}
