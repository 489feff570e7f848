package io.github.hypergrad4j.cli;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Quiets library log lines that are expected and say nothing to a user (netlib reporting which BLAS
 * implementations it could not load, the chosen backend and thread count, which results.json records
 * anyway);
 * {@code --debug} shows them all.
 */
final class Logging {
    /** Held so that the configured levels are not lost when the loggers are garbage-collected. */
    private static final Logger NETLIB = Logger.getLogger("dev.ludovic.netlib");
    private static final Logger BLAS = Logger.getLogger("io.github.hypergrad4j.tensor.Blas");
    private static final Logger THREADS = Logger.getLogger("io.github.hypergrad4j.tensor.Parallelism");

    private Logging() {}

    static void configure(boolean debug) {
        NETLIB.setLevel(debug ? Level.ALL : Level.SEVERE);
        BLAS.setLevel(debug ? Level.ALL : Level.WARNING);
        THREADS.setLevel(debug ? Level.ALL : Level.WARNING);
    }
}
