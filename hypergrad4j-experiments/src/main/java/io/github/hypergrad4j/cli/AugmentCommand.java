package io.github.hypergrad4j.cli;

import io.github.hypergrad4j.experiments.Experiment;
import io.github.hypergrad4j.experiments.log.Augment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code hypergrad4j augment}. */
@Command(name = "augment", sortOptions = false,
        description = {"Jan 19: learn a linear augmentation A (784 x 784, starting near the identity, L1-penalised)"
                + " whose images A x are added to the training set of a kernel nearest-neighbour classifier.",
            "Defaults: 1,000 training, validation and test images, squared-exponential kernel with length scale 2,"
                + " L1 penalty 0.001, A = I + 0.01 N(0,1), gradient descent with step 0.1 on validation minibatches"
                + " of 100, 50 passes (--meta-iterations)."})
public final class AugmentCommand extends MetaExperimentCommand {
    @Mixin
    MetaOptions meta = new MetaOptions();

    @Mixin
    SizeOptions sizes = new SizeOptions();

    @Override
    protected Experiment experiment(boolean quick) {
        Augment.Config c = quick ? Augment.Config.quick() : Augment.Config.defaults();
        c = c.withMeta(meta.metaStep(c.step()), meta.metaIterations(c.metaIterations()))
                .withSizes(sizes.apply(c.sizes()));
        return new Augment(c);
    }
}
