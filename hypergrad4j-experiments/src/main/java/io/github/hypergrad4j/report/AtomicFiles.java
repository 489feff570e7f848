package io.github.hypergrad4j.report;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import javax.imageio.ImageIO;

/**
 * Writes files all at once or not at all: the content goes to a temporary file in the target's
 * directory, which is forced to the disk ({@code fsync}) and then renamed over the target, and the
 * rename itself is forced by syncing the directory. An interrupted run, a crash of the machine or a
 * full disk leaves the previous file (or none), never a truncated one; the temporary file is removed
 * when writing fails.
 *
 * <p>For tests, the system property {@value #SIMULATE_FULL_DISK} makes every write fail half-way with
 * the error a full disk gives.
 */
public final class AtomicFiles {
    /** Test hook: when this system property is set, writes fail as on a full disk. */
    public static final String SIMULATE_FULL_DISK = "hypergrad4j.simulateFullDisk";

    private static final SecureRandom RANDOM = new SecureRandom();
    /** The names of this class's temporary files: {@code .<target>.<hex>.tmp}. */
    private static final java.util.regex.Pattern TEMPORARY = java.util.regex.Pattern.compile("\\..+\\.[0-9a-f]+\\.tmp");

    static {
        // ImageIO's disk cache would put imageio*.tmp files in the system's temporary directory, left there
        // by a killed run; PNGs are small enough to encode in memory.
        ImageIO.setUseCache(false);
    }

    private AtomicFiles() {}

    /**
     * Deletes the temporary files that writes into {@code dir} left when the process was killed half-way
     * (this class removes its own on every failure it sees). Only for a directory no other process writes
     * into at the same time: the caller holds its lock.
     *
     * @return how many were removed
     */
    public static int removeStaleTemporaryFiles(Path dir) throws IOException {
        return removeStaleTemporaryFiles(dir, null);
    }

    /** As {@link #removeStaleTemporaryFiles(Path)}, only those of writes to {@code dir/targetName} (null: all). */
    public static int removeStaleTemporaryFiles(Path dir, String targetName) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        int n = 0;
        try (java.nio.file.DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                if (TEMPORARY.matcher(name).matches() && (targetName == null || name.startsWith("." + targetName + "."))
                        && Files.isRegularFile(f, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    Files.deleteIfExists(f);
                    n++;
                }
            }
        }
        return n;
    }

    /** What writes the content of a file. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes {@code content} to {@code target}, replacing it atomically; creates missing parent directories. */
    public static void write(Path target, Content content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        // Not Files.createTempFile: its owner-only permissions would survive the rename.
        Path tmp = dir.resolve("." + target.getFileName() + "." + Long.toHexString(RANDOM.nextLong()) + ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                OutputStream out = Channels.newOutputStream(channel);
                if (System.getProperty(SIMULATE_FULL_DISK) != null) {
                    out.write(new byte[] {'{'});
                    throw new IOException(tmp + ": No space left on device (simulated with -D" + SIMULATE_FULL_DISK + ")");
                }
                content.writeTo(out);
                out.flush();
                channel.force(true);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            syncDirectory(dir);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Makes a rename in {@code dir} durable; a no-op where directories cannot be opened (Windows). */
    private static void syncDirectory(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // the file itself is complete and renamed; only durability across a power cut is weaker here
        }
    }

    /** Writes UTF-8 text. */
    public static void writeString(Path target, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        write(target, out -> out.write(bytes));
    }

    /** Writes an image as PNG. */
    public static void writePng(Path target, BufferedImage image) throws IOException {
        write(target, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer available in this Java runtime");
            }
        });
    }
}
