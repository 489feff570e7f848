package io.github.hypergrad4j.data;

import java.io.IOException;
import java.nio.file.Path;

/**
 * An IDX file (or a pair of them) is not what it must be. The message names the file, says what is wrong
 * and what to do about it, so that it can be shown to a user as is.
 */
public class IdxFormatException extends IOException {
    /** The offending file. */
    private final Path file;

    /**
     * @param file the offending file
     * @param problem what is wrong, e.g. "is truncated: ..."
     * @param remedy what the user can do, e.g. "delete it and download it again"
     */
    public IdxFormatException(Path file, String problem, String remedy) {
        this(file, problem, remedy, null);
    }

    /**
     * A broken file, with the exception that revealed it.
     *
     * @param file the offending file
     * @param problem what is wrong
     * @param remedy what the user can do
     * @param cause the underlying exception, or null
     */
    public IdxFormatException(Path file, String problem, String remedy, Throwable cause) {
        super(file + ": " + problem + ". " + capitalise(remedy) + ".", cause);
        this.file = file;
    }

    /**
     * The file the problem is in.
     *
     * @return the path
     */
    public Path file() {
        return file;
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
