package io.github.hypergrad4j.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every experiment takes: size, seed, data and output directory. */
public final class ExperimentOptions {
    @Option(names = "--quick", description = "A small version that finishes in seconds (demo and test size).")
    boolean quick;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0",
            description = "Seed of every random choice (data split, noise, batches); default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--data", paramLabel = "NAME|DIR", defaultValue = "auto",
            description = "auto, mnist, fashion-mnist, or a directory of IDX files; default: ${DEFAULT-VALUE}"
                    + " (MNIST if a local copy is large enough, else Fashion-MNIST, else download MNIST).")
    String data;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "out",
            description = "Report directory: the run writes DIR/<experiment>/ and updates DIR/index.html;"
                    + " default: ${DEFAULT-VALUE}.")
    Path out;

    public boolean quick() {
        return quick;
    }

    public long seed() {
        return seed;
    }

    public String data() {
        return data;
    }

    public Path out() {
        return out;
    }
}
