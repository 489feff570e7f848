package io.github.hypergrad4j.experiments.log;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.hypergrad4j.data.SplitSizes;
import io.github.hypergrad4j.experiments.DataSource;
import io.github.hypergrad4j.experiments.Experiment;
import io.github.hypergrad4j.experiments.TestData;
import io.github.hypergrad4j.experiments.sweep.SweepGrid;
import io.github.hypergrad4j.report.Results;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same seed gives the same numbers; another seed gives other numbers. */
class ReproducibilityTest {
    @TempDir
    Path out;

    @Test
    void sameSeedSameResults() throws IOException {
        FakeData.Config fake = FakeData.Config.quick().withMeta(1.0, 2);
        LearningRateWiggliness.Config sweep = LearningRateWiggliness.Config.quick()
                .withSweep(new SweepGrid(-2, 3, 3, new int[] {0, 3}));
        DataSource data = TestData.availableOrSkip(new SplitSizes(0, fake.inner().sizes().validation(), fake.inner().sizes().test()));
        for (Experiment e : new Experiment[] {new FakeData(fake), new LearningRateWiggliness(sweep)}) {
            JsonNode a = numbers(e, out.resolve("a"), 5, data);
            JsonNode b = numbers(e, out.resolve("b"), 5, data);
            JsonNode c = numbers(e, out.resolve("c"), 6, data);
            assertThat(b).as(e.name() + " twice with seed 5").isEqualTo(a);
            assertThat(c.get("data")).as(e.name() + " with another seed").isNotEqualTo(a.get("data"));
        }
    }

    /** The results without the parts that may differ between identical runs (timings). */
    private static JsonNode numbers(Experiment e, Path out, long seed, DataSource data) throws IOException {
        TestData.run(e, out, seed, data);
        ObjectNode r = (ObjectNode) Results.read(out.resolve(e.name()).resolve(Results.FILE_NAME));
        r.remove(Results.RUN_KEY);
        return r;
    }
}
