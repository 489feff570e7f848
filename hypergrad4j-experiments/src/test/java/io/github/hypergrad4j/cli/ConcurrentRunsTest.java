package io.github.hypergrad4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.hypergrad4j.data.SplitSizes;
import io.github.hypergrad4j.experiments.TestData;
import io.github.hypergrad4j.report.Results;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Real processes: a run into a directory another process is writing refuses with exit 2 naming that
 * process; an --overwrite killed with -9 half-way leaves the old run exactly as it was, and --resume
 * then finishes the replacement, leaving only the new run's files.
 */
class ConcurrentRunsTest {
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

    @Test
    void aSecondRunIsRefusedAndAKilledOverwriteLeavesTheOldRunThenResumes() throws Exception {
        TestData.availableOrSkip(new SplitSizes(0, 1_000, 500));
        Path out = tmp.resolve("out"), dir = out.resolve("fake-data");
        assertThat(run(List.of("fake-data", "--quick", "--quiet", "--meta-iterations", "1", "--out", out.toString())).code)
                .isZero();
        Files.writeString(dir.resolve("figure-of-the-old-run.png"), "not made by the new run");
        byte[] oldResults = Files.readAllBytes(dir.resolve(Results.FILE_NAME));
        List<String> oldNames = names(dir);

        List<String> replacing = List.of("fake-data", "--quick", "--quiet", "--meta-iterations", "3", "--seed", "1",
                "--out", out.toString());
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Djava.awt.headless=true", "-Xmx512m",
                "-Dhypergrad4j.home=" + TestData.projectRoot(), Main.class.getName()));
        cmd.addAll(replacing);
        cmd.addAll(List.of("--overwrite", "--meta-iteration-delay", "400"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile());
        pb.environment().put("OPENBLAS_NUM_THREADS", "1");
        Process child = pb.start();
        Path staged = out.resolve(".fake-data.new").resolve("checkpoint.json");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!Files.exists(staged) && child.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(staged).as("the replacement is built beside the old run; child log:\n"
                + Files.readString(tmp.resolve("child.log"))).exists();

        Run second = run(List.of("fake-data", "--quick", "--quiet", "--resume", "--out", out.toString()));
        assertThat(second.code).as(second.err).isEqualTo(ExitCode.USAGE.code());
        assertThat(second.err).contains(dir + " is in use by another run (process " + child.pid())
                .contains("fake-data --quick").doesNotContain("\tat ");

        child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        assertThat(Files.readAllBytes(dir.resolve(Results.FILE_NAME))).as("old results untouched").isEqualTo(oldResults);
        assertThat(names(dir)).as("old run's files, nothing of the new").isEqualTo(oldNames);

        Run plain = run(replacing);
        assertThat(plain.code).isEqualTo(ExitCode.USAGE.code());
        assertThat(plain.err).contains("a run replacing it with --overwrite was interrupted").contains("--resume");

        Run resumed = run(with(replacing, "--resume"));
        assertThat(resumed.code).as(resumed.err).isZero();
        assertThat(Results.read(dir.resolve(Results.FILE_NAME)).path("seed").asLong()).isEqualTo(1);
        assertThat(names(dir)).as("only the new run's files").doesNotContain("figure-of-the-old-run.png")
                .contains(Results.FILE_NAME, "checkpoint.json");
        assertThat(names(out)).as("no staging, lock or temporary files left").containsExactly("fake-data", "index.html");
    }

    private static List<String> with(List<String> base, String... more) {
        List<String> a = new ArrayList<>(base);
        a.addAll(List.of(more));
        return a;
    }

    private static List<String> names(Path dir) throws java.io.IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
