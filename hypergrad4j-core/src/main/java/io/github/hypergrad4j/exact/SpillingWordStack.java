package io.github.hypergrad4j.exact;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A {@link WordStack} that keeps at most a given number of bytes in memory and moves its oldest words
 * to a temporary file beyond that, reading them back as the reverse pass consumes the stack. The
 * logical content (file words, then memory words) is the same stack as {@link ArrayWordStack}'s, with
 * the same zero floor, so reversal stays exact. The file's name is removed as soon as it is open (where
 * the system allows), so even a killed process leaves no file; {@link #close()} releases it; call it also
 * when training fails.
 */
public final class SpillingWordStack implements WordStack, AutoCloseable {
    /** The smallest in-memory part, whatever the budget. */
    public static final int MIN_WORDS = 1024;

    private final Path directory;
    private final int[] memory;
    private int size;
    private long borrowed;
    private Path path;
    private FileChannel file;
    private long fileWords;
    private boolean unlinked;

    /**
     * @param memoryBytes bytes of words to keep in memory (at least {@value #MIN_WORDS} words are kept)
     * @param directory where the spill file is created (only when needed)
     */
    public SpillingWordStack(long memoryBytes, Path directory) {
        if (memoryBytes <= 0) {
            throw new IllegalArgumentException("buffer memory must be positive, got " + memoryBytes + " bytes");
        }
        long words = Math.max(MIN_WORDS, Math.min(memoryBytes / Integer.BYTES, Integer.MAX_VALUE - 8));
        this.memory = new int[(int) words & ~1];
        this.directory = directory;
    }

    @Override
    public void push(int word) {
        if (size == 0 && fileWords == 0 && borrowed > 0 && word == 0) {
            borrowed--;
            return;
        }
        if (size == memory.length) {
            spillOldestHalf();
        }
        memory[size++] = word;
    }

    @Override
    public int pop() {
        if (size == 0) {
            if (fileWords == 0) {
                borrowed++;
                return 0;
            }
            readBackNewest();
        }
        return memory[--size];
    }

    @Override
    public long depth() {
        return fileWords + size - borrowed;
    }

    @Override
    public boolean isEmpty() {
        return size == 0 && fileWords == 0 && borrowed == 0;
    }

    @Override
    public void clear() {
        size = 0;
        borrowed = 0;
        fileWords = 0;
        if (file != null) {
            try {
                file.truncate(0);
            } catch (IOException e) {
                throw failure("truncate", e);
            }
        }
    }

    /**
     * Words currently in the spill file.
     *
     * @return the number of words in the spill file now
     */
    public long spilledWords() {
        return fileWords;
    }

    /**
     * The spill file, or null when nothing was ever spilled.
     *
     * @return its path, deleted by {@link #close()}; see {@link #unlinked()}
     */
    public Path file() {
        return path;
    }

    private void spillOldestHalf() {
        int half = memory.length / 2;
        try {
            if (file == null) {
                Files.createDirectories(directory);
                path = Files.createTempFile(directory, "hypergrad4j-buffer-", ".words");
                file = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
                unlinkWhileOpen();
            }
            ByteBuffer bytes = ByteBuffer.allocate(half * Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            bytes.asIntBuffer().put(memory, 0, half);
            long position = fileWords * Integer.BYTES;
            while (bytes.hasRemaining()) {
                position += file.write(bytes, position);
            }
        } catch (IOException e) {
            throw failure("write", e);
        }
        fileWords += half;
        System.arraycopy(memory, half, memory, 0, size - half);
        size -= half;
    }

    private void readBackNewest() {
        int n = (int) Math.min(memory.length / 2, fileWords);
        long start = (fileWords - n) * Integer.BYTES;
        ByteBuffer bytes = ByteBuffer.allocate(n * Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        try {
            long position = start;
            while (bytes.hasRemaining()) {
                int read = file.read(bytes, position);
                if (read < 0) {
                    throw new IOException("spill file ended early (was it modified?)");
                }
                position += read;
            }
            file.truncate(start);
        } catch (IOException e) {
            throw failure("read", e);
        }
        bytes.flip();
        IntBuffer ints = bytes.asIntBuffer();
        ints.get(memory, 0, n);
        size = n;
        fileWords -= n;
    }

    /**
     * Removes the spill file's name at once, keeping it open: on POSIX systems the space lives on until the
     * channel is closed, and a process killed with -9 leaves nothing behind. Where an open file cannot be
     * deleted (Windows), the file is deleted at exit and in {@link #close()}.
     */
    private void unlinkWhileOpen() {
        try {
            Files.delete(path);
            unlinked = true;
        } catch (IOException e) {
            path.toFile().deleteOnExit();
        }
    }

    /**
     * Whether the spill file's name was removed while it is open, so nothing is left behind if the
     * process is killed.
     *
     * @return true once the open file was unlinked; false before the first spill, or where the file
     *     system refused (the file is then deleted on exit instead)
     */
    public boolean unlinked() {
        return unlinked;
    }

    private UncheckedIOException failure(String what, IOException e) {
        String reason = e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                : e instanceof java.nio.file.FileSystemException f && f.getReason() != null ? f.getReason()
                : e.getMessage();
        String file = path == null ? "a spill file in " + directory : "the spill file " + path;
        return new UncheckedIOException("could not " + (path == null ? "create" : what) + " the information buffer's "
                + file + ": " + reason + ". Free disk space there, choose another directory, or allow more buffer"
                + " memory", e);
    }

    /** Deletes the spill file. */
    @Override
    public void close() {
        try {
            if (file != null) {
                file.close();
            }
            if (path != null) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw failure("delete", e);
        } finally {
            file = null;
        }
    }

    @Override
    public String toString() {
        return "SpillingWordStack[memory=" + size + ", spilled=" + fileWords + ", borrowed=" + borrowed + "]";
    }
}
