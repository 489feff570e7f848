package io.github.hypergrad4j.experiments;

import io.github.hypergrad4j.data.DataSplits;
import io.github.hypergrad4j.data.Dataset;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A SHA-256 fingerprint of the data a run actually read: the drawn training, validation and test sets'
 * shapes, labels and pixel values (as decoded, bit for bit). A checkpoint records it, and a resumed run
 * recomputes it from what it reads now, so a run can no longer continue on other data than it started
 * with (files replaced in the {@code --data} directory, another dataset found by {@code auto}).
 */
final class DataFingerprint {
    private DataFingerprint() {}

    /** The fingerprint of a whole pool (its shape, labels and raw pixel bytes), as 64 hexadecimal digits. */
    static String of(io.github.hypergrad4j.data.LabelledImages pool) {
        MessageDigest sha = sha256();
        sha.update(ByteBuffer.allocate(16).putInt(pool.size()).putInt(pool.height()).putInt(pool.width())
                .putInt(pool.classes()).array());
        int p = pool.pixelsPerImage();
        byte[] row = new byte[p + 1];
        for (int i = 0; i < pool.size(); i++) {
            row[0] = (byte) pool.label(i);
            for (int k = 0; k < p; k++) {
                row[k + 1] = (byte) pool.pixel(i, k);
            }
            sha.update(row);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The fingerprint of the three subsets, as 64 hexadecimal digits. */
    static String of(DataSplits splits) {
        MessageDigest sha = sha256();
        for (Dataset d : new Dataset[] {splits.train(), splits.validation(), splits.test()}) {
            ByteBuffer shape = ByteBuffer.allocate(16).putInt(d.size()).putInt(d.height()).putInt(d.width())
                    .putInt(d.classes());
            sha.update(shape.array());
            int[] labels = d.labels();
            ByteBuffer l = ByteBuffer.allocate(4 * labels.length);
            for (int v : labels) {
                l.putInt(v);
            }
            sha.update(l.array());
            double[] pixels = d.pixels();
            ByteBuffer p = ByteBuffer.allocate(8 * Math.min(pixels.length, 1 << 16));
            for (int i = 0; i < pixels.length; i++) {
                if (!p.hasRemaining()) {
                    sha.update(p.array(), 0, p.position());
                    p.clear();
                }
                p.putLong(Double.doubleToLongBits(pixels[i]));
            }
            sha.update(p.array(), 0, p.position());
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
