package io.github.hypergrad4j.report;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One experiment's place in an output directory, {@code OUT/<name>/}, claimed by one run at a time.
 *
 * <p>{@link #claim} takes the exclusive lock {@code OUT/.<name>.lock} before anything else is written, so
 * a second run into the same place refuses at once (naming the first run's process) instead of mixing
 * its files with the first one's; runs of other experiments into the same {@code OUT} go on in parallel.
 * Holding the lock, it repairs what a crash left: temporary files of interrupted atomic writes, a
 * staging directory with nothing worth keeping, and a swap cut between its two renames.
 *
 * <p>A run that replaces an earlier one builds in the sibling staging directory {@code OUT/.<name>.new/}
 * and {@link #commit commits} at the end: the old directory is renamed aside, the new one into its place,
 * and the old one deleted. A kill at any moment therefore leaves the old run (with a staging directory
 * that the next start removes, or resumes from its checkpoint) or the new run; a kill in the instant
 * between the two renames leaves both aside, and the next start completes the swap.
 */
public final class RunSlot implements AutoCloseable {
    private final Path out;
    private final String name;
    private final LockFile lock;
    private final List<Path> createdDirectories;
    private final List<String> repairs = new ArrayList<>();

    private RunSlot(Path out, String name, LockFile lock, List<Path> createdDirectories) {
        this.out = out;
        this.name = name;
        this.lock = lock;
        this.createdDirectories = createdDirectories;
    }

    /**
     * Claims {@code out/name} for this run and repairs what earlier crashes left there.
     *
     * @param holder describes this run for the message of a run that finds the place taken
     * @param keepFile a file that makes a staging directory worth keeping (a checkpoint to resume from)
     * @param completeFile the file written last by a run, marking a staging directory as complete
     * @throws DirectoryInUseException if another run holds the place
     */
    public static RunSlot claim(Path out, String name, String holder, String keepFile, String completeFile)
            throws IOException {
        return claim(out, name, holder, dir -> Files.isRegularFile(dir.resolve(keepFile)), completeFile);
    }

    /** What makes a staging directory worth keeping (e.g. a checkpoint to resume from, in it or below it). */
    @FunctionalInterface
    public interface WorthKeeping {
        boolean test(Path directory) throws IOException;
    }

    /**
     * As {@link #claim(Path, String, String, String, String)}, with a test of whether a staging directory
     * holds something to resume from.
     */
    public static RunSlot claim(Path out, String name, String holder, WorthKeeping keep, String completeFile)
            throws IOException {
        List<Path> missing = new ArrayList<>();
        for (Path p = out.toAbsolutePath().normalize(); p != null && !Files.exists(p); p = p.getParent()) {
            missing.add(p);
        }
        Path lockPath = out.resolve("." + name + ".lock");
        LockFile lock;
        try {
            lock = LockFile.tryAcquire(lockPath, holder);
        } catch (IOException e) {
            removeEmptyDirectories(missing);
            throw e;
        }
        if (lock == null) {
            removeEmptyDirectories(missing);
            throw new DirectoryInUseException(out.resolve(name) + " is in use by another run (" + LockFile.holder(lockPath)
                    + "). Wait for it to finish, or give this run another --out.");
        }
        RunSlot slot = new RunSlot(out, name, lock, missing);
        try {
            slot.repair(keep, completeFile);
        } catch (IOException | RuntimeException e) {
            slot.close();
            throw e;
        }
        return slot;
    }

    private void repair(WorthKeeping keep, String completeFile) throws IOException {
        Path dir = directory(), staging = staging(), aside = aside();
        if (Files.isDirectory(aside)) {
            if (!Files.exists(dir)) {
                boolean complete = Files.isRegularFile(staging.resolve(completeFile));
                move(complete ? staging : aside, dir);
                repairs.add(complete ? "completed the replacement of " + dir + " that an earlier run began"
                        : "restored " + dir + " from an interrupted replacement");
            }
            deleteTree(aside);
        }
        if (Files.isDirectory(staging) && !keep.test(staging)) {
            deleteTree(staging);
            repairs.add("removed " + staging + ", left by an interrupted --overwrite with nothing to resume");
        }
        for (Path d : List.of(dir, staging)) {
            int n = AtomicFiles.removeStaleTemporaryFiles(d);
            if (n > 0) {
                repairs.add("removed " + n + " temporary file(s) of interrupted writes in " + d);
            }
        }
    }

    /** What {@link #claim} repaired, one sentence each, for the user's log. */
    public List<String> repairs() {
        return List.copyOf(repairs);
    }

    /** The experiment's directory, {@code OUT/<name>}. */
    public Path directory() {
        return out.resolve(name);
    }

    /** Where a replacement is built: {@code OUT/.<name>.new}. */
    public Path staging() {
        return stagingOf(out, name);
    }

    /** Where a replacement of {@code out/name} is built. */
    public static Path stagingOf(Path out, String name) {
        return out.resolve("." + name + ".new");
    }

    private Path aside() {
        return out.resolve("." + name + ".old");
    }

    /** Whether {@link #directory()} exists and holds files. */
    public boolean occupied() throws IOException {
        if (!Files.isDirectory(directory())) {
            return false;
        }
        try (Stream<Path> s = Files.list(directory())) {
            return s.findAny().isPresent();
        }
    }

    /** An empty staging directory (an earlier one is deleted). */
    public Path freshStaging() throws IOException {
        deleteTree(staging());
        return Files.createDirectories(staging());
    }

    /** Removes the staging directory and everything in it. */
    public void discardStaging() throws IOException {
        deleteTree(staging());
    }

    /**
     * Makes {@code built} the experiment's directory: nothing to do when it already is; a staging directory
     * replaces the old directory (see the class comment).
     */
    public void commit(Path built) throws IOException {
        if (built.equals(directory())) {
            return;
        }
        if (!built.equals(staging())) {
            throw new IllegalArgumentException(built + " is neither " + directory() + " nor " + staging());
        }
        Path dir = directory();
        if (Files.exists(dir)) {
            deleteTree(aside());
            move(dir, aside());
        }
        move(staging(), dir);
        deleteTree(aside());
    }

    /** Releases the place; removes {@code OUT} (and parents) again when this run created it and left it empty. */
    @Override
    public void close() throws IOException {
        lock.close();
        removeEmptyDirectories(createdDirectories);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (java.nio.file.AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    /** Removes directories this run created, deepest first, as long as they are empty. */
    private static void removeEmptyDirectories(List<Path> created) {
        for (Path p : created) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                return; // not empty: a result or checkpoint to keep, or another run's files
            }
        }
    }

    /** Deletes a directory tree (no-op when absent); does not follow symbolic links. */
    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.deleteIfExists(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
