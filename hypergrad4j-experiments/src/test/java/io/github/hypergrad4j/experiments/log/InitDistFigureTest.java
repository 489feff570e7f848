package io.github.hypergrad4j.experiments.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.hypergrad4j.cli.Main;
import io.github.hypergrad4j.data.SplitSizes;
import io.github.hypergrad4j.experiments.TestData;
import io.github.hypergrad4j.report.Results;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * init-dist's density figure at {@code --quick}: it renders, and what its panels record (the clip of the
 * density's axis and the spikes above it) agrees with the learned knots.
 */
class InitDistFigureTest {
    @TempDir
    Path out;

    @Test
    void theDensityPanelsRecordTheirClipAndEverySpikeAboveIt() throws IOException {
        TestData.datasetOrSkip(new SplitSizes(500, 0, 0));
        StringWriter text = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(text, true));
        cl.setErr(new PrintWriter(text, true));
        assertThat(cl.execute("init-dist", "--quick", "--quiet", "--preset", "log-one-layer", "--out", out.toString()))
                .as(text.toString()).isZero();
        Path dir = out.resolve("init-dist");
        BufferedImage im = ImageIO.read(dir.resolve("init-dist.png").toFile());
        assertThat(im.getWidth()).isGreaterThan(1000);
        JsonNode data = Results.read(dir.resolve(Results.FILE_NAME)).get("data");
        int clippedPanels = 0;
        for (Iterator<String> it = data.get("densityPanel").fieldNames(); it.hasNext(); ) {
            String group = it.next();
            JsonNode panel = data.at("/densityPanel/" + group);
            double[] knots = Results.numbers(data.at("/learnedKnots/" + group));
            int bars = panel.get("histogramBars").asInt();
            assertThat(bars).isBetween(5, 40);
            double barWidth = (knots[knots.length - 1] - knots[0]) / bars;
            for (String h : List.of("histogram", "expectedHistogram")) {
                double area = 0;
                for (double v : Results.numbers(panel.get(h))) {
                    area += v * barWidth;
                }
                assertThat(area).as(group + " " + h + " area").isCloseTo(1, within(1e-9));
            }
            if (panel.get("clipLevel").isNull()) {
                assertThat(panel.has("spikeCentre")).isFalse();
                continue;
            }
            clippedPanels++;
            double level = panel.get("clipLevel").asDouble();
            // The oracle: the runs of bins whose density (1/B over the bin's width) is above the level.
            int bins = knots.length - 1;
            List<double[]> runs = new ArrayList<>(); // centre, highest density
            for (int j = 0; j < bins; j++) {
                if (1.0 / bins / (knots[j + 1] - knots[j]) > level) {
                    int k = j;
                    while (k + 1 < bins && 1.0 / bins / (knots[k + 2] - knots[k + 1]) > level) {
                        k++;
                    }
                    double top = 0;
                    for (int i = j; i <= k; i++) {
                        top = Math.max(top, 1.0 / bins / (knots[i + 1] - knots[i]));
                    }
                    runs.add(new double[] {(knots[j] + knots[k + 1]) / 2, top});
                    j = k;
                }
            }
            double[] centres = Results.numbers(panel.get("spikeCentre"));
            assertThat(centres).as(group).hasSize(runs.size()).isNotEmpty();
            for (int s = 0; s < runs.size(); s++) {
                assertThat(centres[s]).isCloseTo(runs.get(s)[0], within(1e-12));
                JsonNode h = panel.get("spikeHeight").get(s);
                if (Double.isInfinite(runs.get(s)[1])) {
                    assertThat(h.isNull()).isTrue();
                } else {
                    assertThat(h.asDouble()).isCloseTo(runs.get(s)[1], within(1e-9 * runs.get(s)[1]));
                }
            }
        }
        // The quick one-layer run's W1 density has collapsed into spikes (as the full run's does): its panel is clipped.
        assertThat(clippedPanels).as("clipped density panels").isPositive();
    }
}
