package io.github.hypergrad4j.cli;

import io.github.hypergrad4j.experiments.RunOptions;
import picocli.CommandLine.Mixin;

/** An experiment command whose experiment runs a meta-optimisation: it also takes {@code --seeds N}. */
public abstract class MetaExperimentCommand extends ExperimentCommand {
    @Mixin
    protected MetaSeedsOptions metaSeeds = new MetaSeedsOptions();

    @Override
    protected RunOptions runOptions() {
        return super.runOptions().withSeeds(metaSeeds.seeds());
    }
}
