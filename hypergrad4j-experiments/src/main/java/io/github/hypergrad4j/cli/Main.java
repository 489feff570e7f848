package io.github.hypergrad4j.cli;

import io.github.hypergrad4j.bench.BenchCommand;
import io.github.hypergrad4j.report.Version;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/** The {@code hypergrad4j} command: one subcommand per experiment of the seed log, plus {@code list}. */
@Command(name = "hypergrad4j", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = {"Gradient-based hyperparameter optimisation through exactly reversible learning:"
                + " the experiments of the seed log. Each writes OUT/<experiment>/results.json, PNG figures and"
                + " updates OUT/index.html."},
        subcommands = {ScaleWigglinessCommand.class, LrWigglinessCommand.class, FakeDataCommand.class, ArdCommand.class,
            LrScheduleCommand.class, AdamScheduleCommand.class, InitScalesCommand.class, InitDistCommand.class,
            AugmentCommand.class, AugmentFlowCommand.class, WeightSharingCommand.class, AllCommand.class, ListCommand.class,
            BenchCommand.class,
            CommandLine.HelpCommand.class},
        exitCodeListHeading = "Exit codes:%n")
public final class Main implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.USAGE.code();
    }

    /** The configured command line, with short messages for bad options. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.getCommandSpec().usageMessage().exitCodeList(exitCodes());
        for (CommandLine sub : cl.getSubcommands().values()) {
            sub.getCommandSpec().usageMessage().exitCodeListHeading("Exit codes:%n").exitCodeList(exitCodes());
        }
        cl.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println(ex.getCommandLine().getCommandSpec().qualifiedName() + ": " + ex.getMessage());
            err.println("Run '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for the options.");
            err.flush();
            return ExitCode.USAGE.code();
        });
        return cl;
    }

    private static java.util.Map<String, String> exitCodes() {
        java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
        for (ExitCode c : ExitCode.values()) {
            m.put(String.format("%3d", c.code()), c.name().toLowerCase(java.util.Locale.ROOT) + ": " + c.meaning());
        }
        return m;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** Reports the project version. */
    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"hypergrad4j " + Version.get()};
        }
    }
}
