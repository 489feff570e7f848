package io.github.hypergrad4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.hypergrad4j.data.SplitSizes;
import io.github.hypergrad4j.experiments.TestData;
import io.github.hypergrad4j.report.AtomicFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A corpus of bad inputs run against the command line. Each must give its exit code and a short message
 * that says what to do, without a stack trace (unless --debug), and leave nothing behind in the output
 * directory. The corpus and what each case produced are printed for the record.
 */
class BadInputCorpusTest {
    @TempDir
    Path tmp;

    private record Case(String name, ExitCode code, String advice, List<String> args) {}

    private record Run(int code, String err) {}

    private static Run run(List<String> args) {
        StringWriter o = new StringWriter(), e = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(o, true));
        cl.setErr(new PrintWriter(e, true));
        return new Run(cl.execute(args.toArray(String[]::new)), e.toString());
    }

    @Test
    void everyBadInputGivesItsExitCodeAdviceAndNoTrace() throws IOException {
        Path out = tmp.resolve("out");
        List<Case> corpus = new ArrayList<>();
        // Broken IDX files, each in its own --data directory.
        corpus.add(idxCase("truncated images file", "download it again", dataDir("truncated", images(20, 1).length - 50, 20, 20, 0x0803)));
        corpus.add(idxCase("empty images file", "", dataDir("empty", 0, 20, 20, 0x0803)));
        corpus.add(idxCase("wrong magic number", "", dataDir("magic", -1, 20, 20, 0x4E55)));
        corpus.add(idxCase("wrong magic number (a zip file)", "", dataDir("zip", -1, 20, 20, 0x504B0304)));
        corpus.add(idxCase("labels that don't match the images", "", dataDir("mismatch", -1, 20, 15, 0x0803)));
        corpus.add(new Case("unknown dataset name", ExitCode.USAGE, "Give one of those names",
                List.of("fake-data", "--quick", "--data", "cifar-10")));
        corpus.add(new Case("negative size", ExitCode.USAGE, "positive", List.of("ard", "--quick", "--validation-size", "-5")));
        corpus.add(new Case("non-numeric size", ExitCode.USAGE, "--help", List.of("ard", "--quick", "--test-size", "ten")));
        corpus.add(new Case("negative buffer memory", ExitCode.USAGE, "e.g. 512m",
                List.of("fake-data", "--quick", "--buffer-memory", "-64k")));
        corpus.add(new Case("non-numeric buffer memory", ExitCode.USAGE, "e.g. 512m",
                List.of("fake-data", "--quick", "--buffer-memory", "lots")));
        corpus.add(new Case("unknown explosion action", ExitCode.USAGE, "shrink, stop or off",
                List.of("fake-data", "--quick", "--on-explosion", "panic")));
        corpus.add(new Case("--resume and --overwrite together", ExitCode.USAGE, "Give one of them",
                List.of("fake-data", "--quick", "--resume", "--overwrite")));
        corpus.add(new Case("--resume without a checkpoint", ExitCode.USAGE, "Run without --resume",
                List.of("fake-data", "--quick", "--resume")));
        Path file = Files.writeString(tmp.resolve("a-file"), "not a directory");
        corpus.add(new Case("output path below a regular file (no permission to create it)", ExitCode.IO,
                "Check that the output directory (--out) is writable",
                List.of("fake-data", "--quick", "--out", file.resolve("out").toString())));
        boolean data = hasData();
        if (data) {
            corpus.add(new Case("learning rate overflowing the fixed-point range", ExitCode.DIVERGED, "lower it",
                    List.of("fake-data", "--quick", "--learning-rate", "1e30")));
        }
        Map<String, String> produced = new LinkedHashMap<>();
        for (Case c : corpus) {
            List<String> args = new ArrayList<>(c.args);
            if (!args.contains("--out")) {
                args.addAll(List.of("--out", out.toString()));
            }
            args.add("--quiet");
            Run r = run(args);
            produced.put(c.name, "exit " + r.code + ": " + r.err.strip());
            assertThat(r.code).as(c.name + "\n" + r.err).isEqualTo(c.code.code());
            assertThat(r.err).as(c.name).startsWith("hypergrad4j ").contains(c.advice).doesNotContain("\tat ")
                    .doesNotContain("Exception");
            assertThat(r.err.strip().split("\n")).as(c.name + ": one paragraph").hasSizeLessThanOrEqualTo(3);
            assertThat(Files.exists(out)).as(c.name + ": nothing left in " + out).isFalse();
        }
        if (data) {
            produced.put("full disk (write failure injected)", fullDiskLeavesNothing(out));
        }
        produced.forEach((k, v) -> System.out.println("[corpus] " + k + " -> " + v.replace("\n", " | ")));
        System.out.println("[corpus] " + produced.size() + " cases");

        Run debug = run(List.of("fake-data", "--quick", "--data", "cifar-10", "--debug", "--out", out.toString()));
        assertThat(debug.err).contains("\tat ");
    }

    /** With every write failing as on a full disk, the run exits 5, says what to do, and leaves no partial file. */
    private String fullDiskLeavesNothing(Path out) throws IOException {
        System.setProperty(AtomicFiles.SIMULATE_FULL_DISK, "true");
        Run r;
        try {
            r = run(List.of("fake-data", "--quick", "--quiet", "--meta-iterations", "1", "--out", out.toString()));
        } finally {
            System.clearProperty(AtomicFiles.SIMULATE_FULL_DISK);
        }
        assertThat(r.code).as(r.err).isEqualTo(ExitCode.IO.code());
        assertThat(r.err).contains("No space left on device").contains("disk is not full").doesNotContain("\tat ");
        assertThat(Files.exists(out)).as("nothing left after a full disk").isFalse();
        return "exit " + r.code + ": " + r.err.strip();
    }

    @Test
    void aRealFullTmpfsLeavesNoPartialFile() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(hasData(), "no local data");
        Path mount = Files.createDirectory(tmp.resolve("tiny-fs"));
        Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", mount.toString())
                .redirectErrorStream(true).start();
        org.junit.jupiter.api.Assumptions.assumeTrue(p.waitFor() == 0,
                "SKIPPED: cannot mount a tmpfs here (needs root): " + new String(p.getInputStream().readAllBytes()));
        try {
            Path out = mount.resolve("out");
            Run r = run(List.of("fake-data", "--quick", "--quiet", "--meta-iterations", "1", "--out", out.toString()));
            System.out.println("[corpus] real full tmpfs (64k) -> exit " + r.code + ": " + r.err.strip().replace("\n", " | "));
            assertThat(r.code).as(r.err).isEqualTo(ExitCode.IO.code());
            assertThat(r.err).contains("disk is not full").doesNotContain("\tat ");
            assertThat(Files.exists(out)).as("nothing left on the full file system").isFalse();
        } finally {
            new ProcessBuilder("umount", mount.toString()).start().waitFor();
        }
    }

    private static boolean hasData() {
        try {
            TestData.availableOrSkip(new SplitSizes(0, 1_000, 500));
            return true;
        } catch (org.opentest4j.TestAbortedException e) {
            return false;
        }
    }

    private Case idxCase(String name, String advice, Path dir) {
        return new Case(name + " (--data DIR)", ExitCode.DATA, advice, List.of("fake-data", "--quick", "--data", dir.toString()));
    }

    /**
     * A directory with an MNIST-named pair of IDX files: {@code imageCount} 28x28 images, {@code labelCount}
     * labels, the images file cut to {@code imageBytes} bytes (-1: whole) and starting with {@code magic}.
     */
    private Path dataDir(String name, int imageBytes, int imageCount, int labelCount, int magic) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("data-" + name));
        byte[] im = images(imageCount, magic);
        Files.write(dir.resolve("train-images-idx3-ubyte"), imageBytes < 0 ? im : Arrays.copyOf(im, imageBytes));
        ByteBuffer lab = ByteBuffer.allocate(8 + labelCount).putInt(0x0801).putInt(labelCount);
        for (int i = 0; i < labelCount; i++) {
            lab.put((byte) (i % 10));
        }
        Files.write(dir.resolve("train-labels-idx1-ubyte"), lab.array());
        return dir;
    }

    private static byte[] images(int n, int magic) {
        ByteBuffer b = ByteBuffer.allocate(16 + n * 784).putInt(magic).putInt(n).putInt(28).putInt(28);
        return b.array();
    }

    static long count(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        }
    }
}
