package io.github.hypergrad4j.report;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An exclusive lock held on a small file with {@link FileChannel#lock()}: the operating system releases it
 * when the process ends, however it ends (kill -9 included), so a lock file left behind never blocks a
 * later run. The file holds a line naming its holder (process id, start time, command) for the message of
 * whoever finds it taken.
 *
 * <p>{@link #close()} deletes the file while still holding the lock, so a directory is left as clean as it
 * was. A process that opened the file just before it was deleted may then lock the unlinked file; it
 * therefore checks, once it holds the lock, that the path still names the file it locked, and starts
 * again otherwise. Locks are also tracked per JVM (file locks are per process, and two threads of one
 * process must exclude each other too).
 */
public final class LockFile implements AutoCloseable {
    private static final Set<Path> HELD_HERE = ConcurrentHashMap.newKeySet();
    private static final int ATTEMPTS = 100;

    private final Path path;
    private final FileChannel channel;
    private final FileLock lock;

    private LockFile(Path path, FileChannel channel, FileLock lock) {
        this.path = path;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock if it is free, creating the file (and its directory) if needed.
     *
     * @param holder who takes it, recorded in the file for others' messages
     * @return the lock, or null when another process (or another thread of this one) holds it
     */
    public static LockFile tryAcquire(Path path, String holder) throws IOException {
        return acquire(path, holder, false);
    }

    /** Waits until the lock is free and takes it. */
    public static LockFile acquire(Path path, String holder) throws IOException {
        return Objects.requireNonNull(acquire(path, holder, true));
    }

    private static LockFile acquire(Path file, String holder, boolean wait) throws IOException {
        Path path = file.toAbsolutePath().normalize();
        for (int attempt = 0; ; attempt++) {
            if (!HELD_HERE.add(path)) {
                if (!wait) {
                    return null;
                }
                sleep();
                continue;
            }
            boolean ok = false;
            try {
                LockFile l = lockOnce(path, holder, wait);
                if (l == null && !wait) {
                    return null;
                }
                if (l != null) {
                    ok = true;
                    return l;
                }
            } finally {
                if (!ok) {
                    HELD_HERE.remove(path);
                }
            }
            if (attempt > ATTEMPTS) {
                throw new IOException("could not take the lock " + path + ": it is deleted and recreated all the time");
            }
        }
    }

    /** One attempt: the lock, null when busy (not waiting) or when the file was replaced under us (retry). */
    private static LockFile lockOnce(Path path, String holder, boolean wait) throws IOException {
        Files.createDirectories(path.getParent());
        Object before = fileKey(path);
        FileChannel channel;
        try {
            channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (NoSuchFileException e) {
            return wait ? null : lockOnce(path, holder, false); // the directory vanished in between: create it again
        }
        FileLock lock = null;
        try {
            try {
                lock = wait ? channel.lock() : channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // held by this JVM through a path we did not recognise as the same
            }
            if (lock == null) {
                channel.close();
                if (wait) {
                    sleep();
                }
                return null;
            }
            Object after = fileKey(path);
            if (after == null || (before != null && !before.equals(after))) {
                lock.release();
                channel.close();
                return wait ? null : lockOnce(path, holder, false); // we locked a file that was deleted: again
            }
            byte[] line = (holder + "\n").getBytes(StandardCharsets.UTF_8);
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(line), 0);
            return new LockFile(path, channel, lock);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private static Object fileKey(Path path) {
        try {
            BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return a.fileKey() != null ? a.fileKey() : a.creationTime();
        } catch (IOException e) {
            return null;
        }
    }

    private static void sleep() throws IOException {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while waiting for a lock");
        }
    }

    /** What the holder of the lock at {@code path} wrote about itself, or a placeholder when it cannot be read. */
    public static String holder(Path path) {
        try {
            String s = Files.readString(path, StandardCharsets.UTF_8).strip();
            return s.isEmpty() ? "a process that has only just started" : s;
        } catch (IOException e) {
            return "another process";
        }
    }

    /** "process 1234 since 2026-12-01T19:30:00Z: ./hypergrad4j ard --quick", for lock files. */
    public static String describeThisProcess(String command) {
        return "process " + ProcessHandle.current().pid() + " since " + Instant.now().truncatedTo(ChronoUnit.SECONDS)
                + (command == null || command.isEmpty() ? "" : ": " + command);
    }

    /** The lock file. */
    public Path path() {
        return path;
    }

    /** Deletes the file and releases the lock. */
    @Override
    public void close() throws IOException {
        try {
            Files.deleteIfExists(path);
        } finally {
            try {
                if (lock.isValid()) {
                    lock.release();
                }
            } finally {
                channel.close();
                HELD_HERE.remove(path);
            }
        }
    }
}
