/**
 * The {@code hypergrad4j} command line (picocli): {@link io.github.hypergrad4j.cli.Main} lists one
 * subcommand per experiment, each a thin {@link io.github.hypergrad4j.cli.ExperimentCommand} that turns its
 * options into the experiment's configuration. Shared options are mixins
 * ({@link io.github.hypergrad4j.cli.ExperimentOptions}, {@link io.github.hypergrad4j.cli.VerbosityOptions},
 * {@link io.github.hypergrad4j.cli.SweepOptions}, {@link io.github.hypergrad4j.cli.MetaOptions},
 * {@link io.github.hypergrad4j.cli.InnerRunOptions} for an {@link io.github.hypergrad4j.experiments.InnerRun},
 * {@link io.github.hypergrad4j.cli.SizeOptions});
 * {@link io.github.hypergrad4j.cli.BaseCommand} turns failures into a short message and a named
 * {@link io.github.hypergrad4j.cli.ExitCode}. Outermost stage: user input in, files and exit code out.
 */
package io.github.hypergrad4j.cli;
