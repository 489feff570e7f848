package io.github.hypergrad4j.train;

import java.io.Serializable;
import java.nio.file.Path;

/**
 * How much of the information buffer a trainer keeps in memory, and where the rest spills: the
 * settings of {@link ReversibleTrainer#withBufferMemory}, as a serialisable value that problems carry to
 * wherever they train (threads, Spark executors). Results never depend on them.
 *
 * @param memoryBytes bytes of buffer words kept in memory, or 0 for no limit (everything in memory)
 * @param directory where spill files go (kept as text so that the value is serialisable); ignored
 *     without a limit
 */
public record BufferSettings(long memoryBytes, String directory) implements Serializable {
    /** Everything in memory. */
    public static final BufferSettings IN_MEMORY = new BufferSettings(0, null);

    public BufferSettings {
        if (memoryBytes < 0) {
            throw new IllegalArgumentException("buffer memory must be >= 0 bytes (0: no limit), got " + memoryBytes);
        }
        if (memoryBytes > 0 && (directory == null || directory.isBlank())) {
            throw new IllegalArgumentException("a buffer memory limit needs a directory for the spill files");
        }
    }

    /** A limit of {@code memoryBytes} (0: none) spilling into {@code directory}. */
    public static BufferSettings of(long memoryBytes, Path directory) {
        return memoryBytes == 0 ? IN_MEMORY : new BufferSettings(memoryBytes, directory.toString());
    }

    /** {@code trainer} with these settings. */
    public ReversibleTrainer apply(ReversibleTrainer trainer) {
        return memoryBytes == 0 ? trainer : trainer.withBufferMemory(memoryBytes, Path.of(directory));
    }
}
