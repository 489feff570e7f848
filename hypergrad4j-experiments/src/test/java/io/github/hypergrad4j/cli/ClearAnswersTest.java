package io.github.hypergrad4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.hypergrad4j.data.SplitSizes;
import io.github.hypergrad4j.experiments.TestData;
import io.github.hypergrad4j.report.Results;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Answers that say what is wrong and what helps: a bad --buffer-dir at the start, an unknown --skip,
 * all --resume continuing, recorded commands that reproduce their run, out-of-memory advice.
 */
class ClearAnswersTest {

    @TempDir
    Path tmp;

    private record Run(int code, String out, String err) {}

    private static Run run(List<String> args) {
        StringWriter o = new StringWriter(), e = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(o, true));
        cl.setErr(new PrintWriter(e, true));
        return new Run(cl.execute(args.toArray(String[]::new)), o.toString(), e.toString());
    }

    @Test
    void aBadBufferDirectoryIsRefusedAtTheStartSayingWhatIsWrong() throws Exception {
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        Path out = tmp.resolve("out");
        for (var c : List.of(List.of(file.toString(), "is a file, not a directory"),
                List.of(file.resolve("below").toString(), "cannot be created: " + file + " is a file"))) {
            Run r = run(List.of("fake-data", "--quick", "--quiet", "--buffer-memory", "1m", "--buffer-dir", c.get(0),
                    "--out", out.toString()));
            assertThat(r.code).as(r.err).isEqualTo(ExitCode.USAGE.code());
            assertThat(r.err).contains("--buffer-dir " + c.get(0)).contains(c.get(1)).doesNotContain("\tat ");
            assertThat(out).as("refused before anything is written").doesNotExist();
        }
    }

    @Test
    void anUnknownSkipNameIsRefused() {
        Run r = run(List.of("all", "--skip", "fake-data,ardd", "--out", tmp.resolve("out").toString()));
        assertThat(r.code).isEqualTo(ExitCode.USAGE.code());
        assertThat(r.err).contains("--skip ardd: there is no experiment of that name").contains("init-dist");
    }

    @Test
    void allResumeKeepsFinishedRunsAndRecordedCommandsReproduceTheirRun() throws Exception {
        TestData.availableOrSkip(new SplitSizes(0, 1_000, 500));
        Path out = tmp.resolve("my out");
        List<String> all = List.of("all", "--quiet", "--seed", "3", "--data", "auto", "--out", out.toString(), "--skip",
                allBut("init-dist"));
        assertThat(run(all).code).isZero();
        JsonNode r = Results.read(out.resolve("init-dist").resolve(Results.FILE_NAME));
        String command = r.path("command").asText();
        assertThat(command).isEqualTo("./hypergrad4j init-dist --quick --seed 3 --data auto --out '" + out + "'");

        // The recorded command, read back as a shell would, sets exactly this run's options.
        List<String> words = shellWords(command.substring("./hypergrad4j ".length()));
        CommandLine cl = Main.commandLine();
        CommandLine.ParseResult parsed = cl.parseArgs(words.toArray(String[]::new));
        ExperimentCommand sub = (ExperimentCommand) parsed.subcommand().commandSpec().userObject();
        assertThat(sub.options.out()).isEqualTo(out);
        assertThat(sub.options.seed()).isEqualTo(3);
        assertThat(sub.options.quick()).isTrue();
        assertThat(sub.options.data()).isEqualTo("auto");

        byte[] before = Files.readAllBytes(out.resolve("init-dist").resolve(Results.FILE_NAME));
        List<String> loud = new ArrayList<>(with(all, "--resume"));
        loud.remove("--quiet");
        Run resumed = run(loud);
        assertThat(resumed.code).as(resumed.err).isZero();
        assertThat(resumed.out).contains("init-dist: finished earlier with these options, kept");
        assertThat(Files.readAllBytes(out.resolve("init-dist").resolve(Results.FILE_NAME))).as("not run again")
                .isEqualTo(before);

        List<String> otherSeed = new ArrayList<>(with(all, "--resume"));
        otherSeed.set(otherSeed.indexOf("3"), "4");
        Run refused = run(otherSeed);
        assertThat(refused.code).isEqualTo(ExitCode.USAGE.code());
        assertThat(refused.err).contains("holds a finished run made with other settings");
    }

    @Test
    void outOfMemoryAdviceNamesTheDataAndOnlyOptionsThatHelp() {
        CommandLine cl = Main.commandLine();
        CommandLine.ParseResult quick = cl.parseArgs("ard", "--quick", "--data", "/some/dir");
        String a = ((ExperimentCommand) quick.subcommand().commandSpec().userObject()).outOfMemoryAdvice();
        assertThat(a).contains("while running ard --quick on --data /some/dir").doesNotContain("with --quick")
                .contains("--buffer-memory 512m").contains("size options");
        CommandLine.ParseResult full = Main.commandLine().parseArgs("ard", "--buffer-memory", "1g");
        String b = ((ExperimentCommand) full.subcommand().commandSpec().userObject()).outOfMemoryAdvice();
        assertThat(b).contains("on --data auto").contains("with --quick").contains("lower --buffer-memory");
    }

    @Test
    void aDirectoryWhereADataFileBelongsIsNamed() throws Exception {
        Path data = Files.createDirectories(tmp.resolve("data").resolve("train-images-idx3-ubyte"));
        Files.write(data.resolveSibling("train-labels-idx1-ubyte"), new byte[] {0, 0, 8, 1, 0, 0, 0, 1, 0});
        Run r = run(List.of("fake-data", "--quick", "--quiet", "--data", data.getParent().toString(), "--out",
                tmp.resolve("out").toString()));
        assertThat(r.code).as(r.err).isEqualTo(ExitCode.DATA.code());
        assertThat(r.err).contains(data + ": is a directory, not a file").doesNotContain("--out) is writable")
                .contains("--data DIR").doesNotContain("DatasetLocator");
    }

    /** Every experiment name except {@code kept}, comma-separated, for --skip. */
    private static String allBut(String kept) {
        StringWriter names = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(names, true));
        assertThat(cl.execute("list")).isZero();
        return String.join(",", names.toString().lines().filter(n -> !n.isBlank() && !n.equals(kept)).toList());
    }

    /** Splits a command line as a POSIX shell does for the quoting {@link ExperimentCommand#quote} writes. */
    private static List<String> shellWords(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        boolean quoted = false, any = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
                any = true;
            } else if (c == '\\' && !quoted && i + 1 < line.length()) {
                w.append(line.charAt(++i));
            } else if (c == ' ' && !quoted) {
                if (any || w.length() > 0) {
                    words.add(w.toString());
                }
                w.setLength(0);
                any = false;
            } else {
                w.append(c);
            }
        }
        if (any || w.length() > 0) {
            words.add(w.toString());
        }
        return words;
    }

    private static List<String> with(List<String> base, String... more) {
        List<String> a = new ArrayList<>(base);
        a.addAll(List.of(more));
        return a;
    }
}
