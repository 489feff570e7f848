package io.github.hypergrad4j.cli;

import picocli.CommandLine.Option;

/** {@code --seeds N} of the meta-optimisation experiments ({@link io.github.hypergrad4j.experiments.meta.MetaSeeds}). */
public final class MetaSeedsOptions {
    @Option(names = "--seeds", paramLabel = "N", defaultValue = "1",
            description = "Run the whole meta-optimisation for N seeds (--seed, --seed + 1, ...) one after the other,"
                    + " each into DIR/<experiment>/seed-<s>/ as --seed s alone would (--resume continues there and"
                    + " keeps finished seeds), and add a figure of the mean meta-learning curves with a band of"
                    + " +- 1 standard deviation; default: ${DEFAULT-VALUE}.")
    int seeds;

    int seeds() {
        return seeds;
    }
}
