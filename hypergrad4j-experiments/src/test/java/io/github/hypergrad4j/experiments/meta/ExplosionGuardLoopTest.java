package io.github.hypergrad4j.experiments.meta;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.hypergrad4j.cli.Main;
import io.github.hypergrad4j.data.SplitSizes;
import io.github.hypergrad4j.experiments.Experiment;
import io.github.hypergrad4j.experiments.ExperimentContext;
import io.github.hypergrad4j.experiments.ExperimentRunner;
import io.github.hypergrad4j.experiments.Progress;
import io.github.hypergrad4j.experiments.RunOptions;
import io.github.hypergrad4j.experiments.TestData;
import io.github.hypergrad4j.meta.ExplosionGuard;
import io.github.hypergrad4j.meta.SgdMomentum;
import io.github.hypergrad4j.report.ReportIndex;
import io.github.hypergrad4j.report.Results;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.MonthDay;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The meta loop's guard against exploding hypergradients, on settings known to explode: gradient
 * descent with too large a step on f(x) = x^4 / 4 (the norms grow 3.4, 6.6, 105, 10^6), and ARD with a
 * meta step so large that the next training run leaves the fixed-point range.
 */
class ExplosionGuardLoopTest {
    @TempDir
    Path out;

    /** Gradient descent on x^4 / 4 from 1.5 with step 1: stable for three steps, then it blows up. */
    private static final class Quartic implements Experiment {
        @Override
        public String name() {
            return "quartic";
        }

        @Override
        public String title() {
            return "x^4 / 4 with too large a step";
        }

        @Override
        public String description() {
            return "test";
        }

        @Override
        public MonthDay logDate() {
            return MonthDay.of(1, 1);
        }

        @Override
        public Object config() {
            return Map.of("x0", 1.5, "step", 1.0);
        }

        @Override
        public void run(ExperimentContext context) throws IOException {
            double[] x = {1.5};
            MetaHistory h = new MetaLoop(context, "quartic", 8, "f").run(x, new SgdMomentum(1, 0), (v, i, withGradient) -> {
                double f = Math.pow(v[0], 4) / 4;
                return new MetaResult(f, withGradient ? new double[] {Math.pow(v[0], 3)} : null, new double[] {f},
                        Map.of("f", f));
            });
            h.record(context.results().data().section("meta"));
            context.results().data().put("x", x);
        }
    }

    /**
     * A meta step that overflows: step 1e160 times the hypergradient 1e150 leaves x at -Infinity, where the evaluation refuses its argument (as a schedule refuses an infinite learning rate).
     */
    private static final class Overflow implements Experiment {
        @Override
        public String name() {
            return "overflow";
        }

        @Override
        public String title() {
            return "a meta step to infinity";
        }

        @Override
        public String description() {
            return "test";
        }

        @Override
        public MonthDay logDate() {
            return MonthDay.of(1, 2);
        }

        @Override
        public Object config() {
            return Map.of("x0", -1.0);
        }

        @Override
        public void run(ExperimentContext context) throws IOException {
            double[] x = {-1};
            MetaHistory h = new MetaLoop(context, "overflow", 3, "f").run(x, new SgdMomentum(1e160, 0), (v, i, withGradient) -> {
                if (!Double.isFinite(v[0])) {
                    throw new IllegalArgumentException("learning rate " + v[0] + " must be finite");
                }
                return new MetaResult(1, withGradient ? new double[] {1e150} : null, new double[] {1},
                        Map.of("f", 1.0));
            });
            h.record(context.results().data().section("meta"));
            context.results().data().put("x", x);
        }
    }

    @Test
    void aMetaStepThatLeavesAHyperparameterInfiniteIsAnExplosion() throws IOException {
        Path dir = out.resolve("overflow-run");
        ExperimentRunner.run(new Overflow(), new ExperimentRunner.Settings(0, true, null, dir, Progress.NONE, m -> { },
                "test", RunOptions.defaults().withExplosionGuard(10, ExplosionGuard.Action.STOP)));
        JsonNode r = Results.read(dir.resolve("overflow").resolve(Results.FILE_NAME));
        assertThat(r.get("events")).hasSize(1);
        assertThat(r.at("/events/0/metaIteration").asInt()).isEqualTo(1);
        assertThat(r.at("/events/0/action").asText()).isEqualTo("stop");
        assertThat(r.at("/data/x/0").asDouble()).as("back at the last accepted point").isEqualTo(-1);
    }

    private JsonNode runQuartic(ExplosionGuard.Action action) throws IOException {
        Path dir = out.resolve(action.name());
        ExperimentRunner.run(new Quartic(), new ExperimentRunner.Settings(0, true, null, dir, Progress.NONE, m -> { },
                "test", RunOptions.defaults().withExplosionGuard(10, action)));
        return Results.read(dir.resolve("quartic").resolve(Results.FILE_NAME));
    }

    @Test
    void stopKeepsTheLastAcceptedHyperparameters() throws IOException {
        JsonNode r = runQuartic(ExplosionGuard.Action.STOP);
        // Accepted: x = 1.5, -1.875, 4.717...; at x = -100.2 the norm 10^6 is over 10x the median 6.6.
        JsonNode events = r.get("events");
        assertThat(events).hasSize(1);
        assertThat(events.get(0).get("metaIteration").asInt()).isEqualTo(3);
        assertThat(events.get(0).get("action").asText()).isEqualTo("stop");
        double accepted = -1.875 - Math.pow(-1.875, 3);
        assertThat(r.at("/data/x/0").asDouble()).isEqualTo(accepted);
        assertThat(r.at("/data/meta/f").size()).as("4 evaluations, then the final one at the kept point").isEqualTo(5);
        assertThat(r.at("/data/meta/f/4").asDouble()).isEqualTo(Math.pow(accepted, 4) / 4);
    }

    @Test
    void recordKeepsTheChaoticStepAndListsIt() throws IOException {
        JsonNode r = runQuartic(ExplosionGuard.Action.RECORD);
        JsonNode events = r.get("events");
        assertThat(events.get(0).get("metaIteration").asInt()).isEqualTo(3);
        assertThat(events.get(0).get("action").asText()).isEqualTo("record");
        assertThat(events.get(0).get("message").asText()).contains("kept and recorded");
        double x = 1.5;
        for (int k = 0; k < 4; k++) {
            x -= Math.pow(x, 3); // every update applied, the flagged one of meta-iteration 3 too
        }
        assertThat(r.at("/data/meta/f/4").asDouble()).isEqualTo(Math.pow(x, 4) / 4);
    }

    @Test
    void shrinkRetakesTheUpdateWithSmallerStepsUntilItIsTame() throws IOException {
        JsonNode r = runQuartic(ExplosionGuard.Action.SHRINK_STEP);
        JsonNode events = r.get("events");
        assertThat(events.size()).isBetween(1, 8);
        assertThat(events.get(0).get("message").asText()).contains("meta step scaled to 0.5x");
        double[] f = Results.numbers(r.at("/data/meta/f"));
        assertThat(f).hasSize(9);
        assertThat(f[f.length - 1]).as("final loss stays far below the exploded 10^10").isLessThan(1e6);
        String html = Files.readString(out.resolve("SHRINK_STEP").resolve(ReportIndex.FILE_NAME));
        assertThat(html).contains("Meta-optimisation events").contains("meta step scaled to 0.5x");
    }

    @Test
    void ardWithAHugeMetaStepIsStoppedAndTheEventRecorded() throws IOException {
        TestData.availableOrSkip(new SplitSizes(1_000, 1_000, 500));
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setErr(new PrintWriter(err, true));
        cl.setOut(new PrintWriter(new StringWriter(), true));
        int code = cl.execute("ard", "--quick", "--quiet", "--meta-step", "1e5", "--meta-iterations", "2",
                "--on-explosion", "stop", "--out", out.toString());
        assertThat(code).as(err.toString()).isZero();
        JsonNode r = Results.read(out.resolve("ard").resolve(Results.FILE_NAME));
        assertThat(r.get("events")).hasSize(1);
        assertThat(r.at("/events/0/message").asText()).contains("meta-iteration 1", "not finite", "stopping");
        double[] loss = Results.numbers(r.at("/data/meta/validationLoss"));
        assertThat(loss[1]).as("the diverged run").isNaN();
        assertThat(loss[2]).as("final evaluation at the kept hyperparameters").isEqualTo(loss[0]);
        assertThat(Files.readString(out.resolve(ReportIndex.FILE_NAME))).contains("Meta-optimisation events");
    }
}
