package io.github.hypergrad4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code --seeds N} of the meta-optimisation commands: every one of them takes it, a count below 1 is a
 * usage error that creates nothing, and lr-schedule, whose {@code --seeds} meant {@code --gradient-seeds}
 * before, refuses an old command line instead of starting N meta-optimisations. Nothing is trained.
 */
class MetaSeedsOptionTest {
    /** The experiments that run a meta-optimisation (a MetaLoop, or augment's own loop). */
    static final List<String> META = List.of("ard", "fake-data", "augment", "augment-flow", "init-dist", "init-scales",
            "lr-schedule", "adam-schedule", "weight-sharing");

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
    void everyMetaExperimentTakesSeedsAndTheSweepsKeepTheirOwn() {
        for (String name : META) {
            CommandLine sub = Main.commandLine().getSubcommands().get(name);
            assertThat(sub.getCommand() instanceof MetaExperimentCommand).as(name).isTrue();
            assertThat(sub.getCommandSpec().findOption("--seeds").description()[0]).as(name)
                    .contains("whole meta-optimisation");
        }
        for (String name : List.of("scale-wiggliness", "lr-wiggliness")) {
            assertThat(Main.commandLine().getSubcommands().get(name).getCommandSpec().findOption("--seeds")
                    .description()[0]).as(name).contains("sweep");
        }
    }

    @Test
    void aSeedCountBelowOneIsAUsageErrorThatCreatesNothing() {
        for (String name : META) {
            for (String n : List.of("0", "-2")) {
                Path dir = out.resolve(name + n);
                Run r = run(name, "--quick", "--quiet", "--seeds", n, "--out", dir.toString());
                assertThat(r.code()).as(name + " --seeds " + n).isEqualTo(ExitCode.USAGE.code());
                assertThat(r.err()).as(name).contains("--seeds must be a positive number").contains("got " + n)
                        .doesNotContain("Exception");
                assertThat(dir).as(name).doesNotExist();
            }
        }
    }

    @Test
    void lrScheduleRefusesTheOldMeaningOfSeeds() {
        Path dir = out.resolve("lrs");
        Run old = run("lr-schedule", "--quick", "--quiet", "--seeds", "20", "--out", dir.toString());
        assertThat(old.code()).isEqualTo(ExitCode.USAGE.code());
        assertThat(old.err()).contains("--gradient-seeds 20").contains("whole meta-optimisation 20 times");
        assertThat(dir).doesNotExist();

        Run tooFew = run("lr-schedule", "--quick", "--quiet", "--gradient-seeds", "1", "--out", dir.toString());
        assertThat(tooFew.code()).isEqualTo(ExitCode.USAGE.code());
        assertThat(tooFew.err()).contains("--gradient-seeds must be at least 2");
        assertThat(dir).doesNotExist();
    }
}
