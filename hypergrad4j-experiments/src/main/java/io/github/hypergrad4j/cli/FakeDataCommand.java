package io.github.hypergrad4j.cli;

import io.github.hypergrad4j.experiments.Experiment;
import io.github.hypergrad4j.experiments.log.FakeData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code hypergrad4j fake-data}. */
@Command(name = "fake-data", sortOptions = false, modelTransformer = InnerRunOptions.WithoutTrainSize.class,
        description = {"Jan 19: learn ten training images, one per label, so that a logistic regression trained on"
                + " them does well on real validation data.",
            "Preset log-fig3 (default; Jan 19 figure 3): linear output, L2 0.01, 40 iterations, batch 10, learning rate 1, momentum 0.9, initial scale exp(-4), fake"
                + " data starts as 0.01 * N(0,1), 10,000 validation and 1,000 test images, data step 1 (--meta-step),"
                + " 20 meta-iterations; meta-objective validation loss with L2 (--meta-objective).",
            "Preset log-fig1 (figure 1): tanh before the softmax, L2 0.1, 10 iterations, learning rate exp(0.5), initial"
                + " scale exp(-2), fake data from zero, 1,000 validation images, data step 0.04, 50 meta-iterations; meta-objective"
                + " validation loss with L2."})
public final class FakeDataCommand extends MetaExperimentCommand {
    @Mixin
    MetaOptions meta = new MetaOptions();

    @Mixin
    InnerRunOptions inner = new InnerRunOptions();

    @Option(names = "--preset", paramLabel = "NAME", defaultValue = "log-fig3",
            description = "log-fig3 or log-fig1; default: ${DEFAULT-VALUE}.")
    String preset;

    @Mixin
    NetworkOptions network = new NetworkOptions();

    @Option(names = "--meta-objective", paramLabel = "cross-entropy|with-l2",
            description = "What the fake data minimise: with-l2, the validation cross-entropy plus the training loss's"
                    + " L2 term on the trained weights (the original's, as its loss function always added it), or"
                    + " cross-entropy, the validation cross-entropy alone. Default: with-l2 (both presets).")
    String metaObjective;

    @Override
    protected Experiment experiment(boolean quick) {
        FakeData.Config c = FakeData.Config.preset(preset, quick);
        c = c.withNetwork(network.outputActivation(c.outputActivation()));
        if (metaObjective != null) {
            c = c.withMetaObjective(FakeData.MetaObjective.of(metaObjective));
        }
        c = c.withMeta(meta.metaStep(c.dataStep()), meta.metaIterations(c.metaIterations()))
                .withInner(inner.apply(c.inner()));
        return new FakeData(c);
    }
}
