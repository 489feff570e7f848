package io.github.hypergrad4j.experiments;

import io.github.hypergrad4j.report.ReportIndex;
import io.github.hypergrad4j.report.Results;
import io.github.hypergrad4j.tensor.Blas;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Runs an experiment into an output directory: {@code OUT/<experiment>/} receives its figures and
 * {@code results.json}, then {@code OUT/index.html} is rebuilt to include it.
 */
public final class ExperimentRunner {

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
     */
    public record Settings(long seed, boolean quick, DataSource data, Path outputDirectory, Progress progress,
            Consumer<String> log, String command) {}

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
        Path dir = s.outputDirectory().resolve(experiment.name());
        Files.createDirectories(dir);
        Results results = new Results(experiment.name(), experiment.title())
                .description(experiment.description() + " (Log entry: "
                        + experiment.logDate().getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + " "
                        + experiment.logDate().getDayOfMonth() + ".)")
                .order(experiment.logDate().getMonthValue() * 100 + experiment.logDate().getDayOfMonth())
                .seed(s.seed()).quick(s.quick()).command(s.command()).config(experiment.config());
        ExperimentContext context = new ExperimentContext(s.seed(), s.quick(), s.data(), dir, s.progress(), s.log(),
                results);
        long start = System.nanoTime();
        experiment.run(context);
        double seconds = (System.nanoTime() - start) / 1e9;
        results.run().put("elapsedSeconds", seconds).put("blas", Blas.describe(Blas.get()))
                .put("java", System.getProperty("java.version"))
                .put("processors", Runtime.getRuntime().availableProcessors());
        Path json = results.write(dir);
        Path index = ReportIndex.regenerate(s.outputDirectory());
        return new Outcome(dir, json, index, seconds);
    }
}
