package io.github.hypergrad4j.cli;

import io.github.hypergrad4j.experiments.DataSource;
import io.github.hypergrad4j.experiments.Experiment;
import io.github.hypergrad4j.experiments.ExperimentRunner;
import io.github.hypergrad4j.experiments.RunOptions;
import io.github.hypergrad4j.experiments.Progress;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.Consumer;
import picocli.CommandLine.Mixin;

/**
 * A subcommand that runs one experiment: subclasses only turn their options into the experiment's
 * configuration; running it, progress, messages and the report are the same for all.
 */
public abstract class ExperimentCommand extends BaseCommand {
    @Mixin
    protected ExperimentOptions options = new ExperimentOptions();

    /** The experiment, configured from its defaults (or quick size) and the command's options. */
    protected abstract Experiment experiment(boolean quick);

    @Override
    protected ExitCode execute() throws Exception {
        Experiment experiment = experiment(options.quick());
        DataSource data = DataSource.parse(options.data(), ProjectRoot.find().orElse(null));
        PrintWriter out = spec.commandLine().getOut();
        boolean quiet = verbosity.quiet();
        Consumer<String> log = quiet ? message -> { } : message -> {
            out.println(message);
            out.flush();
        };
        Progress progress = quiet ? Progress.NONE : new ConsoleProgress(System.err, System.console() != null);
        log.accept(String.format(Locale.ROOT, "%s%s, seed %d, writing %s", experiment.name(),
                options.quick() ? " (quick)" : "", options.seed(), options.out().resolve(experiment.name())));
        ExperimentRunner.Outcome outcome = ExperimentRunner.run(experiment, new ExperimentRunner.Settings(
                options.seed(), options.quick(), data, options.out(), progress, log, commandLine(), runOptions()));
        out.printf(Locale.ROOT, "%s finished in %s. Report: %s%n", experiment.name(),
                ConsoleProgress.duration(outcome.seconds()), outcome.index().toAbsolutePath().normalize());
        out.flush();
        return ExitCode.OK;
    }

    /** Resume, guard and buffer settings of this run; a command whose presets change a default overrides it. */
    protected RunOptions runOptions() {
        return options.runOptions();
    }

    /** Whether the user gave {@code name} on the command line (rather than picocli filling in its default). */
    protected boolean given(String name) {
        return spec.commandLine().getParseResult().hasMatchedOption(name);
    }

    @Override
    protected String outOfMemoryAdvice() {
        return " while running " + spec.name() + (options.quick() ? " --quick" : "") + " on --data " + options.data()
                + ". Give Java more memory with HYPERGRAD4J_JAVA_OPTS=-Xmx8g"
                + (options.quick() ? "" : ", run the small version with --quick")
                + ", ask for smaller sets or networks with this experiment's size options (see --help)"
                + (options.bufferMemory == null ? ", or keep most of the information buffer on disk with"
                        + " --buffer-memory 512m" : ", or lower --buffer-memory") + ".";
    }

    /** The command line of this run, to record how to repeat it. */
    private String commandLine() {
        StringBuilder b = new StringBuilder("./hypergrad4j"); // the original arguments start with the subcommand
        for (String arg : spec.commandLine().getParseResult().originalArgs()) {
            b.append(' ').append(quote(arg));
        }
        return b.toString();
    }

    /** An argument as a POSIX shell reads it back unchanged: as is when safe, else in single quotes. */
    static String quote(String arg) {
        return arg.matches("[\\w./=,:+-]+") ? arg : "'" + arg.replace("'", "'\\''") + "'";
    }
}
