package io.github.hypergrad4j.cli;

import io.github.hypergrad4j.experiments.Experiment;
import io.github.hypergrad4j.experiments.log.InitDist;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hypergrad4j init-dist}. */
@Command(name = "init-dist", sortOptions = false,
        description = {"Jan 11 and 16: learn the initial weight distribution of each layer's weights and biases as an"
                + " inverse CDF, by hypergradient descent on the training loss after training.",
            "Defaults: network 784-10 (--layers 784,50,10 for a deeper net, one distribution per layer), 20 bins"
                + " starting uniform on [-exp(-2), exp(-2)], 1,000 training examples, 20 iterations, batch 250,"
                + " learning rate 1, momentum 0.9, knot step 0.01, 100 meta-iterations."})
public final class InitDistCommand extends ExperimentCommand {
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
        InitDist.Config c = quick ? InitDist.Config.quick() : InitDist.Config.defaults();
        c = c.withMeta(metaStep != null ? metaStep : c.metaStep(), metaIterations != null ? metaIterations : c.metaIterations())
                .withBins(bins != null ? bins : c.bins());
        return new InitDist(layers != null ? c.withLayers(layers) : c);
    }
}
