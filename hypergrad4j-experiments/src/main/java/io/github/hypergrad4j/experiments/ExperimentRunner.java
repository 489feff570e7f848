package io.github.hypergrad4j.experiments;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.hypergrad4j.experiments.meta.Checkpoint;
import io.github.hypergrad4j.experiments.meta.MetaCurve;
import io.github.hypergrad4j.experiments.meta.MetaSeeds;
import io.github.hypergrad4j.report.LockFile;
import io.github.hypergrad4j.report.ReportIndex;
import io.github.hypergrad4j.report.Results;
import io.github.hypergrad4j.report.RunSlot;
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
 * files needs {@code --resume} (continue from its checkpoint) or {@code --overwrite}, which builds the new
 * run beside the old one and swaps it in at the end ({@link RunSlot}), so a kill leaves the old run or the
 * new one, never a mix. Only one run at a time works in an experiment's directory (a second one refuses,
 * naming the first's process). A run that fails before it has anything to keep removes the directories
 * it created, so a mistake leaves no trace; one that fails later keeps its checkpoint for
 * {@code --resume}.
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
        RunIdentity identity = identity(experiment, s, s.seed());
        BufferDirectory.check(s.options());
        try (RunSlot slot = RunSlot.claim(out, experiment.name(), LockFile.describeThisProcess(s.command()),
                ExperimentRunner::resumable, Results.FILE_NAME)) {
            slot.repairs().forEach(s.log());
            Path work = workDirectory(slot, identity, s.options());
            List<Path> created = createDirectories(work);
            try {
                Results results = newResults(experiment, s, s.seed());
                ExperimentContext context = new ExperimentContext(s.seed(), s.quick(), s.data(), work, s.progress(),
                        s.log(), results, s.options(), identity);
                long start = System.nanoTime();
                if (s.options().seeds() > 1) {
                    MetaSeeds.run(context, s.options().seeds(), seedRuns(experiment, s));
                } else {
                    experiment.run(context);
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                finish(results, s, seconds);
                results.write(work);
                slot.commit(work);
                Path index = ReportIndex.regenerate(out);
                return new Outcome(slot.directory(), slot.directory().resolve(Results.FILE_NAME), index, seconds);
            } catch (IOException | RuntimeException | Error e) {
                if (work.equals(slot.staging()) && !resumable(work)) {
                    slot.discardStaging(); // a replacement with nothing to resume: the old run stays as it was
                } else {
                    removeIfEmpty(created);
                }
                throw e;
            }
        }
    }

    /** The results of a run with this seed, before it runs. */
    private static Results newResults(Experiment experiment, Settings s, long seed) {
        Results results = new Results(experiment.name(), experiment.title())
                .description(experiment.description() + " (Log entry: "
                        + experiment.logDate().getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + " "
                        + experiment.logDate().getDayOfMonth() + ".)")
                .order(experiment.logDate().getMonthValue() * 100 + experiment.logDate().getDayOfMonth())
                .seed(seed).quick(s.quick()).command(s.command()).config(experiment.config());
        // The --data choice of every run, also of those that read no subsets (all --resume compares it).
        results.dataset().put("requested", s.data() == null ? "none" : s.data().spec());
        return results;
    }

    /** How long the run took and where. */
    private static void finish(Results results, Settings s, double seconds) {
        results.run().put("elapsedSeconds", seconds).put("blas", Blas.backendName())
                .put("java", System.getProperty("java.version"))
                .put("processors", Runtime.getRuntime().availableProcessors())
                .put("resumed", s.options().resume());
    }

    /**
     * {@code --seeds N}: the run of each seed is the run {@code --seed s} would make, in the sub-directory
     * {@link MetaSeeds} gives it, with its own results.json (not in the report index).
     */
    private static MetaSeeds.SeedRuns seedRuns(Experiment experiment, Settings s) {
        return new MetaSeeds.SeedRuns() {
            @Override
            public RunIdentity identity(long seed) {
                return ExperimentRunner.identity(experiment, s, seed);
            }

            @Override
            public List<MetaCurve> run(long seed, Path directory) throws IOException {
                Results results = newResults(experiment, s, seed);
                ExperimentContext context = new ExperimentContext(seed, s.quick(), s.data(), directory, s.progress(),
                        s.log(), results, s.options(), identity(seed));
                long start = System.nanoTime();
                experiment.run(context);
                finish(results, s, (System.nanoTime() - start) / 1e9);
                results.write(directory);
                return context.metaCurves();
            }
        };
    }

    /** The checkpoint identity of the run of {@code experiment} with this seed. */
    private static RunIdentity identity(Experiment experiment, Settings s, long seed) {
        return RunIdentity.of(experiment.name(), settings(experiment, s, seed), s.command());
    }

    /** Whether {@code dir} holds a checkpoint or seed runs ({@code --seeds}) to resume from. */
    private static boolean resumable(Path dir) throws IOException {
        return Files.isRegularFile(dir.resolve(Checkpoint.FILE_NAME)) || MetaSeeds.holdsSeedRuns(dir);
    }

    /** Everything that changes a result, for the checkpoint: experiment, configuration, seed, data, guard. */
    private static ObjectNode settings(Experiment experiment, Settings s, long seed) {
        ObjectNode n = JSON.createObjectNode();
        n.put("experiment", experiment.name());
        n.set("config", JSON.valueToTree(experiment.config()));
        n.put("seed", seed);
        n.put("data", s.data() == null ? "none" : s.data().spec());
        n.put("explosionGuard", s.options().guardSetting());
        return n;
    }

    /**
     * Where this run works, refusing to run into an earlier run's files unless told what to do with them:
     * the experiment's directory for a new run or a resumed one, a staging directory beside it for a run
     * that replaces an earlier one (swapped in at the end) or resumes such a replacement.
     */
    private static Path workDirectory(RunSlot slot, RunIdentity identity, RunOptions o) throws IOException {
        Path dir = slot.directory();
        boolean interruptedReplacement = resumable(slot.staging());
        if (o.resume()) {
            Path from = resumable(slot.staging()) ? slot.staging() : dir;
            Path checkpoint = from.resolve(Checkpoint.FILE_NAME);
            boolean seedRuns = MetaSeeds.holdsSeedRuns(from);
            if (o.seeds() > 1) {
                if (Files.isRegularFile(checkpoint)) {
                    throw new ConfigException("--resume --seeds " + o.seeds() + ": " + from + " holds a run of one seed"
                            + " (its checkpoint is " + checkpoint + "), not runs of several seeds. Resume it without"
                            + " --seeds, or start the seeds with --overwrite or another --out.");
                }
                if (!seedRuns) {
                    throw new ConfigException("--resume: there is nothing to resume in " + dir + " (no seed-<s>/"
                            + " directory with a checkpoint or a finished run). Run without --resume to start, adding"
                            + " --overwrite if the directory holds an earlier run.");
                }
                return from; // each seed's checkpoint is checked before any work (MetaSeeds)
            }
            if (!Files.isRegularFile(checkpoint)) {
                throw new ConfigException("--resume: there is no checkpoint to resume in " + dir + (seedRuns
                        ? " itself: it holds the runs of several seeds (seed-<s>/). Resume with the --seeds N of the"
                        + " interrupted run." : " (only meta-optimisation"
                        + " experiments write one, after their first meta-iteration). Run without --resume to start,"
                        + " adding --overwrite if the directory holds an earlier run."));
            }
            Checkpoint.read(checkpoint, identity); // refuses a damaged or mismatched one before any work
            return from;
        }
        if (o.overwrite()) {
            if (slot.occupied()) {
                return slot.freshStaging();
            }
            slot.discardStaging();
            return dir;
        }
        if (interruptedReplacement) {
            throw new ConfigException(dir + " holds an earlier run, and a run replacing it with --overwrite was interrupted"
                    + " (its checkpoint is in " + slot.staging() + "). Add --resume to continue the replacement,"
                    + " --overwrite to start it again, or choose another --out.");
        }
        if (!slot.occupied()) {
            return dir;
        }
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.map(p -> p.getFileName().toString()).sorted().forEach(names::add);
        }
        String shown = names.size() <= 4 ? String.join(", ", names)
                : String.join(", ", names.subList(0, 4)) + " and " + (names.size() - 4) + " more";
        throw new ConfigException(dir + " already holds an earlier run (" + shown + "). Add --resume to continue it"
                + (names.contains(Checkpoint.FILE_NAME) ? " from its checkpoint" : "")
                + ", --overwrite to replace it, or choose another --out.");
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
