package io.github.hypergrad4j.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.hypergrad4j.meta.Adam;
import io.github.hypergrad4j.meta.ScheduleProblem;
import io.github.hypergrad4j.meta.ThreadPoolSeedEvaluator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SparkScheduleMainTest {
    private final SparkSeedEvaluator spark = SharedSpark.evaluator();

    @Test
    void adamStepsDrivenBySparkReachExactlyTheInProcessHyperparameters() {
        ScheduleProblem problem = Problems.quickSchedule();
        long[] seeds = {1, 2, 3, 4};
        double[] onSpark = Problems.start(problem), inProcess = Problems.start(problem);
        List<Double> sparkObjectives = new ArrayList<>(), poolObjectives = new ArrayList<>();
        SparkScheduleMain.optimise(spark, problem, onSpark, seeds, 3, new Adam(0.05), (i, m, s) -> sparkObjectives.add(m.objective()));
        try (ThreadPoolSeedEvaluator pool = new ThreadPoolSeedEvaluator(2)) {
            SparkScheduleMain.optimise(pool, problem, inProcess, seeds, 3, new Adam(0.05), (i, m, s) -> poolObjectives.add(m.objective()));
        }
        assertThat(Problems.bits(onSpark)).containsExactly(Problems.bits(inProcess));
        assertThat(sparkObjectives).containsExactlyElementsOf(poolObjectives);
        assertThat(onSpark).isNotEqualTo(Problems.start(problem));     // the steps did move
    }

    @Test
    void theDriverRunsFromItsCommandLineAndWritesTheSchedule(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("schedule.csv");
        SparkScheduleMain.Settings settings = SparkScheduleMain.Settings.parse("--data", "synthetic", "--train", "60",
                "--hidden", "8", "--steps", "4", "--batch", "20", "--seeds", "3", "--meta-iterations", "2", "--out", csv.toString());
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        SparkScheduleMain.run(settings, spark, new PrintStream(printed, true, StandardCharsets.UTF_8));
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("meta-iteration 1: mean objective");
        List<String> rows = Files.readAllLines(csv);
        // header, 4 steps x 4 groups x (learning rate, momentum), 4 initial scales
        assertThat(rows).hasSize(1 + 4 * 4 * 2 + 4).first().isEqualTo("hyperparameter,step,group,value");
    }

    @Test
    void badOptionsAreRefusedBeforeSparkStarts() {
        assertThatThrownBy(() -> SparkScheduleMain.Settings.parse("--steps", "many"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--steps needs a whole number");
        assertThatThrownBy(() -> SparkScheduleMain.Settings.parse("--colour", "red"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown option --colour");
        assertThatThrownBy(() -> SparkScheduleMain.Settings.parse("--train", "50", "--batch", "100"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("batch of 100");
    }
}
