package io.github.hypergrad4j.cli;

import io.github.hypergrad4j.data.DatasetNotFoundException;
import io.github.hypergrad4j.data.DownloadException;
import io.github.hypergrad4j.data.IdxFormatException;
import io.github.hypergrad4j.experiments.ConfigException;
import io.github.hypergrad4j.train.TrainingDivergedException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
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
            return fail(ExitCode.IO, e, "could not read or write a file: " + describe(e)
                    + "\nCheck that the output directory (--out) is writable and the disk is not full; a"
                    + " meta-optimisation that was interrupted can continue with --resume.");
        } catch (UncheckedIOException e) {
            return fail(ExitCode.IO, e, e.getMessage() + "\nCheck that the directory is writable and the disk is not"
                    + " full; a meta-optimisation that was interrupted can continue with --resume.");
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

    /** An I/O error in words: Java's file-system exceptions carry only the path as their message. */
    static String describe(IOException e) {
        if (e instanceof AccessDeniedException a) {
            return "permission denied: " + a.getFile();
        }
        if (e instanceof FileAlreadyExistsException f) {
            return f.getFile() + " exists and is in the way (is it a file where a directory should be?)";
        }
        if (e instanceof FileSystemException f) {
            return f.getFile() + (f.getReason() != null ? ": " + f.getReason() : "")
                    + (f.getOtherFile() != null ? " (" + f.getOtherFile() + ")" : "");
        }
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }

    /** "hypergrad4j ard", for messages. */
    protected String qualifiedName() {
        return spec.qualifiedName();
    }
}
