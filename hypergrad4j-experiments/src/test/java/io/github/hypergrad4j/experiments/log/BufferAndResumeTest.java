package io.github.hypergrad4j.experiments.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.hypergrad4j.data.SplitSizes;
import io.github.hypergrad4j.experiments.DataSource;
import io.github.hypergrad4j.experiments.Experiment;
import io.github.hypergrad4j.experiments.ExperimentRunner;
import io.github.hypergrad4j.experiments.Progress;
import io.github.hypergrad4j.experiments.RunOptions;
import io.github.hypergrad4j.experiments.TestData;
import io.github.hypergrad4j.report.Results;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --buffer-memory} reaches the trainers of init-dist and of the schedule problems (lr-schedule's
 * seeds), changes no number and leaves no spill file; and an interrupted init-dist resumes to the same
 * results and figures, including its first meta-iteration's panel. Runs on whichever of MNIST and
 * Fashion-MNIST is present (printed).
 */
class BufferAndResumeTest {
    /** Far less than one training run's information buffer: every run spills. */
    private static final long TINY = 4096;

    @TempDir
    Path tmp;

    /*
     * Both runs use momentum 0.5 and 100 steps: the reversal keeps a bit per weight and step, and each
     * weight's coder head holds some 32 bits before it pushes a word, so every run outgrows TINY.
     */

    private static InitDist spillingInitDist() {
        InitDist.Config q = InitDist.Config.quick();
        // Learning rate 0.3 and a knot step of 1e-4 keep 100 steps and the one update stable on MNIST and
        // Fashion-MNIST alike (at the quick learning rate 1 the knots leave the fixed-point range on Fashion-MNIST).
        return new InitDist(new InitDist.Config(q.layers(), q.bins(), q.trainSize(), 100, q.batchSize(), 0.3, 0.5,
                q.initialHalfWidth(), 1e-4, 1));
    }

    /** Quick init-dist with 3 meta-iterations, for the resume test. */
    private static InitDist initDist() {
        return new InitDist(InitDist.Config.quick().withMeta(0.01, 3));
    }

    private static LrSchedule spillingLrSchedule() {
        LrSchedule.Config q = LrSchedule.Config.preset("full", true);
        return new LrSchedule(new LrSchedule.Config(q.preset(), new int[] {784, 10, 10}, 100, q.batchSize(),
                q.trainSize(), q.initialAlpha(), 0.5, q.initialScale(), q.perGroup(), q.stepsPerValue(),
                q.learnMomentum(), q.learnScales(), q.newSeedEachMetaIteration(), q.optimizer(), q.metaStep(), 1,
                2, null));
    }

    @Test
    void aTinyBufferBudgetGivesBitIdenticalNumbersAndLeavesNoFile() throws IOException {
        DataSource data = TestData.availableOrSkip(new SplitSizes(500, 0, 0));
        for (Experiment e : List.of(spillingInitDist(), spillingLrSchedule())) {
            // The budget reaches every trainer and makes it spill: with a file where the spill
            // directory should be, the first spill fails.
            Path notADirectory = Files.writeString(tmp.resolve("file-" + e.name()), "");
            assertThatThrownBy(() -> TestData.run(e, tmp.resolve("broken"), 3, data,
                    RunOptions.defaults().withBufferMemory(TINY, notADirectory.resolve("sub")), Progress.NONE))
                    .as(e.name()).hasStackTraceContaining("buffer");

            Path spill = Files.createDirectories(tmp.resolve("spill-" + e.name()));
            JsonNode plain = results(TestData.run(e, tmp.resolve("plain"), 3, data));
            JsonNode spilled = results(TestData.run(e, tmp.resolve("spilled"), 3, data,
                    RunOptions.defaults().withBufferMemory(TINY, spill), Progress.NONE));
            for (String key : List.of("data", "summary", "figures")) {
                assertThat(spilled.get(key).toString()).as(e.name() + " " + key).isEqualTo(plain.get(key).toString());
            }
            try (Stream<Path> left = Files.list(spill)) {
                assertThat(left).as(e.name() + " spill files left behind").isEmpty();
            }
        }
    }

    @Test
    void anInterruptedInitDistResumesToTheSameResultsAndFigures() throws IOException {
        DataSource data = TestData.availableOrSkip(new SplitSizes(500, 0, 0));
        Path whole = tmp.resolve("whole"), cut = tmp.resolve("cut");
        TestData.run(initDist(), whole, 5, data);

        // Interrupted inside meta-iteration 2, after the checkpoint of meta-iteration 1.
        assertThatThrownBy(() -> TestData.run(initDist(), cut, 5, data, RunOptions.defaults(), interruptAfter(3)))
                .isInstanceOf(Interrupted.class);
        assertThat(Results.read(cut.resolve("init-dist").resolve("checkpoint.json")).get("nextMetaIteration").asInt())
                .isEqualTo(2);
        TestData.run(initDist(), cut, 5, data, RunOptions.defaults().withResume(true, false), Progress.NONE);

        JsonNode a = results(whole), b = results(cut);
        assertThat(a.at("/data/meta/firstIteration/initialWeights").size()).isPositive();
        for (String key : List.of("data", "summary", "figures")) {
            assertThat(b.get(key).toString()).as(key).isEqualTo(a.get(key).toString());
        }
        for (JsonNode f : a.get("figures")) {
            String file = f.get("file").asText();
            assertThat(Files.readAllBytes(cut.resolve("init-dist").resolve(file))).as(file)
                    .isEqualTo(Files.readAllBytes(whole.resolve("init-dist").resolve(file)));
        }
    }

    private static JsonNode results(ExperimentRunner.Outcome o) throws IOException {
        return Results.read(o.results());
    }

    private static JsonNode results(Path out) throws IOException {
        return Results.read(out.resolve("init-dist").resolve(Results.FILE_NAME));
    }

    private static final class Interrupted extends RuntimeException {
        Interrupted() {
            super("interrupted by the test");
        }
    }

    /** Progress that throws once {@code units} units are done: a run killed at that point. */
    private static Progress interruptAfter(long units) {
        AtomicLong done = new AtomicLong();
        return (label, total) -> new Progress.Task() {
            @Override
            public void advance(long n, String status) {
                if (done.addAndGet(n) >= units) {
                    throw new Interrupted();
                }
            }

            @Override
            public void close() {}
        };
    }
}
