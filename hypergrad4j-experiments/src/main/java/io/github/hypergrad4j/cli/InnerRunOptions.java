package io.github.hypergrad4j.cli;

import io.github.hypergrad4j.experiments.InnerRun;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * The options of an {@link InnerRun}, one for each of its settings; unset ones keep the experiment's
 * preset. Every command whose experiment has an inner run takes them all, so each one reaches the run.
 */
public final class InnerRunOptions {
    @Mixin
    SizeOptions sizes = new SizeOptions();

    @Option(names = "--batch-size", paramLabel = "N", description = "Training minibatch size.")
    Integer batchSize;

    @Option(names = "--iterations", paramLabel = "T", description = "Training steps of each inner run.")
    Integer iterations;

    @Option(names = "--learning-rate", paramLabel = "X", description = "Learning rate of the inner training runs.")
    Double learningRate;

    @Option(names = "--momentum", paramLabel = "X", description = "Momentum of the inner training runs, in (0, 1).")
    Double momentum;

    @Option(names = "--log-scale", paramLabel = "S", description = "Log scale of the initial weights: exp(S) N(0, 1).")
    Double logScale;

    /** The preset with the given options applied; checked once, by {@link InnerRun}. */
    InnerRun apply(InnerRun preset) {
        return new InnerRun(sizes.apply(preset.sizes()), batchSize != null ? batchSize : preset.batchSize(),
                iterations != null ? iterations : preset.iterations(),
                learningRate != null ? learningRate : preset.learningRate(),
                momentum != null ? momentum : preset.momentum(), logScale != null ? logScale : preset.logInitialScale());
    }

    /**
     * For a command whose experiment trains on examples of its own rather than a split of the data
     * (fake-data's learned images): drops {@code --train-size}, which it could not honour.
     */
    static final class WithoutTrainSize implements IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec spec) {
            spec.remove(spec.findOption(SizeOptions.TRAIN_SIZE));
            return spec;
        }
    }
}
