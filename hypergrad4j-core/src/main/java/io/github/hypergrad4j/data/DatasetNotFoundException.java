package io.github.hypergrad4j.data;

import java.io.IOException;

/** No usable copy of a dataset was found; the message lists where we looked and every way to provide one. */
public class DatasetNotFoundException extends IOException {
    public DatasetNotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
