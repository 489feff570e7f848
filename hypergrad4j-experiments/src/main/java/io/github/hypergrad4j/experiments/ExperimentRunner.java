package io.github.hypergrad4j.experiments;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.hypergrad4j.experiments.meta.Checkpoint;
import io.github.hypergrad4j.report.ReportIndex;
import io.github.hypergrad4j.report.Results;
import io.github.hypergrad4j.tensor.Blas;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Runs an experiment into an output directory: {@code OUT/<experiment>/} receives its figures and
 * {@code results.json}, then {@code OUT/index.html} is rebuilt to include it.
 *
 * <p>An earlier run's directory is never replaced by accident: running into a directory that holds
 * files needs {@code --resume} (continue from its checkpoint) or {@code --overwrite}. A run that fails
 * before it has anything to keep removes the directories it created, so a mistake leaves no trace;
 * one that fails later keeps its checkpoint for {@code --resume}.
 */
public final class ExperimentRunner {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * How to run.
     *
     * @param seed the run's seed
     * @param quick whether the experiment was configured at its quick size (recorded)
     * @param data where the data comes from
     * @param outputDirectory the report directory (OUT)
     * @param progress where loops report progress
     * @param log one-line messages for the user
     * @param command the command line that reproduces the run (recorded)
     * @param options resume/overwrite, explosion guard, buffer memory
     */
    public record Settings(long seed, boolean quick, DataSource data, Path outputDirectory, Progress progress,
            Consumer<String> log, String command, RunOptions options) {
        /** Settings with {@link RunOptions#defaults()}. */
        public Settings(long seed, boolean quick, DataSource data, Path outputDirectory, Progress progress,
                Consumer<String> log, String command) {
            this(seed, quick, data, outputDirectory, progress, log, command, RunOptions.defaults());
        }
    }

    /**
     * What a run left on disk.
     *
     * @param directory the run's directory
     * @param results its results.json
     * @param index the report page
     * @param seconds wall-clock time of the run
     */
    public record Outcome(Path directory, Path results, Path index, double seconds) {}

    private ExperimentRunner() {}

    public static Outcome run(Experiment experiment, Settings s) throws IOException {
        Path out = s.outputDirectory();
        Path dir = out.resolve(experiment.name());
        RunIdentity identity = RunIdentity.of(experiment.name(), settings(experiment, s),
                s.command());
        checkDirectory(dir, identity, s.options());
        List<Path> created = createDirectories(dir);
        try {
            Results results = new Results(experiment.name(), experiment.title())
                    .description(experiment.description() + " (Log entry: "
                            + experiment.logDate().getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + " "
                            + experiment.logDate().getDayOfMonth() + ".)")
                    .order(experiment.logDate().getMonthValue() * 100 + experiment.logDate().getDayOfMonth())
                    .seed(s.seed()).quick(s.quick()).command(s.command()).config(experiment.config());
            ExperimentContext context = new ExperimentContext(s.seed(), s.quick(), s.data(), dir, s.progress(), s.log(),
                    results, s.options(), identity);
            long start = System.nanoTime();
            experiment.run(context);
            double seconds = (System.nanoTime() - start) / 1e9;
            results.run().put("elapsedSeconds", seconds).put("blas", Blas.backendName())
                    .put("java", System.getProperty("java.version"))
                    .put("processors", Runtime.getRuntime().availableProcessors())
                    .put("resumed", s.options().resume());
            Path json = results.write(dir);
            Path index = ReportIndex.regenerate(out);
            return new Outcome(dir, json, index, seconds);
        } catch (IOException | RuntimeException | Error e) {
            removeIfEmpty(created);
            throw e;
        }
    }

    /** Everything that changes a result, for the checkpoint: experiment, configuration, seed, data, guard. */
    private static ObjectNode settings(Experiment experiment, Settings s) {
        ObjectNode n = JSON.createObjectNode();
        n.put("experiment", experiment.name());
        n.set("config", JSON.valueToTree(experiment.config()));
        n.put("seed", s.seed());
        n.put("data", s.data() == null ? "none" : s.data().spec());
        n.put("explosionGuard", s.options().guardSetting());
        return n;
    }

    /** Refuses to run into an earlier run's files unless told what to do with them. */
    private static void checkDirectory(Path dir, RunIdentity identity, RunOptions o) throws IOException {
        Path checkpoint = dir.resolve(Checkpoint.FILE_NAME);
        if (o.resume()) {
            if (!Files.isRegularFile(checkpoint)) {
                throw new ConfigException("--resume: there is no checkpoint to resume in " + dir + " (only meta-optimisation"
                        + " experiments write one, after their first meta-iteration). Run without --resume to start,"
                        + " adding --overwrite if the directory holds an earlier run.");
            }
            Checkpoint.read(checkpoint, identity); // refuses a damaged or mismatched one before any work
            return;
        }
        if (o.overwrite() || !Files.isDirectory(dir)) {
            return;
        }
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.map(p -> p.getFileName().toString()).sorted().forEach(names::add);
        }
        if (!names.isEmpty()) {
            String shown = names.size() <= 4 ? String.join(", ", names)
                    : String.join(", ", names.subList(0, 4)) + " and " + (names.size() - 4) + " more";
            throw new ConfigException(dir + " already holds an earlier run (" + shown + "). Add --resume to continue it"
                    + (names.contains(Checkpoint.FILE_NAME) ? " from its checkpoint" : "")
                    + ", --overwrite to replace it, or choose another --out.");
        }
    }

    /** Creates {@code dir} and missing parents; returns those created, deepest first. */
    private static List<Path> createDirectories(Path dir) throws IOException {
        List<Path> missing = new ArrayList<>();
        for (Path p = dir.toAbsolutePath().normalize(); p != null && !Files.exists(p); p = p.getParent()) {
            missing.add(p);
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            removeIfEmpty(missing);
            throw e;
        }
        return missing;
    }

    /** Removes the directories this run created, deepest first, as long as they are empty. */
    private static void removeIfEmpty(List<Path> created) {
        for (Path p : created) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                return; // not empty (a checkpoint to keep) or not ours to remove
            }
        }
    }
}
