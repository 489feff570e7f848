package io.github.hypergrad4j.cli;

import io.github.hypergrad4j.experiments.Experiment;
import io.github.hypergrad4j.experiments.log.InitScales;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hypergrad4j init-scales}. */
@Command(name = "init-scales", sortOptions = false,
        description = {"Jan 16 and the paper: learn one initial scale for each layer's weights and biases by"
                + " hypergradient descent on the training loss after training, from a poor start.",
            "Defaults: MLP 784-50-50-50-10 (8 scales), T = 100, batch 200, 10,000 training examples, learning rate 0.3,"
                + " momentum 0.9, every scale starts at 1, Adam with step 0.1, 50 meta-iterations."})
public final class InitScalesCommand extends MetaExperimentCommand {
    @Option(names = "--meta-iterations", paramLabel = "N", description = "Hypergradient steps.")
    Integer metaIterations;

    @Option(names = "--meta-step", paramLabel = "X", description = "Adam's step on the log scales.")
    Double metaStep;

    @Option(names = "--start-scale", paramLabel = "S", description = "Every group's starting scale.")
    Double startScale;

    @Override
    protected Experiment experiment(boolean quick) {
        InitScales.Config c = quick ? InitScales.Config.quick() : InitScales.Config.defaults();
        c = c.withMeta(metaStep != null ? metaStep : c.metaStep(), metaIterations != null ? metaIterations : c.metaIterations())
                .withStart(startScale != null ? startScale : c.initialScale());
        return new InitScales(c);
    }
}
