package io.github.hypergrad4j.cli;

import io.github.hypergrad4j.experiments.ConfigException;
import io.github.hypergrad4j.experiments.DataSource;
import io.github.hypergrad4j.experiments.Experiment;
import io.github.hypergrad4j.experiments.ExperimentRunner;
import io.github.hypergrad4j.experiments.PreviousRun;
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

    @Option(names = "--resume", description = "Continue an interrupted 'all' in DIR: experiments that finished with"
            + " these options are kept, an interrupted meta-optimisation continues from its checkpoint, the rest run.")
    boolean resume;

    @Option(names = "--skip", split = ",", paramLabel = "NAME,...", description = "Experiments to leave out.")
    List<String> skip = new ArrayList<>();

    @Override
    protected ExitCode execute() throws Exception {
        RunOptions base = RunOptions.defaults().withResume(resume, overwrite); // refuses the two together
        List<CommandLine> experiments = experiments();
        List<String> known = experiments.stream().map(CommandLine::getCommandName).toList();
        for (String name : skip) {
            if (!known.contains(name)) {
                throw new ConfigException("--skip " + name + ": there is no experiment of that name. The experiments"
                        + " are " + String.join(", ", known) + ".");
            }
        }
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
        for (CommandLine sub : experiments) {
            if (skip.contains(sub.getCommandName())) {
                continue;
            }
            ExperimentCommand fresh = (ExperimentCommand) sub.getCommand().getClass().getDeclaredConstructor().newInstance();
            new CommandLine(fresh).parseArgs(); // the subcommand's defaults
            Experiment experiment = fresh.experiment(!full);
            String command = command(experiment.name());
            RunOptions options = base;
            if (resume) {
                PreviousRun previous = PreviousRun.of(out, experiment, !full, seed, source);
                if (previous == PreviousRun.FINISHED) {
                    log.accept(experiment.name() + ": finished earlier with these options, kept");
                    names.add(experiment.name());
                    continue;
                }
                if (previous == PreviousRun.FINISHED_OTHERWISE) {
                    throw new ConfigException(out.resolve(experiment.name()) + " holds a finished run made with other"
                            + " settings (size, seed, data or configuration) than this 'all' gives it (" + command
                            + "). Resume with the options of the interrupted 'all', use --overwrite to run everything"
                            + " again, or choose another --out.");
                }
                // continue from the checkpoint; replace what an interrupted run without one left; or start
                options = base.withResume(previous == PreviousRun.CHECKPOINTED, previous == PreviousRun.INCOMPLETE);
            }
            log.accept(String.format(Locale.ROOT, "%s%s, seed %d, writing %s", experiment.name(), full ? "" : " (quick)",
                    seed, out.resolve(experiment.name())));
            ExperimentRunner.Outcome outcome = ExperimentRunner.run(experiment, new ExperimentRunner.Settings(seed, !full,
                    source, out, progress, log, command, options));
            o.printf(Locale.ROOT, "%s finished in %s%n", experiment.name(), ConsoleProgress.duration(outcome.seconds()));
            names.add(experiment.name());
            total += outcome.seconds();
            index = outcome.index();
        }
        o.printf(Locale.ROOT, "%d experiments (%s) finished in %s. Report: %s%n", names.size(), String.join(", ", names),
                ConsoleProgress.duration(total), index == null ? out.resolve("index.html").toAbsolutePath().normalize()
                        : index.toAbsolutePath().normalize());
        o.flush();
        return ExitCode.OK;
    }

    /** The experiment subcommands, in the order of the command's help. */
    private List<CommandLine> experiments() {
        List<CommandLine> list = new ArrayList<>();
        for (CommandLine sub : spec.parent().subcommands().values()) {
            if (sub.getCommand() instanceof ExperimentCommand && sub.getCommandName().equals(sub.getCommandSpec().name())) {
                list.add(sub);
            }
        }
        return list;
    }

    /**
     * The command that reproduces one experiment of this run exactly, as recorded in its results: the
     * size, seed, data and output directory as given here.
     */
    private String command(String experiment) {
        return "./hypergrad4j " + experiment + (full ? "" : " --quick") + " --seed " + seed + " --data "
                + ExperimentCommand.quote(data) + " --out " + ExperimentCommand.quote(out.toString());
    }
}
