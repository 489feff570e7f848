package io.github.hypergrad4j.cli;

import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Library log lines for the command line. By default the core logs its setup (the BLAS backend, the
 * thread count) at debug level and keeps netlib's expected "failed to load" warnings quiet, so a run
 * prints nothing of them; {@code --debug} shows them all on standard error.
 */
final class Logging {
    /** Held so that the configured levels are not lost when the loggers are garbage-collected. */
    private static final Logger NETLIB = Logger.getLogger("dev.ludovic.netlib");
    private static final Logger SETUP = Logger.getLogger("io.github.hypergrad4j.tensor");
    private static Handler debugHandler;

    private Logging() {}

    static synchronized void configure(boolean debug) {
        NETLIB.setLevel(debug ? Level.ALL : Level.SEVERE);
        SETUP.setLevel(debug ? Level.ALL : Level.INFO);
        if (debug && debugHandler == null) {
            // The root's console handler passes INFO and above only; debug lines need their own.
            debugHandler = new ConsoleHandler();
            debugHandler.setLevel(Level.ALL);
            for (Logger l : new Logger[] {NETLIB, SETUP}) {
                l.setUseParentHandlers(false);
                l.addHandler(debugHandler);
            }
        }
    }
}
