package io.github.hypergrad4j.cli;

import picocli.CommandLine.Option;

/** How chatty a command is: {@code --quiet} and {@code --debug}, shared by every command. */
public final class VerbosityOptions {
    @Option(names = {"-q", "--quiet"}, description = "No progress bar and no messages; only the report's path.")
    boolean quiet;

    @Option(names = "--debug", description = "Show stack traces and library log messages on errors.")
    boolean debug;

    public boolean quiet() {
        return quiet;
    }

    public boolean debug() {
        return debug;
    }
}
