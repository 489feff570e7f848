package io.github.hypergrad4j.cli;

import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/** {@code hypergrad4j list}: the experiment subcommands, one per line, for scripts. */
@Command(name = "list", description = "Print the name of every experiment subcommand, one per line.")
public final class ListCommand extends BaseCommand {
    @Override
    protected ExitCode execute() {
        PrintWriter out = spec.commandLine().getOut();
        for (CommandLine sub : spec.parent().subcommands().values()) {
            if (sub.getCommand() instanceof ExperimentCommand && sub.getCommandName().equals(sub.getCommandSpec().name())) {
                out.println(sub.getCommandName());
            }
        }
        out.flush();
        return ExitCode.OK;
    }
}
