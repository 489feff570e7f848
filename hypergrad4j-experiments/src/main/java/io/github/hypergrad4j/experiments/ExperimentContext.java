package io.github.hypergrad4j.experiments;

import io.github.hypergrad4j.data.SplitSizes;
import io.github.hypergrad4j.model.ParameterLayout;
import io.github.hypergrad4j.report.AtomicFiles;
import io.github.hypergrad4j.report.Results;
import io.github.hypergrad4j.train.ReversibleTrainer;
import io.github.hypergrad4j.train.TrainingLoss;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * What one run of an experiment gets from outside: the seed, where its data comes from, its output
 * directory, progress reporting and a log for one-line messages, and the {@link Results} it fills in.
 */
public final class ExperimentContext {
    private final long seed;
    private final boolean quick;
    private final DataSource data;
    private final Path directory;
    private final Progress progress;
    private final Consumer<String> log;
    private final Results results;
    private final RunOptions options;
    private final Checkpoint.Identity checkpointIdentity;
    private final java.util.List<String> dataFingerprints = new java.util.ArrayList<>();

    ExperimentContext(long seed, boolean quick, DataSource data, Path directory, Progress progress,
            Consumer<String> log, Results results, RunOptions options, Checkpoint.Identity checkpointIdentity) {
        this.options = options;
        this.checkpointIdentity = checkpointIdentity;
        this.seed = seed;
        this.quick = quick;
        this.data = data;
        this.directory = directory;
        this.progress = progress;
        this.log = log;
        this.results = results;
    }

    /** The run's seed, as given with {@code --seed}. */
    public long seed() {
        return seed;
    }

    /** A seed for one random part of the run (data split, noise...), derived from {@link #seed()}. */
    public long seedFor(String purpose) {
        return Seeds.derive(seed, purpose);
    }

    /** Whether this is the small {@code --quick} version. */
    public boolean quick() {
        return quick;
    }

    /** This run's own output directory ({@code OUT/<experiment>}). */
    public Path directory() {
        return directory;
    }

    public Progress progress() {
        return progress;
    }

    public Results results() {
        return results;
    }

    /** Resume, explosion guard and buffer settings of this run. */
    public RunOptions options() {
        return options;
    }

    Checkpoint.Identity checkpointIdentity() {
        return checkpointIdentity;
    }

    /** The {@code --data} choice, for messages. */
    String dataSpec() {
        return data == null ? "none" : data.spec();
    }

    /** {@link DataFingerprint}s of the data this run has read so far, in the order it read it. */
    java.util.List<String> dataFingerprints() {
        return java.util.List.copyOf(dataFingerprints);
    }

    /**
     * The meta-optimisation loop of this run, with checkpoints in {@link #directory()} and the explosion
     * guard configured on the command line.
     *
     * @param label the progress bar's label
     * @param metaIterations hypergradient steps (one more forward evaluation follows the last)
     * @param headline the metric shown in the progress line
     */
    public MetaLoop metaLoop(String label, int metaIterations, String headline) {
        return new MetaLoop(this, label, metaIterations, headline);
    }

    /** A reversible trainer for this run (with the information-buffer memory limit of {@code --buffer-memory}). */
    public ReversibleTrainer trainer(ParameterLayout layout, TrainingLoss loss) {
        ReversibleTrainer trainer = new ReversibleTrainer(layout, loss);
        return options.bufferMemory() > 0 ? trainer.withBufferMemory(options.bufferMemory(), options.bufferDirectory())
                : trainer;
    }

    /** A one-line message for the user (silenced by {@code --quiet}). */
    public void info(String message) {
        log.accept(message);
    }

    /**
     * Finds the data, draws the subsets from the run's seed, records where they came from in the
     * results and tells the user.
     */
    public LoadedData loadData(SplitSizes sizes) throws IOException {
        LoadedData d = data.load(sizes, seedFor("data split"));
        String fingerprint = DataFingerprint.of(d.splits());
        dataFingerprints.add(fingerprint);
        results.dataset().put("name", d.dataset()).put("requested", data.spec()).put("source", d.source())
                .put("train", sizes.train()).put("validation", sizes.validation()).put("test", sizes.test())
                .put("fingerprint", fingerprint);
        info(String.format("data: %s (%s); %,d training, %,d validation, %,d test examples", d.dataset(), d.source(),
                sizes.train(), sizes.validation(), sizes.test()));
        return d;
    }

    /** Writes a PNG figure into the run's directory (atomically) and lists it in the results. */
    public void saveFigure(String fileName, String caption, BufferedImage image) throws IOException {
        AtomicFiles.writePng(directory.resolve(fileName), image);
        results.figure(fileName, caption);
    }
}
