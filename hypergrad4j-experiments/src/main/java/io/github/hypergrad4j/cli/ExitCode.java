package io.github.hypergrad4j.cli;

/** The command's exit codes, listed in every subcommand's help. */
public enum ExitCode {
    /** The run finished and wrote its files. */
    OK(0, "success"),
    /** An unexpected failure (a bug): rerun with --debug for the stack trace. */
    ERROR(1, "unexpected error (a bug; rerun with --debug)"),
    /** Bad options or configuration: the message says which. */
    USAGE(2, "bad options or configuration"),
    /** No usable dataset was found, or its files are broken. */
    DATA(3, "dataset not found or unreadable"),
    /** Training diverged where the experiment cannot record it as a result. */
    DIVERGED(4, "training diverged"),
    /** Output could not be written. */
    IO(5, "could not read or write files");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    /** What the code means, for the help text. */
    public String meaning() {
        return meaning;
    }
}
