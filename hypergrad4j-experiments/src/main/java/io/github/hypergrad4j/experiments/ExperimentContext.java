package io.github.hypergrad4j.experiments;

import io.github.hypergrad4j.data.Centring;
import io.github.hypergrad4j.data.DatasetName;
import io.github.hypergrad4j.data.LabelledImages;
import io.github.hypergrad4j.data.SplitSizes;
import io.github.hypergrad4j.experiments.meta.MetaCurve;
import io.github.hypergrad4j.model.ParameterLayout;
import io.github.hypergrad4j.report.AtomicFiles;
import io.github.hypergrad4j.report.Results;
import io.github.hypergrad4j.train.BufferSettings;
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
    private final RunIdentity checkpointIdentity;
    private final java.util.List<String> dataFingerprints = new java.util.ArrayList<>();
    private final java.util.List<MetaCurve> metaCurves = new java.util.ArrayList<>();

    /** Made by {@link ExperimentRunner}; public for tests that drive a loop directly. */
    public ExperimentContext(long seed, boolean quick, DataSource data, Path directory, Progress progress,
            Consumer<String> log, Results results, RunOptions options, RunIdentity checkpointIdentity) {
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

    /** Which run this is, for checkpoints: experiment, settings, BLAS backend. */
    public RunIdentity identity() {
        return checkpointIdentity;
    }

    /** The {@code --data} choice, for messages. */
    public String dataSpec() {
        return data == null ? "none" : data.spec();
    }

    /**
     * {@link DataFingerprint}s of the data this run has read so far, in the order it read it: a checkpoint
     * records them, and a resumed run must have read the same.
     */
    public java.util.List<String> dataFingerprints() {
        return java.util.List.copyOf(dataFingerprints);
    }

    /** A reversible trainer for this run (with the information-buffer memory limit of {@code --buffer-memory}). */
    public ReversibleTrainer trainer(ParameterLayout layout, TrainingLoss loss) {
        return buffer().apply(new ReversibleTrainer(layout, loss));
    }

    /**
     * The information-buffer settings of {@code --buffer-memory} and {@code --buffer-dir}, for problems
     * that build their own trainers (e.g. {@link io.github.hypergrad4j.meta.ScheduleProblem#withBuffer}).
     */
    public BufferSettings buffer() {
        return BufferSettings.of(options.bufferMemory(), options.bufferDirectory());
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
        return loadData(sizes, Centring.NONE);
    }

    /**
     * As {@link #loadData(SplitSizes)}, with the subsets centred as {@code centring} says (recorded in the
     * results' dataset section).
     */
    public LoadedData loadData(SplitSizes sizes, Centring centring) throws IOException {
        LoadedData d = data.load(sizes, seedFor("data split"), centring);
        String fingerprint = DataFingerprint.of(d.splits());
        dataFingerprints.add(fingerprint);
        results.dataset().put("name", d.dataset()).put("requested", data.spec()).put("source", d.source())
                .put("train", sizes.train()).put("validation", sizes.validation()).put("test", sizes.test())
                .put("centring", centring.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '))
                .put("fingerprint", fingerprint);
        info(String.format("data: %s (%s); %,d training, %,d validation, %,d test examples", d.dataset(), d.source(),
                sizes.train(), sizes.validation(), sizes.test()));
        return d;
    }

    /**
     * The whole pool of a named dataset ({@link DataSource#pool}), recorded in the results' dataset
     * section under its name and told to the user.
     */
    public LabelledImages pool(DatasetName name) throws IOException {
        LabelledImages images = data.pool(name);
        String fingerprint = DataFingerprint.of(images);
        dataFingerprints.add(fingerprint);
        results.dataset().section(name.directoryName()).put("name", name.displayName())
                .put("source", images.description()).put("images", images.size()).put("fingerprint", fingerprint);
        info(String.format("data: %s (%s), %,d images", name.displayName(), images.description(), images.size()));
        return images;
    }

    /**
     * The whole pool of the data {@code --data} chooses ({@link DataSource#pool()}), recorded in the
     * results' dataset section and told to the user.
     */
    public LabelledImages pool() throws IOException {
        LabelledImages images = data.pool();
        String fingerprint = DataFingerprint.of(images);
        dataFingerprints.add(fingerprint);
        results.dataset().section("pool").put("requested", data.spec()).put("source", images.description())
                .put("images", images.size()).put("fingerprint", fingerprint);
        info(String.format("data: %s, %,d images", images.description(), images.size()));
        return images;
    }

    /** The {@code --data} choice itself, for experiments that pick their data by it. */
    public DataSource dataSource() {
        return data;
    }

    /**
     * Reports a finished meta-optimisation's curve (the {@link io.github.hypergrad4j.experiments.meta.MetaLoop}
     * does this), for the figure over seeds of {@code --seeds}
     * ({@link io.github.hypergrad4j.experiments.meta.MetaSeeds}); recorded nowhere else.
     */
    public void recordMetaCurve(MetaCurve curve) {
        metaCurves.add(curve);
    }

    /** The meta-learning curves this run reported, in order. */
    public java.util.List<MetaCurve> metaCurves() {
        return java.util.List.copyOf(metaCurves);
    }

    /** Writes a PNG figure into the run's directory (atomically) and lists it in the results. */
    public void saveFigure(String fileName, String caption, BufferedImage image) throws IOException {
        AtomicFiles.writePng(directory.resolve(fileName), image);
        results.figure(fileName, caption);
    }
}
