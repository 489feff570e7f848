package io.github.hypergrad4j.cli;

import io.github.hypergrad4j.experiments.Experiment;
import io.github.hypergrad4j.experiments.log.AugmentFlow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code hypergrad4j augment-flow}. */
@Command(name = "augment-flow", sortOptions = false,
        description = {"Jan 19 (continuous version): learn couplings A between neighbouring pixels so that a logistic"
                + " regression trained on minibatches plus their flowed copies expm(t (A - A^T)) x, t ~ N(0, sigma^2),"
                + " does well on validation data.",
            "Defaults: 1,000 training, validation and test images, batch 100, 30 iterations, learning rate 0.5,"
                + " momentum 0.9, initial scale exp(-4), L2 0.001, sigma 1, 10 Taylor terms, A = 0 at the start (no"
                + " augmentation), gradient descent with step 100 (--meta-step) and momentum 0.5, 10 meta-iterations."})
public final class AugmentFlowCommand extends MetaExperimentCommand {
    @Mixin
    MetaOptions meta = new MetaOptions();

    @Mixin
    InnerRunOptions inner = new InnerRunOptions();

    @Option(names = "--sigma", paramLabel = "S", description = "Standard deviation of the flow time t.")
    Double sigma;

    @Override
    protected Experiment experiment(boolean quick) {
        AugmentFlow.Config c = quick ? AugmentFlow.Config.quick() : AugmentFlow.Config.defaults();
        c = c.withMeta(meta.metaStep(c.step()), meta.metaIterations(c.metaIterations()))
                .withInner(inner.apply(c.inner()))
                .withSigma(sigma != null ? sigma : c.sigma());
        return new AugmentFlow(c);
    }
}
