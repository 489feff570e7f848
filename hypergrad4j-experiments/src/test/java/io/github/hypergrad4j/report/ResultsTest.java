package io.github.hypergrad4j.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsTest {
    @TempDir
    Path dir;

    record Config(int size, double rate, int[] steps) {}

    @Test
    void writesWellFormedJsonWithNonFiniteNumbersAsNull() throws IOException {
        Results r = new Results("demo", "A demo").seed(7).quick(true).config(new Config(3, 0.5, new int[] {1, 2}));
        r.data().section("sweep").put("x", new double[] {1, Double.NaN, Double.POSITIVE_INFINITY})
                .put("m", new double[][] {{1, 2}, {Double.NaN, 4}}).put("scalar", Double.NaN);
        r.summary("final loss", 0.25).summary("status", "diverged").figure("a.png", "caption");
        JsonNode j = Results.read(r.write(dir));

        assertThat(j.get("experiment").asText()).isEqualTo("demo");
        assertThat(j.get("version").asText()).isNotBlank();
        assertThat(j.get("seed").asLong()).isEqualTo(7);
        assertThat(j.at("/config/steps/1").asInt()).isEqualTo(2);
        assertThat(j.at("/config/rate").asDouble()).isEqualTo(0.5);
        assertThat(j.at("/data/sweep/x/1").isNull()).isTrue();
        assertThat(Results.numbers(j.at("/data/sweep/x"))).containsExactly(1, Double.NaN, Double.NaN);
        assertThat(Results.numbers(j.at("/data/sweep/m/1"))).containsExactly(Double.NaN, 4);
        assertThat(j.at("/data/sweep/scalar").isNull()).isTrue();
        assertThat(j.at("/summary/1/value").asText()).isEqualTo("diverged");
        assertThat(j.at("/figures/0/file").asText()).isEqualTo("a.png");
        assertThat(j.has(Results.RUN_KEY)).isTrue();
    }
}
