package io.github.hypergrad4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.hypergrad4j.data.SplitSizes;
import io.github.hypergrad4j.experiments.TestData;
import io.github.hypergrad4j.report.Results;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A meta-optimisation killed in the middle of a meta-iteration resumes from its checkpoint and ends
 * with exactly the numbers of an uninterrupted run; a damaged or mismatched checkpoint is refused.
 */
class ResumeTest {
    private static final List<String> RUN = List.of("fake-data", "--quick", "--quiet", "--meta-iterations", "4");

    @TempDir
    Path tmp;

    private record Run(int code, String err) {}

    private static Run run(List<String> args) {
        StringWriter o = new StringWriter(), e = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(o, true));
        cl.setErr(new PrintWriter(e, true));
        return new Run(cl.execute(args.toArray(String[]::new)), e.toString());
    }

    private static List<String> with(List<String> base, String... more) {
        List<String> a = new ArrayList<>(base);
        a.addAll(List.of(more));
        return a;
    }

    @Test
    void killedRunResumesToBitIdenticalResults() throws Exception {
        TestData.availableOrSkip(new SplitSizes(0, 1_000, 500));
        Path whole = tmp.resolve("whole"), killed = tmp.resolve("killed");
        assertThat(run(with(RUN, "--out", whole.toString())).code).isZero();

        // A child JVM, slowed to 500 ms per meta-iteration, killed once meta-iteration 1 is checkpointed.
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Djava.awt.headless=true", "-Xmx512m",
                "-Dhypergrad4j.home=" + TestData.projectRoot(), Main.class.getName()));
        cmd.addAll(with(RUN, "--out", killed.toString(), "--meta-iteration-delay", "500"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("child.log").toFile());
        pb.environment().put("OPENBLAS_NUM_THREADS", "1");
        Process child = pb.start();
        Path checkpoint = killed.resolve("fake-data").resolve("checkpoint.json");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        int reached = 0;
        while (reached < 2 && child.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
            if (Files.exists(checkpoint)) {
                reached = Results.read(checkpoint).path("nextMetaIteration").asInt();
            }
        }
        Thread.sleep(200); // inside meta-iteration 2's pause
        child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        assertThat(reached).as("checkpointed meta-iterations before the kill; child log:\n"
                + Files.readString(tmp.resolve("child.log"))).isEqualTo(2);
        assertThat(killed.resolve("fake-data").resolve(Results.FILE_NAME)).doesNotExist();
        try (var files = Files.list(killed.resolve("fake-data"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("checkpoint.json");
        }

        Run plain = run(with(RUN, "--out", killed.toString()));
        assertThat(plain.code).isEqualTo(ExitCode.USAGE.code());
        assertThat(plain.err).contains("already holds an earlier run", "--resume", "--overwrite");
        Run resumed = run(with(RUN, "--out", killed.toString(), "--resume"));
        assertThat(resumed.code).as(resumed.err).isZero();

        JsonNode a = Results.read(whole.resolve("fake-data").resolve(Results.FILE_NAME));
        JsonNode b = Results.read(killed.resolve("fake-data").resolve(Results.FILE_NAME));
        for (String key : List.of("config", "dataset", "data", "summary", "events", "figures")) {
            assertThat(b.get(key).toString()).as(key).isEqualTo(a.get(key).toString());
        }
        assertThat(b.at("/data/meta/validationLoss").size()).isEqualTo(5);
        assertThat(b.at("/run/resumed").asBoolean()).isTrue();
    }

    @Test
    void damagedOrMismatchedCheckpointsAreRefused() throws IOException {
        TestData.availableOrSkip(new SplitSizes(0, 1_000, 500));
        Path out = tmp.resolve("out");
        List<String> oneStep = List.of("fake-data", "--quick", "--quiet", "--meta-iterations", "1", "--out", out.toString());
        assertThat(run(oneStep).code).isZero();
        Path checkpoint = out.resolve("fake-data").resolve("checkpoint.json");
        byte[] good = Files.readAllBytes(checkpoint);

        Run otherSettings = run(with(oneStep, "--resume", "--meta-step", "2"));
        assertThat(otherSettings.code).isEqualTo(ExitCode.USAGE.code());
        assertThat(otherSettings.err).contains("was made with other settings: config.dataStep is 1.0 in the checkpoint"
                + " and 2.0 now").contains("--overwrite").doesNotContain("\tat ");

        Files.createDirectories(out.resolve("ard"));
        Files.write(out.resolve("ard").resolve("checkpoint.json"), good);
        Run otherExperiment = run(List.of("ard", "--quick", "--quiet", "--resume", "--out", out.toString()));
        assertThat(otherExperiment.code).isEqualTo(ExitCode.USAGE.code());
        assertThat(otherExperiment.err).contains("is a checkpoint of the experiment 'fake-data', not 'ard'");

        Files.write(checkpoint, java.util.Arrays.copyOf(good, good.length / 2));
        Run truncated = run(with(oneStep, "--resume"));
        assertThat(truncated.code).isEqualTo(ExitCode.USAGE.code());
        assertThat(truncated.err).contains("is damaged").contains("--overwrite").doesNotContain("\tat ");

        Files.writeString(checkpoint, new String(good, java.nio.charset.StandardCharsets.UTF_8)
                .replaceFirst("\"x\":\\[", "\"x\":[\"oops\","));
        Run garbled = run(with(oneStep, "--resume"));
        assertThat(garbled.code).isEqualTo(ExitCode.USAGE.code());
        assertThat(garbled.err).contains("is damaged");

        assertThat(run(with(oneStep, "--overwrite")).code).as("--overwrite starts again").isZero();
    }
}
