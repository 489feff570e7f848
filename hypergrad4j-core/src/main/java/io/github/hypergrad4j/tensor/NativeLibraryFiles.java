package io.github.hypergrad4j.tensor;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The copies of netlib's JNI library that it extracts into the temporary directory before loading it
 * ({@code libnetlibblasjni.so<digits>}), deleted only when the JVM exits normally, so every killed
 * process used to leave one behind. On Linux a loaded library needs no name, so this process's copy is
 * deleted right after loading, and copies older than {@link #STALE} (from killed processes; any process
 * still loading its own does so within milliseconds) are deleted too. Elsewhere nothing is touched.
 */
final class NativeLibraryFiles {
    private static final String PREFIX = "libnetlibblasjni.so";
    private static final Duration STALE = Duration.ofMinutes(10);

    private NativeLibraryFiles() {}

    /** The extracted copies now in the temporary directory (empty where this cleaning does not apply). */
    static Set<Path> list() {
        Set<Path> found = new HashSet<>();
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            return found;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(Path.of(System.getProperty("java.io.tmpdir")),
                PREFIX + "*")) {
            files.forEach(found::add);
        } catch (IOException | RuntimeException e) {
            // an unreadable temporary directory: nothing to clean
        }
        return found;
    }

    /** Deletes the copies that appeared since {@code before} (this process's) and the stale ones. */
    static void removeAfterLoad(Set<Path> before) {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            return;
        }
        FileTime cutoff = FileTime.from(Instant.now().minus(STALE));
        for (Path p : list()) {
            try {
                if (!before.contains(p) || Files.getLastModifiedTime(p).compareTo(cutoff) < 0) {
                    Files.deleteIfExists(p);
                }
            } catch (IOException | RuntimeException e) {
                // another user's file, or gone already
            }
        }
    }
}
