package io.github.hypergrad4j.cli;

import io.github.hypergrad4j.experiments.ConfigException;
import io.github.hypergrad4j.experiments.Experiment;
import io.github.hypergrad4j.experiments.RunOptions;
import io.github.hypergrad4j.experiments.log.LrSchedule;
import io.github.hypergrad4j.meta.ExplosionGuard;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code hypergrad4j lr-schedule}. */
@Command(name = "lr-schedule", sortOptions = false,
        description = {"Jan 14-15 and the reversible-learning paper: learn the learning-rate schedule by"
                + " hypergradient descent on the training loss after training.",
            "Preset full (default): MLP 784-50-50-50-10, T = 100, batch 200, 10,000 training examples, a learning rate"
                + " and a momentum for every step and for the weights and biases of every layer plus 8 initial scales,"
                + " Adam with step 0.04, 50 meta-iterations, a new seed every meta-iteration; the starting"
                + " hypergradient averaged over 100 seeds (--gradient-seeds).",
            "Preset paper: full from the paper's starting point (learning rate exp(-1), momentum 0.5, scale exp(-3)).",
            "Presets log-1k, log-3k: the log's MLP 784-200-50-10 with tanh before the softmax, batch 250, 20 steps, one"
                + " learning rate per step shared by all layers, gradient descent with step 40, 7 meta-iterations, on"
                + " 1,000 or 30,000 examples (Jan 15 figures 1 and 2); log-epochs: 30,000 examples, 1,200 steps, one"
                + " rate per epoch (120 steps), step 2,000 x the epoch's mean hypergradient, 4 meta-iterations (figure"
                + " 3). The log presets' explosion guard records the chaotic step instead of undoing it, unless"
                + " --on-explosion says otherwise."})
public final class LrScheduleCommand extends MetaExperimentCommand {
    @Option(names = "--preset", paramLabel = "NAME", defaultValue = "full",
            description = "full, paper, log-1k, log-3k or log-epochs; default: ${DEFAULT-VALUE}.")
    String preset;

    @Mixin
    NetworkOptions network = new NetworkOptions();

    // Called --seeds before --seeds N (the whole meta-optimisation for N seeds) came to every meta experiment.
    @Option(names = "--gradient-seeds", paramLabel = "N",
            description = "Seeds the starting hypergradient is averaged over (default 100; --quick 8). Formerly"
                    + " --seeds, which now repeats the whole meta-optimisation as in the other meta experiments.")
    Integer gradientSeeds;

    @Option(names = "--spark", paramLabel = "MASTER",
            description = "Evaluate seeds on Apache Spark at MASTER (e.g. local[2] or spark://host:7077); needs the"
                    + " hypergrad4j-spark module on the class path. Default: a thread pool in this process.")
    String spark;

    @Option(names = "--meta-iterations", paramLabel = "N", description = "Hypergradient steps.")
    Integer metaIterations;

    @Option(names = "--meta-step", paramLabel = "X", description = "The meta-optimiser's step.")
    Double metaStep;

    @Option(names = "--meta-optimizer", paramLabel = "adam|adam-original|sgd",
            description = "The meta-optimiser: adam (beta1 0.9, beta2 0.999, eps 1e-8), adam-original (the original"
                    + " hypergrad code's: beta1 0.9 decaying by 1e-4 per step, so no momentum after the first, beta2"
                    + " 0.99, eps 1e-4), or sgd (gradient descent). Default: the preset's (adam; the log presets: sgd).")
    String metaOptimizer;

    @Option(names = "--train-size", paramLabel = "N", description = "Training examples.")
    Integer trainSize;

    @Option(names = "--batch-size", paramLabel = "N", description = "Minibatch size.")
    Integer batchSize;

    @Option(names = "--steps", paramLabel = "T", description = "Training steps.")
    Integer steps;

    @Option(names = "--batch-order", paramLabel = "ORDER",
            description = "random (default): a new random minibatch at every step, seeded; consecutive: the training"
                    + " set's slices in order, batch k = examples [k b, (k+1) b) modulo the set's size, epoch after"
                    + " epoch, as the original experiments took them.")
    String batchOrder;

    @Override
    protected Experiment experiment(boolean quick) {
        LrSchedule.Config c = LrSchedule.Config.preset(preset, quick);
        c = c.withMeta(metaStep != null ? metaStep : c.metaStep(),
                        metaIterations != null ? metaIterations : c.metaIterations())
                .withTraining(trainSize != null ? trainSize : c.trainSize(), batchSize != null ? batchSize : c.batchSize(),
                        steps != null ? steps : c.steps())
                .withSeeds(gradientSeeds != null ? gradientSeeds : c.seeds(), spark)
                .withOptimizer(metaOptimizer != null ? metaOptimizer : c.optimizer())
                .withNetwork(network.outputActivation(c.outputActivation()))
                .withBatchOrder(batchOrder != null ? batchOrder : c.batchOrder());
        return new LrSchedule(c);
    }

    /**
     * {@code --seeds N} meant {@code --gradient-seeds N} here before. An old command line must not start N
     * whole meta-optimisations unnoticed, so here {@code --seeds} above 1 needs {@code --gradient-seeds} beside
     * it, which says that the new meaning is meant.
     */
    @Override
    protected ExitCode execute() throws Exception {
        if (metaSeeds.seeds() > 1 && gradientSeeds == null) {
            throw new ConfigException("lr-schedule --seeds " + metaSeeds.seeds() + " now runs the whole meta-optimisation"
                    + " " + metaSeeds.seeds() + " times (seeds --seed to --seed + " + (metaSeeds.seeds() - 1) + "), as in"
                    + " the other meta experiments; it no longer sets the seeds the starting hypergradient is averaged"
                    + " over, which is --gradient-seeds N. Give --gradient-seeds too (its default: 100, --quick 8) to"
                    + " repeat the meta-optimisation, or write --gradient-seeds " + metaSeeds.seeds() + " for the old"
                    + " meaning.");
        }
        return super.execute();
    }

    /** The log presets keep the chaotic step the log shows (Jan 15, figure 1): the guard records it. */
    @Override
    protected RunOptions runOptions() {
        RunOptions o = super.runOptions();
        return LrSchedule.Config.isLogPreset(preset) && !given("--on-explosion")
                ? o.withExplosionGuard(o.explosionFactor(), ExplosionGuard.Action.RECORD) : o;
    }
}
