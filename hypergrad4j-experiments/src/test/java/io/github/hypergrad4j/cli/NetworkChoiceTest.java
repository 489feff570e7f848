package io.github.hypergrad4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.hypergrad4j.report.Results;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Each preset's network is the one its log figure was drawn with (tanh before the softmax until the
 * original's Jan 20 commit, linear after), recorded in results.json, and {@code --output-activation}
 * changes it. Runs on synthetic 28 x 28 IDX data, so it needs no dataset.
 */
class NetworkChoiceTest {
    /** With tanh after the last layer the logits lie in [-1, 1]: the loss is at least log(1 + 9 / e^2). */
    private static final double TANH_FLOOR = Math.log(1 + 9 * Math.exp(-2));

    @TempDir
    static Path tmp;
    static Path data;

    @BeforeAll
    static void data() throws IOException {
        data = SyntheticIdx.write(tmp.resolve("data"), 3_000, 28);
    }

    private static JsonNode run(String name, String... options) {
        List<String> args = new ArrayList<>(List.of(options));
        Path out = tmp.resolve("out-" + name + "-" + String.join("_", options).replaceAll("[^\\w]", ""));
        args.addAll(List.of("--quick", "--quiet", "--data", data.toString(), "--out", out.toString()));
        args.add(0, name);
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(new StringWriter(), true));
        cl.setErr(new PrintWriter(err, true));
        assertThat(cl.execute(args.toArray(String[]::new))).as(args + "\n" + err).isZero();
        try {
            return Results.read(out.resolve(name).resolve(Results.FILE_NAME));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void eachPresetRecordsTheNetworkOfItsLogFigure() {
        String[][] cases = {
            {"TANH", "scale-wiggliness", "--points", "2", "--iterations", "1", "--no-zoom"},
            {"TANH", "lr-wiggliness", "--points", "2", "--iterations", "1"},
            {"LINEAR", "fake-data", "--meta-iterations", "1"},
            {"TANH", "fake-data", "--preset", "log-fig1", "--meta-iterations", "1"},
            {"TANH", "init-dist", "--meta-iterations", "1"},
            {"LINEAR", "lr-schedule", "--meta-iterations", "1", "--steps", "3"},
            {"LINEAR", "lr-schedule", "--preset", "paper", "--meta-iterations", "1", "--steps", "3"},
            {"TANH", "lr-schedule", "--preset", "log-1k", "--meta-iterations", "1", "--steps", "3"},
        };
        for (String[] c : cases) {
            JsonNode r = run(c[1], java.util.Arrays.copyOfRange(c, 2, c.length));
            assertThat(r.at("/config/outputActivation").asText()).as(String.join(" ", c)).isEqualTo(c[0]);
        }
    }

    @Test
    void seedsRepeatTheSweepAndRecordTheMeanWithItsSpread() {
        JsonNode r = run("lr-wiggliness", "--points", "2", "--iterations", "4", "--seeds", "3");
        double[] first = Results.numbers(r.at("/data/sweep/loss/0"));
        double[] mean = Results.numbers(r.at("/data/seeds/meanLoss/0"));
        double[] sd = Results.numbers(r.at("/data/seeds/lossSd/0"));
        assertThat(r.at("/data/seeds/seeds").asInt()).isEqualTo(3);
        assertThat(mean).hasSameSizeAs(first).isNotEqualTo(first);
        for (double v : sd) {
            assertThat(v).as("other noises z give other losses").isPositive();
        }
        assertThat(r.get("figures").toString()).contains("loss-and-derivative-vs-learning-rate-seeds.png");
    }

    @Test
    void theLogSchedulePresetsDrawEachMetaIterationsHypergradient() {
        JsonNode r = run("lr-schedule", "--preset", "log-1k", "--meta-iterations", "2", "--steps", "3");
        for (int i = 0; i < 2; i++) {
            assertThat(r.at("/data/metaHypergradients/metaIteration" + i).size()).as("meta-iteration %d", i).isEqualTo(3);
        }
        assertThat(r.at("/data/metaHypergradients/metaIteration2").isMissingNode()).as("the last has no gradient").isTrue();
        assertThat(r.get("figures").toString()).contains("lr-schedule-meta-hypergradients.png");
    }

    @Test
    void theOptionChangesTheNetworkAndTanhBoundsTheLoss() {
        JsonNode tanh = run("lr-wiggliness", "--points", "3", "--iterations", "10", "--from", "0", "--to", "1");
        JsonNode linear = run("lr-wiggliness", "--points", "3", "--iterations", "10", "--from", "0", "--to", "1",
                "--output-activation", "linear");
        assertThat(linear.at("/config/outputActivation").asText()).isEqualTo("LINEAR");
        double[] lossTanh = Results.numbers(tanh.at("/data/sweep/loss/0"));
        double[] lossLinear = Results.numbers(linear.at("/data/sweep/loss/0"));
        for (double v : lossTanh) {
            assertThat(v).isGreaterThanOrEqualTo(TANH_FLOOR);
        }
        assertThat(lossLinear).isNotEqualTo(lossTanh);
    }

    @Test
    void aSharedDistributionIsOneInverseCdfForEveryGroupWithItsKnotsPerMetaIteration() {
        JsonNode r = run("init-dist", "--preset", "log-shared", "--meta-iterations", "2");
        assertThat(r.at("/config/shared").asBoolean()).isTrue();
        double[] w1 = Results.numbers(r.at("/data/learnedKnots/W1"));
        for (String g : List.of("b1", "W2", "b2")) {
            assertThat(Results.numbers(r.at("/data/learnedKnots/" + g))).as(g).containsExactly(w1);
        }
        assertThat(w1).hasSize(20);
        for (int j = 0; j < w1.length; j++) {
            JsonNode knot = r.at(String.format("/data/meta/knot%02d", j));
            assertThat(knot.size()).as("knot %d per evaluation", j).isEqualTo(3);
            assertThat(knot.get(2).asDouble()).isEqualTo(w1[j]);
        }
        assertThat(Results.numbers(r.at("/data/meta/knot00"))[0]).isEqualTo(-Math.exp(-3));
        double counted = 0;
        for (double c : Results.numbers(r.at("/data/gradientByMagnitude/W1/count"))) {
            counted += c;
        }
        assertThat(counted).as("every W1 weight of 784-20-10 in a bin").isEqualTo(784 * 20);
    }
}
