package io.github.hypergrad4j.experiments.meta;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.hypergrad4j.experiments.ConfigException;
import io.github.hypergrad4j.experiments.ExperimentContext;
import io.github.hypergrad4j.experiments.RunIdentity;
import io.github.hypergrad4j.experiments.sweep.SeedBand;
import io.github.hypergrad4j.report.AtomicFiles;
import io.github.hypergrad4j.report.Results;
import io.github.hypergrad4j.report.ResultsSection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code --seeds N} of the meta-optimisation experiments (the log's plan of Jan 11, "do each of these for a
 * few random seeds"): the whole run, data split, initial weights and meta-optimisation included, once for
 * each of the seeds {@code seed, seed + 1, ..., seed + N - 1}, one after the other, and a figure of the
 * meta-learning curves' mean over the seeds with a band of one standard deviation.
 *
 * <p>Each seed's run is exactly the run {@code --seed s} would make (same numbers, figures and
 * results.json) in its own sub-directory {@code seed-<s>/}, with its own checkpoint, so {@code --resume}
 * continues an interrupted seed where it stopped. A finished seed leaves {@value #DONE_FILE} (its curve
 * and the identity of its run), written last; a resumed run takes the curve from it and never repeats the
 * seed. The experiment's own results.json holds every seed's meta curve, the band and the figure.
 */
public final class MetaSeeds {
    /** Written into a seed's directory when its run has finished: its curve, read back on {@code --resume}. */
    public static final String DONE_FILE = "meta-curve.json";
    /** The figure of the mean meta-learning curves with their band. */
    public static final String FIGURE = "meta-curve-seeds.png";
    /** What the band is, as results.json and the figure say. */
    public static final String BAND = "mean +- 1 sd";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The runs of the single seeds, as the caller (the experiment runner) makes them. */
    public interface SeedRuns {
        /** The identity of the run with this seed, as a plain run with {@code --seed seed} would have it. */
        RunIdentity identity(long seed);

        /**
         * Runs (or, with {@code --resume}, continues) the experiment with this seed in {@code directory},
         * writing its figures and results.json there.
         *
         * @return the meta-learning curves the run reported ({@link ExperimentContext#metaCurves()})
         */
        List<MetaCurve> run(long seed, Path directory) throws IOException;
    }

    private MetaSeeds() {}

    /** {@code seed-<s>}: where the run of seed s goes inside the experiment's directory. */
    public static String directoryName(long seed) {
        return "seed-" + seed;
    }

    /** Whether {@code dir} holds seed runs that a {@code --resume} can continue or reuse. */
    public static boolean holdsSeedRuns(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> sub = Files.list(dir)) {
            return sub.filter(p -> p.getFileName().toString().startsWith("seed-") && Files.isDirectory(p))
                    .anyMatch(p -> Files.isRegularFile(p.resolve(Checkpoint.FILE_NAME))
                            || Files.isRegularFile(p.resolve(DONE_FILE)));
        }
    }

    /**
     * Runs the seeds {@code context.seed()}, ... in turn into sub-directories of {@code context.directory()}
     * and records their curves, band and figure in {@code context}'s results.
     *
     * @param seeds how many seeds, at least 2
     */
    public static void run(ExperimentContext context, int seeds, SeedRuns runs) throws IOException {
        if (seeds < 2) {
            throw new IllegalArgumentException("a band over seeds needs at least 2 seeds, got " + seeds);
        }
        long[] all = new long[seeds];
        for (int k = 0; k < seeds; k++) {
            try {
                all[k] = Math.addExact(context.seed(), k);
            } catch (ArithmeticException e) {
                throw new ConfigException("--seed " + context.seed() + " with --seeds " + seeds + " goes past the largest"
                        + " seed " + Long.MAX_VALUE + "; give a smaller --seed");
            }
        }
        boolean resume = context.options().resume();
        if (resume) {
            for (long seed : all) { // refuse a mismatched seed before any work, not after the earlier seeds
                Path dir = context.directory().resolve(directoryName(seed));
                if (Files.isRegularFile(dir.resolve(DONE_FILE))) {
                    read(dir.resolve(DONE_FILE), runs.identity(seed));
                } else if (Files.isRegularFile(dir.resolve(Checkpoint.FILE_NAME))) {
                    Checkpoint.read(dir.resolve(Checkpoint.FILE_NAME), runs.identity(seed));
                }
            }
        }
        List<MetaCurve> curves = new ArrayList<>();
        for (int k = 0; k < seeds; k++) {
            long seed = all[k];
            Path dir = context.directory().resolve(directoryName(seed));
            Path done = dir.resolve(DONE_FILE);
            if (resume && Files.isRegularFile(done)) {
                curves.add(read(done, runs.identity(seed)));
                context.info(String.format(Locale.ROOT, "seed %d (%d of %d) finished earlier: its curve is read from %s",
                        seed, k + 1, seeds, done));
                continue;
            }
            context.info(String.format(Locale.ROOT, "seed %d (%d of %d): writing %s", seed, k + 1, seeds, dir));
            boolean created = !Files.exists(dir);
            Files.createDirectories(dir);
            List<MetaCurve> reported;
            try {
                reported = runs.run(seed, dir);
            } catch (IOException | RuntimeException | Error e) {
                if (created) {
                    deleteIfEmpty(dir);
                }
                throw e;
            }
            if (reported.size() != 1) {
                throw new IllegalStateException("--seeds needs one meta-learning curve from each run; the run of seed "
                        + seed + " reported " + reported.size() + " (is this a meta-optimisation experiment?)");
            }
            write(done, runs.identity(seed), seed, reported.get(0));
            curves.add(reported.get(0));
        }
        record(context, all, curves);
    }

    /** The numbers into the results, the band into the summary, and the figure. */
    private static void record(ExperimentContext context, long[] seeds, List<MetaCurve> curves) throws IOException {
        String headline = curves.get(0).headline();
        ResultsSection section = context.results().data().section("seeds");
        section.put("seeds", seeds).put("band", BAND).put("headline", headline);
        ResultsSection perSeed = section.section("perSeed");
        for (int k = 0; k < seeds.length; k++) {
            ResultsSection one = perSeed.section(directoryName(seeds[k]));
            curves.get(k).metrics().forEach(one::put);
        }
        Map<String, SeedBand.Curve> bands = new LinkedHashMap<>();
        for (String name : curves.get(0).metrics().keySet()) {
            List<double[]> values = new ArrayList<>();
            for (MetaCurve c : curves) {
                if (!c.metrics().containsKey(name) || !c.headline().equals(headline)) {
                    throw new IllegalStateException("the runs of the seeds recorded different metrics: " + name
                            + " is missing from one of them");
                }
                values.add(c.metrics().get(name));
            }
            SeedBand.Curve band = SeedBand.Curve.across(values);
            bands.put(name, band);
            band.record(section.section("bands").section(name));
        }
        int n = seeds.length;
        for (String name : MetaFigures.bandMetrics(headline, bands.keySet())) {
            if (!name.equals(headline) && !name.startsWith("test")) {
                continue; // the summary: the objective and the test numbers; the rest is in data.seeds.bands
            }
            SeedBand.Curve b = bands.get(name);
            int last = b.mean().length - 1;
            String words = MetaTraining.words(name);
            context.results().summary(words + " before, mean of " + n + " seeds", b.mean()[0])
                    .summary(words + " before, sd over seeds", b.sd()[0])
                    .summary(words + " after, mean of " + n + " seeds", b.mean()[last])
                    .summary(words + " after, sd over seeds", b.sd()[last]);
        }
        context.saveFigure(FIGURE, "Meta-learning curves over " + n + " seeds (--seed " + seeds[0] + " to "
                + seeds[n - 1] + ", each a whole meta-optimisation with its own data split, initial weights and"
                + " minibatches; each seed's own report is in seed-<s>/): solid, the mean over the seeds at every"
                + " meta-iteration; dashed, the mean +- 1 standard deviation over the seeds (n - 1 in the"
                + " denominator). The meta-objective is the " + MetaTraining.words(headline) + ".",
                MetaFigures.seedBand(bands, headline, n));
    }

    /** Writes a finished seed's curve with its run's identity, atomically. */
    private static void write(Path file, RunIdentity identity, long seed, MetaCurve curve) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        identity.writeInto(root);
        root.put("seed", seed).put("headline", curve.headline());
        ObjectNode metrics = root.putObject("metrics");
        curve.metrics().forEach((name, values) -> {
            ArrayNode a = metrics.putArray(name);
            for (double v : values) {
                if (Double.isFinite(v)) {
                    a.add(v);
                } else {
                    a.addNull();
                }
            }
        });
        AtomicFiles.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
    }

    /** Reads a finished seed's curve, refusing one of another run. */
    private static MetaCurve read(Path file, RunIdentity expected) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new ConfigException(file + " (the record of a finished seed) cannot be read: " + e.getMessage()
                    + ". Delete it to run that seed again with --resume, or start again with --overwrite.");
        }
        expected.check(root, file);
        Map<String, double[]> metrics = new LinkedHashMap<>();
        root.path("metrics").fields().forEachRemaining(e -> metrics.put(e.getKey(), Results.numbers(e.getValue())));
        try {
            return new MetaCurve(root.path("headline").asText(), metrics);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(file + " (the record of a finished seed) is damaged: " + e.getMessage()
                    + ". Delete it to run that seed again with --resume, or start again with --overwrite.");
        }
    }

    private static void deleteIfEmpty(Path dir) {
        try {
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // not empty: a checkpoint to resume from
        }
    }
}
