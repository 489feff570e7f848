package io.github.hypergrad4j.cli;

import io.github.hypergrad4j.data.DatasetNotFoundException;
import io.github.hypergrad4j.data.DownloadException;
import io.github.hypergrad4j.data.IdxFormatException;
import io.github.hypergrad4j.experiments.ConfigException;
import io.github.hypergrad4j.train.TrainingDivergedException;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A subcommand that turns every failure into a short message saying what to do and a named
 * {@link ExitCode}; the stack trace is shown only with {@code --debug}. Subcommands inherit
 * {@code --help} and {@code --version}.
 */
@Command(mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class)
public abstract class BaseCommand implements Callable<Integer> {
    @Mixin
    protected VerbosityOptions verbosity = new VerbosityOptions();

    @Spec
    protected CommandSpec spec;

    /** The command's work; exceptions are reported by {@link #call()}. */
    protected abstract ExitCode execute() throws Exception;

    @Override
    public final Integer call() {
        Logging.configure(verbosity.debug());
        try {
            return execute().code();
        } catch (ConfigException e) {
            return fail(ExitCode.USAGE, e, e.getMessage() + "\nRun '" + qualifiedName() + " --help' for the options.");
        } catch (DatasetNotFoundException | DownloadException | IdxFormatException e) {
            return fail(ExitCode.DATA, e, e.getMessage());
        } catch (TrainingDivergedException e) {
            return fail(ExitCode.DIVERGED, e, "training diverged: " + e.getMessage());
        } catch (IOException e) {
            return fail(ExitCode.IO, e, "could not read or write a file: " + e.getMessage()
                    + "\nCheck that the output directory (--out) is writable and the disk is not full.");
        } catch (OutOfMemoryError e) {
            return fail(ExitCode.ERROR, e, "out of memory. Give Java more with HYPERGRAD4J_JAVA_OPTS=-Xmx8g, or use"
                    + " smaller sizes (--quick).");
        } catch (Exception e) {
            return fail(ExitCode.ERROR, e, "unexpected error: " + e + "\nThis is a bug. Rerun with --debug and report"
                    + " the stack trace.");
        }
    }

    private int fail(ExitCode code, Throwable e, String message) {
        PrintWriter err = spec.commandLine().getErr();
        err.println(qualifiedName() + ": " + message);
        if (verbosity.debug()) {
            e.printStackTrace(err);
        } else if (code == ExitCode.ERROR || code == ExitCode.DIVERGED) {
            err.println("(--debug shows the stack trace)");
        }
        err.flush();
        return code.code();
    }

    /** "hypergrad4j ard", for messages. */
    protected String qualifiedName() {
        return spec.qualifiedName();
    }
}
