package io.github.hypergrad4j.report;

import java.io.IOException;

/**
 * Another run holds the output place this run asked for; the message names that run's process and says
 * what to do. The command line reports it as a usage error (exit 2), not as a failed write.
 */
public final class DirectoryInUseException extends IOException {
    private static final long serialVersionUID = 1L;

    /** @param message what is in use, by whom, and what to do */
    public DirectoryInUseException(String message) {
        super(message);
    }
}
