package io.github.hypergrad4j.cli;

import io.github.hypergrad4j.data.SplitSizes;
import io.github.hypergrad4j.experiments.InnerRun;
import picocli.CommandLine.Option;

/** How many examples each split holds: {@code --train-size}, {@code --validation-size}, {@code --test-size}. */
public final class SizeOptions {
    /** The option a command drops when its experiment's training set is not a split of the data. */
    static final String TRAIN_SIZE = "--train-size";

    @Option(names = TRAIN_SIZE, paramLabel = "N", description = "Training examples.")
    Integer train;

    @Option(names = "--validation-size", paramLabel = "N", description = "Validation examples (the meta-objective).")
    Integer validation;

    @Option(names = "--test-size", paramLabel = "N", description = "Test examples (reported only).")
    Integer test;

    /** The preset's sizes with the given options applied (checked). */
    SplitSizes apply(SplitSizes preset) {
        return InnerRun.sizes(train != null ? train : preset.train(),
                validation != null ? validation : preset.validation(), test != null ? test : preset.test());
    }
}
