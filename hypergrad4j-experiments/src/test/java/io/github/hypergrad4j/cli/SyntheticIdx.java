package io.github.hypergrad4j.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

/** Data directories for command-line tests that must not depend on a dataset being installed. */
final class SyntheticIdx {
    private SyntheticIdx() {}

    /** An MNIST-named pair of raw IDX files: count random side x side images, label of image i is i mod 10. */
    static Path write(Path dir, int count, int side) throws IOException {
        Files.createDirectories(dir);
        SplittableRandom r = new SplittableRandom(side);
        ByteBuffer im = ByteBuffer.allocate(16 + count * side * side).putInt(0x0803).putInt(count).putInt(side).putInt(side);
        byte[] px = new byte[count * side * side];
        for (int i = 0; i < px.length; i++) {
            px[i] = (byte) r.nextInt(256);
        }
        im.put(px);
        Files.write(dir.resolve("train-images-idx3-ubyte"), im.array());
        Files.write(dir.resolve("train-labels-idx1-ubyte"), labels(count));
        return dir;
    }

    /**
     * A gzipped pair whose images file expands to {@code count} x 28 x 28 bytes (mostly zeros, so the file
     * itself stays small): a pool far larger than a quick run needs.
     */
    static Path writeLargeGzip(Path dir, int count) throws IOException {
        Files.createDirectories(dir);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("train-images-idx3-ubyte.gz")),
                1 << 16)) {
            out.write(ByteBuffer.allocate(16).putInt(0x0803).putInt(count).putInt(28).putInt(28).array());
            byte[] image = new byte[784];
            for (int i = 0; i < count; i++) {
                image[i % 784] = (byte) i;
                out.write(image);
                image[i % 784] = 0;
            }
        }
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("train-labels-idx1-ubyte.gz")))) {
            out.write(labels(count));
        }
        return dir;
    }

    private static byte[] labels(int count) {
        ByteBuffer lab = ByteBuffer.allocate(8 + count).putInt(0x0801).putInt(count);
        for (int i = 0; i < count; i++) {
            lab.put((byte) (i % 10));
        }
        return lab.array();
    }
}
