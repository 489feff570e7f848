package io.github.hypergrad4j.experiments.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.hypergrad4j.cli.Main;
import io.github.hypergrad4j.data.Centring;
import io.github.hypergrad4j.data.SplitSizes;
import io.github.hypergrad4j.experiments.TestData;
import io.github.hypergrad4j.report.ReportIndex;
import io.github.hypergrad4j.report.Results;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Every experiment at its {@code --quick} size, run once through the command line into one report
 * directory: the files are there and well formed, and the meta-optimisations improve the validation loss.
 */
class QuickRunsTest {
    static final List<String> EXPERIMENTS = List.of("scale-wiggliness", "lr-wiggliness", "ard", "fake-data", "lr-schedule",
            "adam-schedule", "init-scales", "init-dist", "augment", "augment-flow", "weight-sharing");

    @TempDir
    static Path out;
    static String stdout;
    /** The dataset the runs use: MNIST where a local copy exists, else Fashion-MNIST; both must pass. */
    static String dataset;

    @BeforeAll
    static void runAllQuick() {
        dataset = TestData.datasetOrSkip(new SplitSizes(1_000, 1_000, 500));
        System.out.println("QuickRunsTest runs on " + dataset);
        StringWriter text = new StringWriter();
        for (String e : EXPERIMENTS) {
            CommandLine cl = Main.commandLine();
            cl.setOut(new PrintWriter(text, true));
            int code = cl.execute(e, "--quick", "--quiet", "--out", out.toString());
            assertThat(code).as(e + " exit code; output:\n" + text).isZero();
        }
        stdout = text.toString();
    }

    @Test
    void everyRunWritesWellFormedResultsAndFigures() throws IOException {
        for (String e : EXPERIMENTS) {
            Path dir = out.resolve(e);
            JsonNode r = Results.read(dir.resolve(Results.FILE_NAME));
            assertThat(r.get("experiment").asText()).isEqualTo(e);
            assertThat(r.get("quick").asBoolean()).isTrue();
            assertThat(r.get("seed").asLong()).isZero();
            assertThat(r.get("version").asText()).isNotBlank();
            assertThat(r.at("/dataset/name").asText()).isNotBlank();
            if (e.equals("weight-sharing")) {
                // Its tasks name their datasets ("MNIST and Fashion-MNIST tasks", "Fashion-MNIST tasks").
                assertThat(r.at("/dataset/name").asText()).contains(dataset.substring(0, dataset.indexOf(" (")));
            } else {
                assertThat(dataset).startsWith(r.at("/dataset/name").asText() + " (");
            }
            assertThat(r.get("config").size()).isGreaterThan(3);
            assertThat(r.get("data").size()).isPositive();
            assertThat(r.get("summary").size()).isPositive();
            assertThat(r.get("figures").size()).isPositive();
            for (JsonNode f : r.get("figures")) {
                BufferedImage im = ImageIO.read(dir.resolve(f.get("file").asText()).toFile());
                assertThat(im).as(f.toString()).isNotNull();
                assertThat(im.getWidth()).isGreaterThan(300);
                assertThat(im.getHeight()).isGreaterThan(200);
            }
        }
    }

    @Test
    void theReportHasASectionAndEveryFigureOfEachRun() throws IOException {
        String html = Files.readString(out.resolve(ReportIndex.FILE_NAME));
        for (String e : EXPERIMENTS) {
            assertThat(html).contains("id=\"" + e + "\"");
            for (JsonNode f : Results.read(out.resolve(e).resolve(Results.FILE_NAME)).get("figures")) {
                assertThat(html).contains("src=\"" + e + "/" + f.get("file").asText() + "\"");
            }
        }
        assertThat(stdout).contains("Report: " + out.resolve(ReportIndex.FILE_NAME).toAbsolutePath().normalize());
    }

    @Test
    void sweepsRecordAPlottedNumberForEveryPointAndIterationCount() throws IOException {
        JsonNode sweep = Results.read(out.resolve("scale-wiggliness").resolve(Results.FILE_NAME)).at("/data/sweep");
        int points = sweep.get("logScale").size();
        assertThat(sweep.get("loss").size()).isEqualTo(sweep.get("iterations").size());
        for (JsonNode row : sweep.get("loss")) {
            assertThat(row.size()).isEqualTo(points);
        }
        JsonNode zoom = Results.read(out.resolve("scale-wiggliness").resolve(Results.FILE_NAME)).at("/data/zoom");
        assertThat(zoom.get("highPassLoss").size()).isEqualTo(zoom.get("iterations").size());
    }

    @Test
    void ardLowersTheValidationLoss() throws IOException {
        assertValidationLossFalls("ard");
        JsonNode r = Results.read(out.resolve("ard").resolve(Results.FILE_NAME));
        assertThat(r.at("/data/finalLogPenalty").size()).isEqualTo(7840);
    }

    @Test
    void fakeDataLowersTheValidationLoss() throws IOException {
        assertValidationLossFalls("fake-data");
        JsonNode r = Results.read(out.resolve("fake-data").resolve(Results.FILE_NAME));
        assertThat(r.at("/data/finalFakeData").size()).isEqualTo(7840);
        assertThat(r.at("/data/meta/testError").size()).isEqualTo(r.at("/data/meta/validationError").size());
    }

    @Test
    void lrScheduleLowersTheTrainingLossAndSeedAveragingLowersTheVariance() throws IOException {
        JsonNode d = Results.read(out.resolve("lr-schedule").resolve(Results.FILE_NAME)).get("data");
        assertThat(d.get("trainLossAfter").asDouble()).as("training loss after vs before, same seeds")
                .isLessThan(d.get("trainLossBefore").asDouble());
        JsonNode hg = d.get("initialHypergradient");
        assertThat(hg.get("halfMeanSpread").asDouble()).as("two means of 4 seeds differ less than two single seeds")
                .isLessThan(hg.get("singleSeedSpread").asDouble());
        assertThat(d.at("/learned/logAlpha").size()).isEqualTo(20);
        assertThat(hg.get("meanLogitBeta").size()).as("the momentum panels' rows").isEqualTo(20);
        // The scale curves are the schedules' scales at every meta-iteration, the last one the learned scale.
        double[][] curves = new double[d.at("/scales/perMetaIteration").size()][];
        for (int k = 0; k < curves.length; k++) {
            curves[k] = Results.numbers(d.at("/scales/perMetaIteration").get(k));
        }
        double[] logScale = Results.numbers(d.at("/learned/logScale"));
        assertThat(curves.length).isEqualTo(logScale.length);
        for (int k = 0; k < curves.length; k++) {
            assertThat(Math.log(curves[k][curves[k].length - 1])).isCloseTo(logScale[k], within(1e-12));
        }
        assertThat(d.at("/scales/fanInHeuristic").get(0).asDouble()).isEqualTo(1 / Math.sqrt(784));
        assertThat(out.resolve("lr-schedule").resolve("lr-schedule-scales.png")).exists();
        assertThat(out.resolve("lr-schedule").resolve("lr-schedule-hypergradient-panels.png")).exists();
    }

    @Test
    void thePaperPresetCentresThePixelsAsTheOriginalsPaperRunDidAndTheLogPresetsDoNot() {
        assertThat(LrSchedule.Config.preset("paper", true).centring()).isEqualTo(Centring.POOL_MEAN);
        assertThat(LrSchedule.Config.preset("full", true).centring()).isEqualTo(Centring.NONE);
        assertThat(LrSchedule.Config.preset("log-epochs", true).centring()).isEqualTo(Centring.NONE);
    }

    @Test
    void adamScheduleStartsFromTheLineSearchsBestConstantRateAndLearnsEveryStep() throws IOException {
        JsonNode d = Results.read(out.resolve("adam-schedule").resolve(Results.FILE_NAME)).get("data");
        double[] alphas = Results.numbers(d.at("/lineSearch/alpha")), losses = Results.numbers(d.at("/lineSearch/trainLoss"));
        int best = 0;
        for (int i = 1; i < losses.length; i++) {
            best = losses[i] < losses[best] ? i : best;
        }
        assertThat(d.get("bestConstantAlpha").asDouble()).isEqualTo(alphas[best]);
        assertThat(d.get("bestConstantTrainLoss").asDouble()).isEqualTo(losses[best]);
        assertThat(d.get("learnedTrainLoss").asDouble()).isFinite();
        assertThat(d.at("/learned/logAlpha").size()).isEqualTo(20);
        assertThat(d.at("/learned/logitBeta1").size()).isEqualTo(20);
        assertThat(out.resolve("adam-schedule").resolve("adam-schedule-line-search.png")).exists();
    }

    @Test
    void initScalesMovesTheFirstLayerTowardOneOverRootFanIn() throws IOException {
        JsonNode d = Results.read(out.resolve("init-scales").resolve(Results.FILE_NAME)).get("data");
        double[] w1 = Results.numbers(d.at("/meta/scaleW1"));
        double target = Math.log(1 / Math.sqrt(784));
        assertThat(Math.abs(Math.log(w1[w1.length - 1]) - target)).isLessThan(Math.abs(Math.log(w1[0]) - target));
    }

    @Test
    void initDistLearnsSortedKnotsForEveryGroup() throws IOException {
        JsonNode d = Results.read(out.resolve("init-dist").resolve(Results.FILE_NAME)).get("data");
        for (String g : List.of("W1", "b1")) {
            double[] k = Results.numbers(d.at("/learnedKnots/" + g));
            assertThat(k).hasSize(21);
            for (int j = 1; j < k.length; j++) {
                assertThat(k[j]).isGreaterThanOrEqualTo(k[j - 1]);
            }
        }
        assertThat(Results.numbers(d.at("/meta/trainLoss")).length).isEqualTo(16);
    }

    @Test
    void augmentImprovesTheValidationLossOverTheIdentity() throws IOException {
        double[] v = Results.numbers(Results.read(out.resolve("augment").resolve(Results.FILE_NAME)).at("/data/meta/validationLoss"));
        assertThat(v[v.length - 1]).isLessThan(v[0]);
    }

    @Test
    void augmentFlowBeatsNoAugmentationOnTheValidationSet() throws IOException {
        assertValidationLossFalls("augment-flow");
        JsonNode d = Results.read(out.resolve("augment-flow").resolve(Results.FILE_NAME)).get("data");
        assertThat(d.get("couplingRight").size()).isEqualTo(784);
        assertThat(d.get("couplingDown").size()).isEqualTo(784);
        assertThat(out.resolve("augment-flow").resolve("augment-flow.png")).exists();
    }

    @Test
    void weightSharingLearnedSharingEndsBelowSeparateNetworksOnTheValidationLoss() throws IOException {
        JsonNode r = Results.read(out.resolve("weight-sharing").resolve(Results.FILE_NAME));
        double separate = r.at("/data/arms/separate/validationLoss").asDouble();
        double learned = r.at("/data/arms/learned/validationLoss").asDouble();
        System.out.println("QuickRunsTest weight-sharing: " + r.at("/dataset/suite").asText() + " suite, validation loss"
                + " separate " + separate + ", learned " + learned);
        assertThat(r.at("/dataset/suite").asText()).isIn("mnist-fashion", "fashion", "one-pool");
        assertThat(learned).as("learned sharing vs separate networks, on " + dataset).isLessThan(separate);
        assertThat(out.resolve("weight-sharing").resolve("weight-sharing.png")).exists();
    }

    private static void assertValidationLossFalls(String experiment) throws IOException {
        JsonNode meta = Results.read(out.resolve(experiment).resolve(Results.FILE_NAME)).at("/data/meta");
        double[] v = Results.numbers(meta.get("validationLoss"));
        assertThat(v.length).isGreaterThan(2);
        assertThat(v[v.length - 1]).as(experiment + " validation loss after vs before, on " + dataset).isLessThan(v[0]);
        assertThat(meta.get("learningCurves").size()).isEqualTo(v.length);
    }
}
