package io.github.hypergrad4j.cli;

import io.github.hypergrad4j.experiments.Experiment;
import io.github.hypergrad4j.experiments.log.LrSchedule;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hypergrad4j lr-schedule}. */
@Command(name = "lr-schedule", sortOptions = false,
        description = {"Jan 14-15 and the reversible-learning paper: learn the learning-rate schedule by"
                + " hypergradient descent on the training loss after training.",
            "Preset full (default): MLP 784-50-50-50-10, T = 100, batch 200, 10,000 training examples, a learning rate"
                + " and a momentum for every step and for the weights and biases of every layer plus 8 initial scales,"
                + " Adam with step 0.04, 50 meta-iterations, a new seed every meta-iteration; the starting"
                + " hypergradient averaged over 100 seeds.",
            "Presets log-1k, log-3k: the log's MLP 784-200-50-10, batch 250, 20 steps, one learning rate per step"
                + " shared by all layers, gradient descent with step 40, 7 meta-iterations, on 1,000 or 3,000 examples;"
                + " log-epochs: 3,000 examples, 240 steps, one rate per epoch (12 steps), its hypergradient summed."})
public final class LrScheduleCommand extends ExperimentCommand {
    @Option(names = "--preset", paramLabel = "NAME", defaultValue = "full",
            description = "full, log-1k, log-3k or log-epochs; default: ${DEFAULT-VALUE}.")
    String preset;

    @Option(names = "--seeds", paramLabel = "N",
            description = "Seeds the starting hypergradient is averaged over (default 100; --quick 8).")
    Integer seeds;

    @Option(names = "--spark", paramLabel = "MASTER",
            description = "Evaluate seeds on Apache Spark at MASTER (e.g. local[2] or spark://host:7077); needs the"
                    + " hypergrad4j-spark module on the class path. Default: a thread pool in this process.")
    String spark;

    @Option(names = "--meta-iterations", paramLabel = "N", description = "Hypergradient steps.")
    Integer metaIterations;

    @Option(names = "--meta-step", paramLabel = "X", description = "The meta-optimiser's step.")
    Double metaStep;

    @Option(names = "--train-size", paramLabel = "N", description = "Training examples.")
    Integer trainSize;

    @Option(names = "--batch-size", paramLabel = "N", description = "Minibatch size.")
    Integer batchSize;

    @Option(names = "--steps", paramLabel = "T", description = "Training steps.")
    Integer steps;

    @Override
    protected Experiment experiment(boolean quick) {
        LrSchedule.Config c = LrSchedule.Config.preset(preset, quick);
        c = c.withMeta(metaStep != null ? metaStep : c.metaStep(),
                        metaIterations != null ? metaIterations : c.metaIterations())
                .withTraining(trainSize != null ? trainSize : c.trainSize(), batchSize != null ? batchSize : c.batchSize(),
                        steps != null ? steps : c.steps())
                .withSeeds(seeds != null ? seeds : c.seeds(), spark);
        return new LrSchedule(c);
    }
}
