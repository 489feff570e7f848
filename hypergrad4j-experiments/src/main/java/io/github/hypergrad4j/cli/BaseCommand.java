package io.github.hypergrad4j.cli;

import io.github.hypergrad4j.data.DatasetNotFoundException;
import io.github.hypergrad4j.data.DownloadException;
import io.github.hypergrad4j.data.IdxFormatException;
import io.github.hypergrad4j.experiments.ConfigException;
import io.github.hypergrad4j.train.NonFiniteInputException;
import io.github.hypergrad4j.report.DirectoryInUseException;
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
    /** The command line's ways to do what the library's DatasetNotFoundException advises. */
    static final String DATA_OPTIONS = "On the command line: --data DIR names the directory (option 1);"
            + " --data mnist or --data auto (the default) downloads MNIST into the user cache when no local copy"
            + " is found (option 5).";

    @Mixin
    protected VerbosityOptions verbosity = new VerbosityOptions();

    @Spec
    protected CommandSpec spec;

    /** The library's data advice names its own methods; a command-line user needs the options instead. */
    private static String inOptions(String advice) {
        return advice
                .replace("name the directory: DatasetLocator.withExplicitDirectory(DIR)", "pass --data DIR")
                .replace("DatasetLocator.withExplicitDirectory(DIR)", "--data DIR")
                .replace("allow the download with DatasetLocator.allowDownload()",
                        "run with --data mnist or --data auto (the default) on a machine with internet access");
    }

    /** The command's work; exceptions are reported by {@link #call()}. */
    protected abstract ExitCode execute() throws Exception;

    @Override
    public final Integer call() {
        Logging.configure(verbosity.debug());
        try {
            return execute().code();
        } catch (ConfigException e) {
            return fail(ExitCode.USAGE, e, e.getMessage() + "\nRun '" + qualifiedName() + " --help' for the options.");
        } catch (DatasetNotFoundException e) {
            return fail(ExitCode.DATA, e, inOptions(e.getMessage()) + "\n" + DATA_OPTIONS);
        } catch (DownloadException | IdxFormatException e) {
            return fail(ExitCode.DATA, e, inOptions(e.getMessage()));
        } catch (NonFiniteInputException e) {
            // Not a diverged run but a NaN or infinity that reached it (e.g. from a meta step).
            return fail(ExitCode.DIVERGED, e, e.getMessage());
        } catch (TrainingDivergedException e) {
            return fail(ExitCode.DIVERGED, e, "training diverged: " + e.getMessage());
        } catch (DirectoryInUseException e) {
            return fail(ExitCode.USAGE, e, e.getMessage());
        } catch (IOException e) {
            return fail(ExitCode.IO, e, "could not read or write a file: " + describe(e)
                    + "\nCheck that the output directory (--out) is writable and the disk is not full; a"
                    + " meta-optimisation that was interrupted can continue with --resume.");
        } catch (UncheckedIOException e) {
            return fail(ExitCode.IO, e, e.getMessage() + "\nCheck that the directory is writable and the disk is not"
                    + " full; a meta-optimisation that was interrupted can continue with --resume.");
        } catch (OutOfMemoryError e) {
            // Not a bug but a configuration too large for this machine: a usage error with what would help.
            return fail(ExitCode.USAGE, e, "out of memory" + outOfMemoryAdvice());
        } catch (Exception e) {
            return fail(ExitCode.ERROR, e, "unexpected error: " + e + "\nThis is a bug. Rerun with --debug and report"
                    + " the stack trace.");
        }
    }

    /**
     * What ran out of memory and what would help, after "out of memory": here only the Java heap option;
     * commands that know their input and options say more.
     */
    protected String outOfMemoryAdvice() {
        return ". Give Java more memory with HYPERGRAD4J_JAVA_OPTS=-Xmx8g.";
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
