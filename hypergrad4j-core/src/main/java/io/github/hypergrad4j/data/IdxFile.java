package io.github.hypergrad4j.data;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * The contents of one IDX file: element type, dimensions and the payload bytes exactly as stored (big-endian,
 * row-major). Immutable; read with {@link IdxReader}.
 */
public final class IdxFile {
    private final Path path;
    private final IdxType type;
    private final int[] dims;
    private final byte[] data;

    IdxFile(Path path, IdxType type, int[] dims, byte[] data) {
        this.path = path;
        this.type = type;
        this.dims = dims.clone();
        this.data = data;
    }

    /**
     * The file this was read from.
     *
     * @return the path
     */
    public Path path() {
        return path;
    }

    /**
     * The element type declared in the file's magic number.
     *
     * @return the type
     */
    public IdxType type() {
        return type;
    }

    /**
     * The dimensions, outermost first (for MNIST images: count, rows, columns).
     *
     * @return a copy of the dimensions
     */
    public int[] dims() {
        return dims.clone();
    }

    /**
     * The number of dimensions.
     *
     * @return the rank declared in the magic number
     */
    public int rank() {
        return dims.length;
    }

    /**
     * One dimension.
     *
     * @param axis 0 for the outermost
     * @return its size
     */
    public int dim(int axis) {
        return dims[axis];
    }

    /**
     * A copy of the payload bytes.
     *
     * @return the bytes after the header, a new array
     */
    public byte[] copyData() {
        return data.clone();
    }

    /** The payload, not copied: callers in this package must not modify it. */
    byte[] data() {
        return data;
    }

    /**
     * Checks the element type and the number of dimensions.
     *
     * @param expectedType the type the caller can interpret
     * @param expectedRank the number of dimensions, e.g. 3 for images and 1 for labels
     * @param what what the file should hold, for the message, e.g. "MNIST-style images"
     * @return this file
     * @throws IdxFormatException naming the file, what it holds and what was expected
     */
    public IdxFile require(IdxType expectedType, int expectedRank, String what) throws IdxFormatException {
        if (type != expectedType) {
            throw new IdxFormatException(path, "has the wrong element type: " + type.describe() + ", but "
                    + what + " must be " + expectedType.describe(),
                    "check that you passed the right file (images and labels files are easily swapped)");
        }
        if (dims.length != expectedRank) {
            throw new IdxFormatException(path, "has " + dims.length + " dimensions " + Arrays.toString(dims)
                    + ", but " + what + " must have " + expectedRank,
                    "check that you passed the right file and did not swap images and labels (images have 3"
                            + " dimensions: count, rows, columns; labels have 1: count)");
        }
        return this;
    }

    @Override
    public String toString() {
        return "IdxFile[" + path.getFileName() + ", " + type.describe() + ", " + Arrays.toString(dims) + "]";
    }
}
