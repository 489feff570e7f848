package io.github.hypergrad4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Bad input gives a non-zero exit code and a short message that says what to do, without a stack trace. */
class CommandLineTest {
    @TempDir
    Path out;

    private record Run(int code, String out, String err) {}

    private static Run run(String... args) {
        StringWriter o = new StringWriter(), e = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(o, true));
        cl.setErr(new PrintWriter(e, true));
        int code = cl.execute(args);
        return new Run(code, o.toString(), e.toString());
    }

    @Test
    void listNamesEveryExperiment() {
        Run r = run("list");
        assertThat(r.code).isZero();
        assertThat(r.out.lines()).containsExactly("scale-wiggliness", "lr-wiggliness", "fake-data", "ard", "lr-schedule",
                "adam-schedule", "init-scales", "init-dist", "augment", "augment-flow", "weight-sharing");
    }

    @Test
    void allRunsEveryExperimentNotSkippedIntoOneReport() {
        Run r = run("all", "--quiet", "--out", out.toString(), "--skip",
                "scale-wiggliness,lr-wiggliness,fake-data,ard,lr-schedule,adam-schedule,init-scales,augment,augment-flow,"
                        + "weight-sharing");
        assertThat(r.code).as(r.err).isZero();
        assertThat(r.out).contains("1 experiments (init-dist)");
        assertThat(out.resolve("init-dist").resolve("results.json")).exists();
    }

    @Test
    void sparkWithoutTheSparkModuleIsAUsageErrorSayingWhatToDo() {
        Run r = run("lr-schedule", "--quick", "--quiet", "--spark", "local[2]", "--out", out.toString());
        assertThat(r.code).isEqualTo(ExitCode.USAGE.code());
        assertThat(r.err).contains("hypergrad4j-spark").doesNotContain("\tat ");
        // The core's message speaks of masters; the command line adds its own option.
        assertThat(r.err).contains("--spark local[2]: seeds on Spark (master local[2])", "Without --spark");
    }

    @Test
    void dataNotFoundAddsTheCommandLinesOptionsToTheLibrarysAdvice() throws Exception {
        java.nio.file.Path empty = java.nio.file.Files.createDirectories(out.resolve("no-data-here"));
        Run r = run("fake-data", "--quick", "--quiet", "--data", empty.toString(), "--out", out.toString());
        assertThat(r.code).isEqualTo(ExitCode.DATA.code());
        assertThat(r.err).contains("pass --data DIR", "On the command line: --data DIR").doesNotContain("DatasetLocator.");
    }

    @Test
    void helpShowsTheCommonOptionsAndExitCodes() {
        Run r = run("ard", "--help");
        assertThat(r.code).isZero();
        assertThat(r.out).contains("--quick", "--seed", "--data", "--out", "--quiet", "--debug", "--meta-iterations",
                "Exit codes", "dataset not found", "--resume", "--overwrite", "--explosion-factor", "--on-explosion",
                "--buffer-memory", "--learning-rate").doesNotContain("--meta-iteration-delay");
    }

    @Test
    void unknownDatasetIsAUsageErrorWithAdvice() {
        Run r = run("ard", "--quick", "--data", "cifar-10", "--out", out.toString());
        assertThat(r.code).isEqualTo(ExitCode.USAGE.code());
        assertThat(r.err).contains("hypergrad4j ard: --data 'cifar-10' is neither a dataset name")
                .contains("--help").doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void negativeOrEmptySizesAreUsageErrors() {
        Run negative = run("scale-wiggliness", "--quick", "--train-size", "-5", "--out", out.toString());
        assertThat(negative.code).isEqualTo(ExitCode.USAGE.code());
        assertThat(negative.err).contains("training set size must be a positive number, got -5").doesNotContain("\tat ");

        Run points = run("lr-wiggliness", "--quick", "--points", "1", "--out", out.toString());
        assertThat(points.code).isEqualTo(ExitCode.USAGE.code());
        assertThat(points.err).contains("at least 2 points");

        Run range = run("lr-wiggliness", "--quick", "--from", "2", "--to", "-1", "--out", out.toString());
        assertThat(range.code).isEqualTo(ExitCode.USAGE.code());
        assertThat(range.err).contains("start < end");

        Run meta = run("fake-data", "--quick", "--meta-iterations", "0", "--out", out.toString());
        assertThat(meta.code).isEqualTo(ExitCode.USAGE.code());
    }

    @Test
    void malformedOptionsAreUsageErrorsToo() {
        Run r = run("ard", "--meta-step", "fast");
        assertThat(r.code).isEqualTo(ExitCode.USAGE.code());
        assertThat(r.err).contains("fast").contains("--help").doesNotContain("\tat ");
        assertThat(run("no-such-experiment").code).isEqualTo(ExitCode.USAGE.code());
        assertThat(run().code).isEqualTo(ExitCode.USAGE.code());
    }

    @Test
    void debugShowsTheStackTrace() {
        Run r = run("ard", "--quick", "--data", "cifar-10", "--debug");
        assertThat(r.code).isEqualTo(ExitCode.USAGE.code());
        assertThat(r.err).contains("\tat ");
    }

    @Test
    void progressBarShowsTheStatusAndEndsWithTheElapsedTime() {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        java.io.PrintStream ps = new java.io.PrintStream(bytes, true);
        try (var task = new ConsoleProgress(ps, false).start("sweep", 4)) {
            for (int i = 0; i < 4; i++) {
                task.advance(1, "loss 0.5");
            }
        }
        assertThat(bytes.toString()).contains("sweep:   0%").contains("sweep: 100% loss 0.5 (0s)");
        bytes.reset();
        try (var task = new ConsoleProgress(ps, true).start("sweep", 2)) {
            task.advance(2, "loss 0.25");
        }
        assertThat(bytes.toString()).contains("\rsweep [" + "#".repeat(24) + "] 100% loss 0.25");
    }
}
