package io.github.hypergrad4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.hypergrad4j.data.SplitSizes;
import io.github.hypergrad4j.experiments.TestData;
import io.github.hypergrad4j.report.Results;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same results.json whatever the core count: a small lr-schedule run (MNIST, or Fashion-MNIST when
 * MNIST is absent; 500 examples in one batch of 500, so the first layer's products and the
 * objective's are cut into pieces) in child JVMs that see 1, 2 and 3 cores
 * ({@code -XX:ActiveProcessorCount}, so the product threads and the seed pool follow it as on a
 * real machine). Every number must be bit-identical; only the run's timing and machine fields may
 * differ.
 */
class ThreadCountResultsTest {
    private static final List<String> RUN = List.of("lr-schedule", "--quick", "--quiet", "--batch-size", "500",
            "--train-size", "500", "--steps", "5", "--gradient-seeds", "4", "--meta-iterations", "1");

    @TempDir
    Path tmp;

    @Test
    void oneTwoAndThreeCoresWriteBitIdenticalResults() throws Exception {
        TestData.availableOrSkip(new SplitSizes(500, 0, 0));
        JsonNode one = run(1), two = run(2), three = run(3);
        assertThat(one.at("/run/processors").asInt()).isEqualTo(1);
        assertThat(three.at("/run/processors").asInt()).isEqualTo(3);
        assertThat(one.at("/data/initialHypergradient").size()).isPositive();
        for (String key : List.of("config", "dataset", "data", "summary", "events", "figures")) {
            assertThat(two.get(key).toString()).as("2 cores against 1: " + key).isEqualTo(one.get(key).toString());
            assertThat(three.get(key).toString()).as("3 cores against 1: " + key).isEqualTo(one.get(key).toString());
        }
    }

    /** The results of {@link #RUN} in a child JVM that sees {@code cores} processors. */
    private JsonNode run(int cores) throws IOException, InterruptedException {
        Path out = tmp.resolve("cores-" + cores);
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:ActiveProcessorCount=" + cores, "-cp", System.getProperty("java.class.path"),
                "-Djava.awt.headless=true", "-Xmx1g", "-Dhypergrad4j.home=" + TestData.projectRoot(),
                Main.class.getName()));
        cmd.addAll(RUN);
        cmd.addAll(List.of("--out", out.toString()));
        Path log = tmp.resolve("cores-" + cores + ".log");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("OPENBLAS_NUM_THREADS", "1");
        Process child = pb.start();
        assertThat(child.waitFor(5, TimeUnit.MINUTES)).as("finished").isTrue();
        assertThat(child.exitValue()).as("exit code on %d cores; output:%n%s", cores, Files.readString(log)).isZero();
        return Results.read(out.resolve("lr-schedule").resolve(Results.FILE_NAME));
    }
}
