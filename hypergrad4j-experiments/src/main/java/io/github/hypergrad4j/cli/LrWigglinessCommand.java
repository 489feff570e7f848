package io.github.hypergrad4j.cli;

import io.github.hypergrad4j.experiments.Experiment;
import io.github.hypergrad4j.experiments.log.LearningRateWiggliness;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code hypergrad4j lr-wiggliness}. */
@Command(name = "lr-wiggliness", sortOptions = false,
        description = {"Jan 14: training loss and its exact derivative vs the log learning rate a, for several"
                + " training lengths; runs that overflow are marked as diverged.",
            "Defaults: MLP 784-200-50-10 with tanh before the softmax (the log's), 1,000 examples, batch 250, initial scale exp(-2), momentum 0.9, 20 values of"
                + " a in [-4, 3], 0,1,5,10,20,50 iterations."})
public final class LrWigglinessCommand extends ExperimentCommand {
    @Mixin
    SweepOptions sweep = new SweepOptions();

    @Mixin
    NetworkOptions network = new NetworkOptions();

    @Option(names = "--log-scale", paramLabel = "S", description = "Log scale of the initial weights (default -2).")
    Double logScale;

    @Override
    protected Experiment experiment(boolean quick) {
        LearningRateWiggliness.Config c = quick ? LearningRateWiggliness.Config.quick()
                : LearningRateWiggliness.Config.defaults();
        c = c.withData(sweep.trainSize(c.trainSize()), sweep.batchSize(c.batchSize())).withSweep(sweep.apply(c.sweep()));
        if (logScale != null) {
            c = c.withLogScale(logScale);
        }
        c = c.withNetwork(network.outputActivation(c.outputActivation())).withSeeds(sweep.seeds(c.seeds()));
        return new LearningRateWiggliness(c);
    }
}
