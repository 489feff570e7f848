package io.github.hypergrad4j.cli;

import io.github.hypergrad4j.experiments.Experiment;
import io.github.hypergrad4j.experiments.log.Ard;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code hypergrad4j ard}. */
@Command(name = "ard", sortOptions = false,
        description = {"Jan 21: automatic relevance determination, a separate learned L2 penalty for each of the"
                + " 7,840 weights of a logistic regression.",
            "Defaults: 10,000 training, 10,000 validation, 1,000 test examples, batch 100, 50 iterations, learning rate"
                + " 1, momentum 0.9, initial scale exp(-4), log penalties start at log 0.01 + 1, meta step 100,"
                + " 10 meta-iterations."})
public final class ArdCommand extends MetaExperimentCommand {
    @Mixin
    MetaOptions meta = new MetaOptions();

    @Mixin
    InnerRunOptions inner = new InnerRunOptions();

    @Override
    protected Experiment experiment(boolean quick) {
        Ard.Config c = quick ? Ard.Config.quick() : Ard.Config.defaults();
        c = c.withMeta(meta.metaStep(c.metaStep()), meta.metaIterations(c.metaIterations()))
                .withInner(inner.apply(c.inner()));
        return new Ard(c);
    }
}
