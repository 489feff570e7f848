package io.github.hypergrad4j.spark;

import io.github.hypergrad4j.data.DatasetSpec;
import io.github.hypergrad4j.data.SplitSizes;
import io.github.hypergrad4j.meta.HypergradientProblem;
import io.github.hypergrad4j.meta.ScheduleProblem;
import io.github.hypergrad4j.meta.SeedResult;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.TaskContext;
import org.assertj.core.api.Assertions;

/** Quick problems for the tests, and the bitwise comparison they all make. */
final class Problems {
    private Problems() {}

    /** The quick lr-schedule: 784-8-10 MLP, 6 steps, batches of 20 from 100 synthetic images (~10 ms a seed). */
    static ScheduleProblem quickSchedule() {
        return schedule(new DatasetSpec(DatasetSpec.SYNTHETIC, new SplitSizes(100, 0, 0), 3));
    }

    static ScheduleProblem schedule(DatasetSpec data) {
        return new ScheduleProblem(new int[] {784, 8, 10}, 6, 20, data);
    }

    static double[] start(ScheduleProblem p) {
        return p.initial(0.2, 0.9, new double[] {0.05, 0.05, 0.3, 0.3}).values().clone();
    }

    /** Same objective, gradient and learning curve, compared as bits (so -0.0 and NaN payloads count too). */
    static void assertBitIdentical(SeedResult actual, SeedResult expected) {
        Assertions.assertThat(Double.doubleToRawLongBits(actual.objective()))
                .as("objective %s vs %s", actual.objective(), expected.objective())
                .isEqualTo(Double.doubleToRawLongBits(expected.objective()));
        Assertions.assertThat(bits(actual.gradient())).as("gradient").containsExactly(bits(expected.gradient()));
        Assertions.assertThat(bits(actual.learningCurve())).as("learning curve").containsExactly(bits(expected.learningCurve()));
    }

    static long[] bits(double[] values) {
        long[] b = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = Double.doubleToRawLongBits(values[i]);
        }
        return b;
    }

    /**
     * Throws in the first attempt of every Spark task and evaluates normally otherwise (also outside
     * Spark). Counts the failures it caused; local mode runs tasks in this JVM, so the count is seen.
     */
    static final class FailsOnFirstAttempt implements HypergradientProblem {
        private static final long serialVersionUID = 1L;
        static final AtomicInteger FAILURES = new AtomicInteger();
        private final HypergradientProblem inner;

        FailsOnFirstAttempt(HypergradientProblem inner) {
            this.inner = inner;
        }

        @Override
        public int size() {
            return inner.size();
        }

        @Override
        public SeedResult evaluate(double[] hyperparameters, long seed, int metaIteration) {
            TaskContext task = TaskContext.get();
            if (task != null && task.attemptNumber() == 0) {
                FAILURES.incrementAndGet();
                throw new IllegalStateException("made to fail: first attempt of seed " + seed);
            }
            return inner.evaluate(hyperparameters, seed, metaIteration);
        }
    }

    /** Fails in every attempt. */
    static final class AlwaysFails implements HypergradientProblem {
        private static final long serialVersionUID = 1L;

        @Override
        public int size() {
            return 1;
        }

        @Override
        public SeedResult evaluate(double[] hyperparameters, long seed, int metaIteration) {
            throw new IllegalStateException("made to fail for good: seed " + seed);
        }
    }
}
