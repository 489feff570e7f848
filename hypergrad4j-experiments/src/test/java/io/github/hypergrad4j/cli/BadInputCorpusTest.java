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
import org.junit.jupiter.api.Assumptions;
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
        corpus.add(new Case("unknown explosion action", ExitCode.USAGE, "shrink, stop, record or off",
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

    // ---- The classes of the second reliability round, one test each. ----

    /** Prints one corpus line and checks the common rules: its code, its advice, no trace, no "bug". */
    private static String expect(String name, Run r, ExitCode code, String... advice) {
        String line = "exit " + r.code + ": " + r.err.strip();
        System.out.println("[corpus] " + name + " -> " + line.replace("\n", " | "));
        assertThat(r.code).as(name + "\n" + r.err).isEqualTo(code.code());
        assertThat(r.err).as(name).doesNotContain("\tat ").doesNotContain("This is a bug");
        for (String a : advice) {
            assertThat(r.err).as(name).contains(a);
        }
        return line;
    }

    @Test
    void concurrentRunIntoTheSameDirectoryIsRefusedNamingTheOtherProcess() throws IOException {
        Path out = tmp.resolve("out");
        try (io.github.hypergrad4j.report.LockFile held = io.github.hypergrad4j.report.LockFile.tryAcquire(
                out.resolve(".fake-data.lock"), "process 4242 since 2026-12-01T20:00:00Z: ./hypergrad4j fake-data --quick")) {
            assertThat(held).isNotNull();
            Run r = run(List.of("fake-data", "--quick", "--quiet", "--out", out.toString()));
            expect("second run into a directory in use", r, ExitCode.USAGE, "is in use by another run (process 4242",
                    "./hypergrad4j fake-data --quick", "Wait for it to finish, or give this run another --out");
            assertThat(count(out)).as("nothing written beside the other run's lock").isEqualTo(1);
        }
    }

    @Test
    void leftoversOfAKilledOverwriteAreRepairedAndTheNewRunReplacesTheOldWhole() throws IOException {
        Assumptions.assumeTrue(hasData(), "no local data");
        Path out = tmp.resolve("out"), dir = out.resolve("fake-data");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("results.json"), "{\"experiment\":\"fake-data\",\"title\":\"old run\"}");
        Files.writeString(dir.resolve("figure-only-the-old-run-made.png"), "old");
        Files.writeString(dir.resolve(".results.json.5eed.tmp"), "{\"half");
        Files.writeString(out.resolve(".index.html.beef.tmp"), "<html");
        Files.createDirectories(out.resolve(".fake-data.new"));
        Files.writeString(out.resolve(".fake-data.new").resolve("fake-data.png"), "half of a new run");
        Run r = run(List.of("fake-data", "--quick", "--quiet", "--meta-iterations", "1", "--overwrite", "--out",
                out.toString()));
        expect("--overwrite after a kill left temporary files and a half-built replacement", r, ExitCode.OK);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).doesNotContain("figure-only-the-old-run-made.png",
                    ".results.json.5eed.tmp").contains("results.json", "checkpoint.json");
        }
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("fake-data", "index.html");
        }
    }

    @Test
    void resumeRefusesReplacedDataAndEveryAlteredOrDamagedCheckpoint() throws IOException {
        Path data = SyntheticIdx.write(tmp.resolve("data"), 3_000, 28);
        Path out = tmp.resolve("out");
        List<String> run = List.of("fake-data", "--quick", "--quiet", "--meta-iterations", "2", "--data", data.toString(),
                "--out", out.toString());
        assertThat(run(run).code).isZero();
        Path checkpoint = out.resolve("fake-data").resolve("checkpoint.json");
        String good = Files.readString(checkpoint);
        List<String> resume = new ArrayList<>(run);
        resume.add("--resume");
        assertThat(run(resume).code).as("the intact checkpoint resumes").isZero();

        // The data files replaced by others of the same shape: half a run on one dataset is refused.
        Path other = SyntheticIdx.write(tmp.resolve("other"), 3_000, 28);
        Files.copy(data.resolve("train-images-idx3-ubyte"), tmp.resolve("saved-images"));
        Files.write(data.resolve("train-images-idx3-ubyte"), shuffled(Files.readAllBytes(other.resolve("train-images-idx3-ubyte"))));
        expect("--resume after the --data files were replaced", run(resume), ExitCode.USAGE,
                "not the data the interrupted run read", "--overwrite");
        Files.copy(tmp.resolve("saved-images"), data.resolve("train-images-idx3-ubyte"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        Map<String, java.util.function.UnaryOperator<String>> edits = new LinkedHashMap<>();
        edits.put("a changed digit in the hyperparameters", t -> t.replaceFirst("(\"x\":\\[-?\\d+\\.\\d)(\\d)",
                "$1" + "9"));
        edits.put("NaN in the hyperparameters", t -> t.replaceFirst("\"x\":\\[[^,\\]]+", "\"x\":[\"NaN\""));
        edits.put("finished set early", t -> t.replace("\"finished\":true", "\"finished\":false")
                .replace("\"nextMetaIteration\":3", "\"nextMetaIteration\":2"));
        edits.put("a shortened learning curve", t -> t.replaceFirst("(\"curves\":\\[\\[[^,\\]]+),[^,\\]]+", "$1"));
        for (Map.Entry<String, java.util.function.UnaryOperator<String>> e : edits.entrySet()) {
            String edited = e.getValue().apply(good);
            assertThat(edited).as(e.getKey() + " changes the file").isNotEqualTo(good);
            Files.writeString(checkpoint, edited);
            expect("--resume with " + e.getKey(), run(resume), ExitCode.USAGE, "is damaged",
                    "does not match its checksum");
        }
        // Forged: edited and sealed again, so only the field checks can tell.
        Map<String, java.util.function.Consumer<com.fasterxml.jackson.databind.node.ObjectNode>> forged = new LinkedHashMap<>();
        forged.put("an optimiser array one element short", r -> ((com.fasterxml.jackson.databind.node.ArrayNode)
                r.get("optimizer").get("arrays").get(0)).remove(0));
        forged.put("a negative step scale", r -> ((com.fasterxml.jackson.databind.node.ObjectNode) r.get("guard"))
                .put("stepScale", -0.5));
        forged.put("Infinity in the hyperparameters", r -> ((com.fasterxml.jackson.databind.node.ArrayNode) r.get("x"))
                .set(0, new com.fasterxml.jackson.databind.node.TextNode("Infinity")));
        forged.put("finished after one of two meta-iterations", r -> r.put("finished", true));
        forged.put("a metric shorter than the history", r -> ((com.fasterxml.jackson.databind.node.ArrayNode)
                r.get("history").get("metrics").elements().next()).remove(0));
        for (Map.Entry<String, java.util.function.Consumer<com.fasterxml.jackson.databind.node.ObjectNode>> e
                : forged.entrySet()) {
            com.fasterxml.jackson.databind.node.ObjectNode root = (com.fasterxml.jackson.databind.node.ObjectNode)
                    json.readTree(good);
            if (e.getKey().startsWith("finished")) {
                root.put("nextMetaIteration", 2);
                ((com.fasterxml.jackson.databind.node.ArrayNode) root.get("history").get("curves")).remove(2);
                root.get("history").get("metrics").forEach(m -> ((com.fasterxml.jackson.databind.node.ArrayNode) m).remove(2));
            }
            e.getValue().accept(root);
            io.github.hypergrad4j.experiments.meta.CheckpointForgery.seal(root);
            Files.writeString(checkpoint, json.writeValueAsString(root));
            expect("--resume with a forged checkpoint: " + e.getKey(), run(resume), ExitCode.USAGE, "is damaged");
        }
        Files.writeString(checkpoint, good);
        assertThat(run(resume).code).as("the original resumes again").isZero();
    }

    /** The same images in another order (so the file differs but has the same shape). */
    private static byte[] shuffled(byte[] idx) {
        byte[] b = idx.clone();
        int n = (b.length - 16) / 784;
        for (int i = 0; i < n / 2; i++) {
            for (int k = 0; k < 784; k++) {
                byte t = b[16 + i * 784 + k];
                b[16 + i * 784 + k] = b[16 + (n - 1 - i) * 784 + k];
                b[16 + (n - 1 - i) * 784 + k] = t;
            }
        }
        return b;
    }

    @Test
    void realOptionCombinationsRunOrRefuseNeverExit1() throws IOException {
        Path data28 = SyntheticIdx.write(tmp.resolve("data-28"), 3_000, 28);
        Path data16 = SyntheticIdx.write(tmp.resolve("data-16"), 3_000, 16);
        Path out = tmp.resolve("out");
        expect("init-dist with an output layer that is not 10", run(List.of("init-dist", "--quick", "--quiet", "--layers",
                "784,20,5", "--meta-iterations", "1", "--data", data28.toString(), "--out", out.toString())),
                ExitCode.USAGE, "has 5 output units, but the data has 10 classes");
        expect("lr-schedule on 16 x 16 images", run(List.of("lr-schedule", "--quick", "--quiet", "--data",
                data16.toString(), "--out", out.toString())), ExitCode.USAGE, "16 x 16 = 256 pixels", "28 x 28");
        expect("init-scales on 16 x 16 images", run(List.of("init-scales", "--quick", "--quiet", "--data",
                data16.toString(), "--out", out.toString())), ExitCode.USAGE, "16 x 16 = 256 pixels", "28 x 28");
        expect("adam-schedule on 16 x 16 images (was exit 1)", run(List.of("adam-schedule", "--quick", "--quiet", "--data",
                data16.toString(), "--out", out.toString())), ExitCode.USAGE, "16 x 16 = 256 pixels", "28 x 28");
        expect("init-dist on 16 x 16 images", run(List.of("init-dist", "--quick", "--quiet", "--data", data16.toString(),
                "--out", out.toString())), ExitCode.USAGE, "give --layers starting with 256");
        assertThat(Files.exists(out)).as("refusals leave nothing").isFalse();
        // The epoch preset with a step count that is not a whole number of epochs drove a learning rate to
        // Infinity; now the meta-optimisation's divergence is caught (the guard steps back, or exit 4).
        Run odd = run(List.of("lr-schedule", "--quick", "--quiet", "--preset", "log-epochs", "--steps", "7",
                "--meta-iterations", "2", "--data", data28.toString(), "--out", out.toString()));
        String line = "exit " + odd.code + ": " + odd.err.strip();
        System.out.println("[corpus] lr-schedule log-epochs --steps 7 -> " + line.replace("\n", " | "));
        assertThat(odd.code).as(odd.err).isIn(ExitCode.OK.code(), ExitCode.DIVERGED.code());
        assertThat(odd.err).doesNotContain("This is a bug").doesNotContain("\tat ");
    }

    @Test
    void poorAnswersNowSayWhatIsWrongAndWhatHelps() throws Exception {
        Path out = tmp.resolve("out");
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        expect("--buffer-dir that is a file", run(List.of("fake-data", "--quick", "--quiet", "--buffer-memory", "1m",
                "--buffer-dir", file.toString(), "--out", out.toString())), ExitCode.USAGE,
                "--buffer-dir " + file + " is a file, not a directory");
        Path empty = Files.createDirectories(tmp.resolve("no-data-here"));
        Run none = run(List.of("fake-data", "--quick", "--quiet", "--data", empty.toString(), "--out", out.toString()));
        expect("a --data directory without IDX files", none, ExitCode.DATA, "--data DIR");
        assertThat(none.err).doesNotContain("--download").doesNotContainPattern("\\w\\.\\w+\\(\\)");
        Path dirAsFile = Files.createDirectories(tmp.resolve("data-dir-as-file").resolve("train-images-idx3-ubyte"));
        Files.write(dirAsFile.resolveSibling("train-labels-idx1-ubyte"), new byte[] {0, 0, 8, 1, 0, 0, 0, 1, 0});
        // Root reads files whatever their mode, so an unreadable file cannot be made here; a directory where the
        // file belongs fails for every user.
        expect("a directory in place of the images file", run(List.of("fake-data", "--quick", "--quiet", "--data",
                dirAsFile.getParent().toString(), "--out", out.toString())), ExitCode.DATA,
                dirAsFile + ": is a directory, not a file");
        expect("all with a misspelt --skip", run(List.of("all", "--skip", "fake-dat", "--out", out.toString())),
                ExitCode.USAGE, "--skip fake-dat: there is no experiment of that name");
        assertThat(Files.exists(out)).as("refusals leave nothing").isFalse();

        // A gzip expanding to 200,000 images (157 MB) for a quick run that draws 1,500: a child JVM with a heap
        // of 96 MB runs it, which it could not if the whole pool were decoded.
        Path large = SyntheticIdx.writeLargeGzip(tmp.resolve("data-large"), 200_000);
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx96m",
                "-cp", System.getProperty("java.class.path"), "-Djava.awt.headless=true", Main.class.getName(),
                "fake-data", "--quick", "--quiet", "--meta-iterations", "1", "--data", large.toString(), "--out",
                tmp.resolve("out-large").toString());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve("large.log").toFile());
        pb.environment().put("OPENBLAS_NUM_THREADS", "1");
        Process p = pb.start();
        assertThat(p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        String log = Files.readString(tmp.resolve("large.log"));
        System.out.println("[corpus] a 157 MB pool for a quick run, in a 96 MB heap -> exit " + p.exitValue() + ": "
                + log.strip().replace("\n", " | "));
        assertThat(p.exitValue()).as(log).isZero();
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
