package io.github.hypergrad4j.cli;

import io.github.hypergrad4j.experiments.Experiment;
import io.github.hypergrad4j.experiments.log.FakeData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code hypergrad4j fake-data}. */
@Command(name = "fake-data", sortOptions = false, modelTransformer = InnerRunOptions.WithoutTrainSize.class,
        description = {"Jan 19: learn ten training images, one per label, so that a logistic regression trained on"
                + " them does well on real validation data.",
            "Defaults: L2 0.01, 40 iterations, batch 10, learning rate 1, momentum 0.9, initial scale exp(-4), fake"
                + " data starts as 0.01 * N(0,1), 10,000 validation and 1,000 test images, data step 1 (--meta-step),"
                + " 20 meta-iterations."})
public final class FakeDataCommand extends ExperimentCommand {
    @Mixin
    MetaOptions meta = new MetaOptions();

    @Mixin
    InnerRunOptions inner = new InnerRunOptions();

    @Override
    protected Experiment experiment(boolean quick) {
        FakeData.Config c = quick ? FakeData.Config.quick() : FakeData.Config.defaults();
        c = c.withMeta(meta.metaStep(c.dataStep()), meta.metaIterations(c.metaIterations()))
                .withInner(inner.apply(c.inner()));
        return new FakeData(c);
    }
}
