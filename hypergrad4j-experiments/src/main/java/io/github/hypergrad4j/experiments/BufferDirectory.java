package io.github.hypergrad4j.experiments;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks at the start of a run that the information buffer can spill where {@code --buffer-dir} says,
 * rather than hours later when the buffer first fills its memory: the directory exists or can be made,
 * is a directory, and a file can be created in it.
 */
final class BufferDirectory {
    private BufferDirectory() {}

    /** Throws a {@link ConfigException} saying what is wrong with the spill directory, if anything. */
    static void check(RunOptions options) {
        if (options.bufferMemory() <= 0) {
            return; // nothing will spill
        }
        Path dir = options.bufferDirectory();
        String what = "--buffer-dir " + dir;
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new ConfigException(what + " is a file, not a directory. Give a directory for the information"
                    + " buffer's spill file.");
        }
        if (!Files.exists(dir)) {
            Path existing = dir.toAbsolutePath();
            while (existing != null && !Files.exists(existing)) {
                existing = existing.getParent();
            }
            if (existing != null && !Files.isDirectory(existing)) {
                throw new ConfigException(what + " cannot be created: " + existing + " is a file, not a directory."
                        + " Give a directory for the information buffer's spill file.");
            }
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new ConfigException(what + " does not exist and cannot be created (" + reason(e) + "). Create it,"
                        + " or give another directory.", e);
            }
        }
        try {
            Path probe = Files.createTempFile(dir, ".hypergrad4j-probe-", ".tmp");
            Files.delete(probe);
        } catch (IOException e) {
            throw new ConfigException(what + " is not writable (" + reason(e) + "). Give a directory where this user"
                    + " can create files.", e);
        }
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage();
    }
}
