package io.github.hypergrad4j.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Builds IDX files, valid and broken, for the tests. */
final class IdxFixtures {
    private IdxFixtures() {
    }

    /** Header (magic with the given type code and rank, then dims) followed by the payload. */
    static byte[] idx(int typeCode, int[] dims, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length + payload.length);
        b.put((byte) 0).put((byte) 0).put((byte) typeCode).put((byte) dims.length);
        for (int d : dims) {
            b.putInt(d);
        }
        b.put(payload);
        return b.array();
    }

    /** An unsigned-byte image file: count x rows x cols, pixel (i, k) = (i * 31 + k) mod 256. */
    static byte[] images(int count, int rows, int cols) {
        byte[] px = new byte[count * rows * cols];
        for (int i = 0; i < count; i++) {
            for (int k = 0; k < rows * cols; k++) {
                px[i * rows * cols + k] = (byte) ((i * 31 + k) % 256);
            }
        }
        return idx(0x08, new int[] {count, rows, cols}, px);
    }

    /** An unsigned-byte label file holding the given labels. */
    static byte[] labels(int... labels) {
        byte[] b = new byte[labels.length];
        for (int i = 0; i < labels.length; i++) {
            b[i] = (byte) labels[i];
        }
        return idx(0x08, new int[] {labels.length}, b);
    }

    static byte[] gzip(byte[] data) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
                gz.write(data);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path write(Path dir, String name, byte[] content) {
        try {
            return Files.write(dir.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes a complete MNIST-style directory: train (trainCount images) and test (testCount images) pairs,
     * gzipped, of 4 x 4 pixel images; label of image i is i mod 10.
     */
    static void writeDataset(Path dir, int trainCount, int testCount) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (trainCount > 0) {
            write(dir, "train-images-idx3-ubyte.gz", gzip(images(trainCount, 4, 4)));
            write(dir, "train-labels-idx1-ubyte.gz", gzip(labels(cyclicLabels(trainCount))));
        }
        if (testCount > 0) {
            write(dir, "t10k-images-idx3-ubyte.gz", gzip(images(testCount, 4, 4)));
            write(dir, "t10k-labels-idx1-ubyte.gz", gzip(labels(cyclicLabels(testCount))));
        }
    }

    static int[] cyclicLabels(int n) {
        int[] l = new int[n];
        for (int i = 0; i < n; i++) {
            l[i] = i % 10;
        }
        return l;
    }
}
