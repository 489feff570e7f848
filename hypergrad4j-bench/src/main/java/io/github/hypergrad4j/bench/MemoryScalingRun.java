package io.github.hypergrad4j.bench;

import java.io.IOException;
import java.nio.file.Path;

/**
 * {@code bench --memory-only sgd|adam}: section 2's memory scaling for one optimiser alone (SGD with
 * momentum at {@link BenchConfig#memorySteps()}, Adam at {@link BenchConfig#adamMemorySteps()}), with
 * the machinery, sizes and extrapolation the whole suite uses, written as {@code memory-OPT.json} and
 * {@code memory-OPT.md}. For measuring one table again without the suite's timed sections. Both files
 * are rewritten after every T, so a run that is stopped leaves the table of the T values it finished.
 *
 * @param schema format name and version of this record
 * @param date when the run started (ISO-8601, UTC)
 * @param quick whether this was a {@code --quick} run (toy sizes)
 * @param machine where it ran
 * @param loadAverageStart one-minute load average before the run
 * @param loadAverageEnd one-minute load average after it
 * @param totalSeconds wall time of the run
 * @param reproduce the command that reproduces it
 * @param plannedSteps the T values the run measures, in order
 * @param complete whether every one of them has been measured (false in the files written on the way)
 * @param memory the table's numbers, as in {@code bench.json}, for the T values finished
 */
public record MemoryScalingRun(String schema, String date, boolean quick, Machine machine, double loadAverageStart,
        double loadAverageEnd, double totalSeconds, String reproduce, int[] plannedSteps, boolean complete,
        MemoryScalingSection.Result memory) {

    static final String SCHEMA = "hypergrad4j-bench-memory/1";

    /**
     * Runs the table, writing both files into {@code dir} after every T and at the end. {@code onlySteps}, when not
     * null, replaces the suite's T values (to complete one row of a table without rerunning the others).
     */
    static MemoryScalingRun run(BenchConfig config, String optimizer, int[] onlySteps, Progress progress,
            String reproduce, Path dir) throws IOException, InterruptedException {
        int[] suiteSteps = switch (optimizer) {
            case "sgd" -> config.memorySteps();
            case "adam" -> config.adamMemorySteps();
            default -> throw new IllegalArgumentException("--memory-only takes sgd or adam, got " + optimizer);
        };
        int[] steps = onlySteps == null ? suiteSteps : onlySteps;
        String date = BenchCommand.now();
        long start = System.nanoTime();
        double loadStart = Timing.loadAverage();
        Machine machine = Machine.describe();
        progress.note("machine: " + machine.summary());
        MemoryScalingSection.Result memory = MemoryScalingSection.run(config, progress, optimizer, steps,
                soFar -> new MemoryScalingRun(SCHEMA, date, config.quick(), machine, loadStart, Timing.loadAverage(),
                        (System.nanoTime() - start) / 1e9, reproduce, steps, false, soFar).write(dir));
        MemoryScalingRun run = new MemoryScalingRun(SCHEMA, date, config.quick(), machine, loadStart, Timing.loadAverage(),
                (System.nanoTime() - start) / 1e9, reproduce, steps, true, memory);
        run.write(dir);
        return run;
    }

    /** The JSON report's file name in the output directory. */
    String jsonName() {
        return "memory-" + memory.optimizer() + ".json";
    }

    /** The Markdown report's file name in the output directory. */
    String markdownName() {
        return "memory-" + memory.optimizer() + ".md";
    }

    void write(Path dir) throws IOException {
        java.nio.file.Files.createDirectories(dir);
        ReportWriter.writeAtomically(dir.resolve(jsonName()), ReportWriter.json(this));
        ReportWriter.writeAtomically(dir.resolve(markdownName()), ReportWriter.markdown(this));
    }
}
