package io.github.hypergrad4j.data;

import java.io.IOException;

/** No usable copy of a dataset was found; the message lists where we looked and every way to provide one. */
public class DatasetNotFoundException extends IOException {
    /**
     * A dataset that was not found.
     *
     * @param message where it was looked for and what the user can do
     * @param cause the failure of a download attempt, or null
     */
    public DatasetNotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
