package io.github.hypergrad4j.experiments;

import io.github.hypergrad4j.data.DatasetLocator;
import io.github.hypergrad4j.data.SplitSizes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.Assumptions;

/**
 * Data for the experiment tests: whatever {@code --data auto} finds on this machine without downloading
 * (a local MNIST copy, else Debian's Fashion-MNIST). Every test that uses data prints which dataset it
 * runs on; tests skip, saying why, when there is none; they never download. The experiment tests must
 * pass on either dataset: {@code .ci/run} runs them a second time from a copy of the checkout with nothing
 * beside it, so that Fashion-MNIST is used.
 */
public final class TestData {
    private TestData() {}

    /** The checkout's root: the nearest directory above the working directory holding .mvn. */
    public static Path projectRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve(".mvn"))) {
                return p;
            }
        }
        return null;
    }

    /**
     * The offline auto source, or a skipped test if it cannot provide {@code sizes}. Prints the calling
     * test class and the dataset it will run on.
     */
    public static DataSource availableOrSkip(SplitSizes sizes) {
        DataSource source = DataSource.parse("auto", projectRoot()).withoutDownload();
        System.out.println(caller() + " runs on " + datasetOrSkip(source, sizes));
        return source;
    }

    /** The name of the dataset ("MNIST", "Fashion-MNIST") that {@link #availableOrSkip} chooses. */
    public static String datasetOrSkip(SplitSizes sizes) {
        return datasetOrSkip(DataSource.parse("auto", projectRoot()).withoutDownload(), sizes);
    }

    private static String datasetOrSkip(DataSource source, SplitSizes sizes) {
        try {
            LoadedData d = source.load(sizes, 0);
            return d.dataset() + " (" + d.source() + ")";
        } catch (IOException | ConfigException e) {
            String reason = "SKIPPED " + caller() + ": no local MNIST or Fashion-MNIST with " + sizes.total()
                    + " examples (install dataset-fashion-mnist, or set " + DatasetLocator.DATA_ENV
                    + " to a directory holding MNIST): " + e.getMessage();
            System.out.println(reason);
            Assumptions.abort(reason);
            throw new AssertionError("unreachable");
        }
    }

    private static String caller() {
        return StackWalker.getInstance().walk(frames -> frames.map(StackWalker.StackFrame::getClassName)
                .filter(c -> !c.equals(TestData.class.getName())).findFirst().orElse("a test"));
    }

    /** Runs an experiment quietly into {@code out}. */
    public static ExperimentRunner.Outcome run(Experiment e, Path out, long seed, DataSource data) throws IOException {
        return run(e, out, seed, data, RunOptions.defaults(), Progress.NONE);
    }

    /** Runs an experiment quietly into {@code out} with these options, reporting to {@code progress}. */
    public static ExperimentRunner.Outcome run(Experiment e, Path out, long seed, DataSource data, RunOptions options,
            Progress progress) throws IOException {
        Consumer<String> silent = message -> { };
        return ExperimentRunner.run(e, new ExperimentRunner.Settings(seed, false, data, out, progress, silent, "test",
                options));
    }
}
