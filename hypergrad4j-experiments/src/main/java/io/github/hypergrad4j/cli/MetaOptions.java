package io.github.hypergrad4j.cli;

import picocli.CommandLine.Option;

/** Options of a meta-optimisation loop; unset ones keep the experiment's defaults. */
public final class MetaOptions {
    @Option(names = "--meta-iterations", paramLabel = "N", description = "Hypergradient steps.")
    Integer metaIterations;

    @Option(names = "--meta-step", paramLabel = "X", description = "Gradient-descent step on the hyperparameters.")
    Double metaStep;

    @Option(names = "--learning-rate", paramLabel = "X", description = "Learning rate of the inner training runs.")
    Double learningRate;

    @Option(names = "--validation-size", paramLabel = "N", description = "Validation examples (the meta-objective).")
    Integer validationSize;

    @Option(names = "--test-size", paramLabel = "N", description = "Test examples (reported only).")
    Integer testSize;

    int metaIterations(int defaultValue) {
        return metaIterations != null ? metaIterations : defaultValue;
    }

    double metaStep(double defaultValue) {
        return metaStep != null ? metaStep : defaultValue;
    }

    double learningRate(double defaultValue) {
        return learningRate != null ? learningRate : defaultValue;
    }

    int validationSize(int defaultValue) {
        return validationSize != null ? validationSize : defaultValue;
    }

    int testSize(int defaultValue) {
        return testSize != null ? testSize : defaultValue;
    }
}
