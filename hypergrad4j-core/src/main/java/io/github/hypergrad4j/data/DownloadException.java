package io.github.hypergrad4j.data;

import java.io.IOException;

/** A file could not be downloaded from any mirror; the message lists each attempt and why it failed. */
public class DownloadException extends IOException {
    /**
     * A failed download.
     *
     * @param message each attempt and why it failed
     */
    public DownloadException(String message) {
        super(message);
    }
}
