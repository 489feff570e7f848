package io.github.hypergrad4j.cli;

import picocli.CommandLine.Option;

/** Options of a meta-optimisation loop; unset ones keep the experiment's defaults. */
public final class MetaOptions {
    @Option(names = "--meta-iterations", paramLabel = "N", description = "Hypergradient steps.")
    Integer metaIterations;

    @Option(names = "--meta-step", paramLabel = "X", description = "Gradient-descent step on the hyperparameters.")
    Double metaStep;

    int metaIterations(int defaultValue) {
        return metaIterations != null ? metaIterations : defaultValue;
    }

    double metaStep(double defaultValue) {
        return metaStep != null ? metaStep : defaultValue;
    }
}
