package io.github.hypergrad4j.experiments.log;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.hypergrad4j.data.SplitSizes;
import io.github.hypergrad4j.experiments.DataSource;
import io.github.hypergrad4j.experiments.TestData;
import io.github.hypergrad4j.experiments.sweep.SweepGrid;
import io.github.hypergrad4j.report.Results;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The science of the wiggliness sweeps: on the calm side (small initial scale, small learning rate) the
 * exact derivative from the reversed run agrees with a central finite difference of the sweep's own loss
 * curve.
 */
class WigglinessDerivativeTest {
    @TempDir
    Path out;

    @Test
    void scaleDerivativeMatchesFiniteDifferencesOfTheLossCurve() throws IOException {
        ScaleWiggliness.Config c = ScaleWiggliness.Config.quick()
                .withSweep(new SweepGrid(-3.1, -2.9, 5, new int[] {5})).withZoom(null);
        DataSource data = TestData.availableOrSkip(new SplitSizes(c.trainSize(), 0, 0));
        TestData.run(new ScaleWiggliness(c), out, 1, data);
        assertAgreement(out.resolve("scale-wiggliness"), "logScale");
    }

    @Test
    void learningRateDerivativeMatchesFiniteDifferencesOfTheLossCurve() throws IOException {
        LearningRateWiggliness.Config c = LearningRateWiggliness.Config.quick()
                .withSweep(new SweepGrid(-1.1, -0.9, 5, new int[] {5}));
        DataSource data = TestData.availableOrSkip(new SplitSizes(c.trainSize(), 0, 0));
        TestData.run(new LearningRateWiggliness(c), out, 1, data);
        assertAgreement(out.resolve("lr-wiggliness"), "logLearningRate");
    }

    private static void assertAgreement(Path dir, String variable) throws IOException {
        JsonNode sweep = Results.read(dir.resolve(Results.FILE_NAME)).at("/data/sweep");
        double[] x = Results.numbers(sweep.get(variable));
        double[] loss = Results.numbers(sweep.at("/loss/0"));
        double[] exact = Results.numbers(sweep.at("/derivative/0"));
        for (int i = 1; i < x.length - 1; i++) {
            double fd = (loss[i + 1] - loss[i - 1]) / (x[i + 1] - x[i - 1]);
            assertThat(exact[i]).as("d loss / d %s at %s = %s: exact vs finite difference", variable, x[i], exact[i])
                    .isCloseTo(fd, org.assertj.core.data.Offset.offset(1e-2 * Math.abs(fd) + 1e-6));
            assertThat(Math.abs(exact[i])).as("a derivative that is not trivially zero").isGreaterThan(1e-3);
        }
    }
}
