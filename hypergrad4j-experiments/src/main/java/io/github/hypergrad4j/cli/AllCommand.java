package io.github.hypergrad4j.cli;

import io.github.hypergrad4j.experiments.DataSource;
import io.github.hypergrad4j.experiments.Experiment;
import io.github.hypergrad4j.experiments.ExperimentRunner;
import io.github.hypergrad4j.experiments.Progress;
import io.github.hypergrad4j.experiments.RunOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * {@code hypergrad4j all}: every experiment subcommand with its default options, one after the other,
 * into one report; quick sizes unless {@code --full}.
 */
@Command(name = "all", sortOptions = false,
        description = {"Run every experiment into one report: the quick versions (a few minutes in all), or with --full"
                + " the log's sizes (hours)."})
public final class AllCommand extends BaseCommand {
    @Option(names = "--full", description = "The log's sizes instead of the quick versions.")
    boolean full;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0", description = "Seed of every run; default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--data", paramLabel = "NAME|DIR", defaultValue = "auto",
            description = "auto, mnist, fashion-mnist, or a directory of IDX files; default: ${DEFAULT-VALUE}.")
    String data;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "out", description = "Report directory; default: ${DEFAULT-VALUE}.")
    Path out;

    @Option(names = "--overwrite", description = "Replace earlier runs' files in DIR.")
    boolean overwrite;

    @Option(names = "--skip", split = ",", paramLabel = "NAME,...", description = "Experiments to leave out.")
    List<String> skip = new ArrayList<>();

    @Override
    protected ExitCode execute() throws Exception {
        DataSource source = DataSource.parse(data, ProjectRoot.find().orElse(null));
        PrintWriter o = spec.commandLine().getOut();
        Consumer<String> log = verbosity.quiet() ? message -> { } : message -> {
            o.println(message);
            o.flush();
        };
        Progress progress = verbosity.quiet() ? Progress.NONE : new ConsoleProgress(System.err, System.console() != null);
        List<String> names = new ArrayList<>();
        double total = 0;
        Path index = null;
        for (CommandLine sub : spec.parent().subcommands().values()) {
            if (!(sub.getCommand() instanceof ExperimentCommand) || !sub.getCommandName().equals(sub.getCommandSpec().name())
                    || skip.contains(sub.getCommandName())) {
                continue;
            }
            ExperimentCommand fresh = (ExperimentCommand) sub.getCommand().getClass().getDeclaredConstructor().newInstance();
            new CommandLine(fresh).parseArgs(); // the subcommand's defaults
            Experiment experiment = fresh.experiment(!full);
            log.accept(String.format(Locale.ROOT, "%s%s, seed %d, writing %s", experiment.name(), full ? "" : " (quick)",
                    seed, out.resolve(experiment.name())));
            ExperimentRunner.Outcome outcome = ExperimentRunner.run(experiment, new ExperimentRunner.Settings(seed, !full,
                    source, out, progress, log, "./hypergrad4j " + experiment.name() + (full ? "" : " --quick") + " --seed "
                    + seed, RunOptions.defaults().withResume(false, overwrite)));
            o.printf(Locale.ROOT, "%s finished in %s%n", experiment.name(), ConsoleProgress.duration(outcome.seconds()));
            names.add(experiment.name());
            total += outcome.seconds();
            index = outcome.index();
        }
        o.printf(Locale.ROOT, "%d experiments (%s) finished in %s. Report: %s%n", names.size(), String.join(", ", names),
                ConsoleProgress.duration(total), index == null ? "-" : index.toAbsolutePath().normalize());
        o.flush();
        return ExitCode.OK;
    }
}
