package io.github.hypergrad4j.cli;

import io.github.hypergrad4j.experiments.log.AdamSchedule;
import io.github.hypergrad4j.experiments.Experiment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hypergrad4j adam-schedule}. */
@Command(name = "adam-schedule", sortOptions = false,
        description = {"The paper's schedule experiment with exactly reversible Adam as the training optimiser: learn"
                + " a learning rate and a beta1 for every step and for the weights and biases of every layer.",
            "MLP 784-50-50-50-10, T = 100, batch 200, 10,000 training examples, a new seed every meta-iteration,"
                + " meta-optimiser Adam with step 0.04, 50 meta-iterations; it starts from Adam's best constant"
                + " learning rate (a line search on 5 fixed seeds) and compares the learned schedule with it."})
public final class AdamScheduleCommand extends MetaExperimentCommand {
    @Option(names = "--meta-iterations", paramLabel = "N", description = "Hypergradient steps.")
    Integer metaIterations;

    @Option(names = "--meta-step", paramLabel = "X", description = "The meta-optimiser's step.")
    Double metaStep;

    @Override
    protected Experiment experiment(boolean quick) {
        AdamSchedule.Config c = AdamSchedule.Config.preset(quick);
        return new AdamSchedule(c.withMeta(metaStep != null ? metaStep : c.metaStep(),
                metaIterations != null ? metaIterations : c.metaIterations()));
    }
}
