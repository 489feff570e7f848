package io.github.hypergrad4j.cli;

import io.github.hypergrad4j.experiments.Experiment;
import io.github.hypergrad4j.experiments.log.InitDist;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code hypergrad4j init-dist}. */
@Command(name = "init-dist", sortOptions = false,
        description = {"Jan 11 and 16: learn the initial weight distribution of each layer's weights and biases as an"
                + " inverse CDF, by hypergradient descent on the training loss after training.",
            "Preset log-one-layer (default; Jan 16 figure 3): network 784-10 with tanh before the softmax, 19 bins"
                + " (the log's 20 knots) starting uniform on [-exp(-2), exp(-2)], 1,000 training examples, 20"
                + " iterations, batch 250, learning rate 1, momentum 0.9, knot step 0.01, 100 meta-iterations.",
            "Preset log-shared (figure 1): one distribution shared by all weights and biases of 784-50-10, on"
                + " [-exp(-3), exp(-3)], step 0.002, 10 meta-iterations, with its knots panel. Preset log-per-layer"
                + " (figure 2): 784-50-10, one distribution per group, step 0.002, 100 meta-iterations."})
public final class InitDistCommand extends MetaExperimentCommand {
    @Option(names = "--preset", paramLabel = "NAME", defaultValue = "log-one-layer",
            description = "log-one-layer, log-shared or log-per-layer; default: ${DEFAULT-VALUE}.")
    String preset;

    @Option(names = "--shared", negatable = true, description = "One distribution for all weights and biases"
            + " (--no-shared: one per layer's weights and biases); default: the preset's.")
    Boolean shared;

    @Mixin
    NetworkOptions network = new NetworkOptions();

    @Option(names = "--layers", split = ",", paramLabel = "N,N,...", description = "Layer sizes, e.g. 784,50,10.")
    int[] layers;

    @Option(names = "--bins", paramLabel = "B", description = "Bins of each inverse CDF.")
    Integer bins;

    @Option(names = "--meta-iterations", paramLabel = "N", description = "Hypergradient steps.")
    Integer metaIterations;

    @Option(names = "--meta-step", paramLabel = "X", description = "Gradient-descent step on the knots.")
    Double metaStep;

    @Override
    protected Experiment experiment(boolean quick) {
        InitDist.Config c = InitDist.Config.preset(preset, quick);
        c = c.withNetwork(network.outputActivation(c.outputActivation()));
        if (shared != null) {
            c = c.withShared(shared);
        }
        c = c.withMeta(metaStep != null ? metaStep : c.metaStep(), metaIterations != null ? metaIterations : c.metaIterations())
                .withBins(bins != null ? bins : c.bins());
        return new InitDist(layers != null ? c.withLayers(layers) : c);
    }
}
