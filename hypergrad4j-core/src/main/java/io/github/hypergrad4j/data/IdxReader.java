package io.github.hypergrad4j.data;

import java.io.BufferedInputStream;
import java.nio.file.AccessDeniedException;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads IDX files (the MNIST format), raw or gzip-compressed. Compression is detected from the first two
 * bytes (gzip's 1f 8b), not from the name; but a file named {@code .gz} that is not gzip is rejected, since
 * it is almost always a download that went wrong.
 *
 * <p>Everything is checked: the two zero bytes of the magic number, the element type, that no dimension is
 * zero, that the payload has exactly the length the header declares (no fewer bytes, no more) and, for gzip,
 * the compressed stream's integrity (CRC). Any failure is an {@link IdxFormatException} saying what is wrong
 * with the file and what to do.
 */
public final class IdxReader {
    private static final int BUFFER = 1 << 16;
    /** The first allocation for the payload; larger payloads grow only as data arrives (see readPayload). */
    private static final int FIRST_CHUNK = 64 << 20;
    private static final String REDOWNLOAD = "delete it and download it again";

    private IdxReader() {
    }

    /**
     * Reads a whole IDX file.
     *
     * @throws NoSuchFileException if the file does not exist
     * @throws IdxFormatException if the file is not a complete, consistent IDX file
     * @throws IOException on other read errors
     * @param file the file, raw or gzipped
     * @return its header and payload
     */
    public static IdxFile read(Path file) throws IOException {
        return read(file, null, false);
    }

    /**
     * Reads only some entries along the first dimension (images of an images file, labels of a labels
     * file): memory for those alone, however large the file. The whole file is still read through and
     * checked as by {@link #read(Path)}.
     *
     * @param file the IDX file, raw or gzipped
     * @param rows first-dimension indices in strictly increasing order
     * @return the file's content with dimension 0 of size {@code rows.length}, rows in that order
     * @throws IdxFormatException as {@link #read(Path)}, or if a row lies beyond the file's first dimension
     * @throws IOException on other read errors (e.g. the file does not exist)
     */
    public static IdxFile readRows(Path file, int[] rows) throws IOException {
        return readRows(file, rows, null);
    }

    /**
     * As {@link #readRows(Path, int[])}, and adds up every byte position over all entries, read or not, into
     * {@code columnSums} (for unsigned bytes: a pool's mean image without holding the pool).
     *
     * @param file the IDX file, raw or gzipped
     * @param rows first-dimension indices in strictly increasing order
     * @param columnSums one sum per byte of an entry (for images: rows x columns, one per pixel), each
     *     increased by that byte's unsigned value in every entry of the file; or null for no sums
     * @return the file's content with dimension 0 of size {@code rows.length}, rows in that order
     * @throws IdxFormatException as {@link #read(Path)}, or if a row lies beyond the file's first dimension
     * @throws IOException on other read errors (e.g. the file does not exist)
     * @throws IllegalArgumentException if {@code rows} is not strictly increasing
     */
    public static IdxFile readRows(Path file, int[] rows, long[] columnSums) throws IOException {
        for (int i = 1; i < rows.length; i++) {
            if (rows[i] <= rows[i - 1]) {
                throw new IllegalArgumentException("rows must be strictly increasing, got " + rows[i - 1] + " then " + rows[i]);
            }
        }
        return read(file, new Rows(rows, columnSums), false);
    }

    /** Which entries to keep, and where to add up all of them (or null). */
    private record Rows(int[] keep, long[] columnSums) {}

    /**
     * The file's dimensions from its header alone (the data is neither read nor checked).
     *
     * @param file the IDX file, raw or gzipped
     * @return the sizes of its dimensions, first (the number of entries) first: {count, rows, columns}
     *     for an images file, {count} for a labels file
     * @throws IdxFormatException if the header is broken
     * @throws IOException if the file cannot be read
     */
    public static int[] dimensions(Path file) throws IOException {
        return read(file, null, true).dims();
    }

    private static IdxFile read(Path file, Rows rows, boolean headerOnly) throws IOException {
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString(), null, "IDX file not found");
        }
        if (Files.isDirectory(file)) {
            throw new IdxFormatException(file, "is a directory, not a file", "put the IDX file itself there, or name"
                    + " the directory that holds the IDX files: DatasetLocator.withExplicitDirectory(DIR)");
        }
        InputStream opened;
        try {
            opened = Files.newInputStream(file);
        } catch (AccessDeniedException e) {
            throw new IdxFormatException(file, "cannot be read: permission denied", "make it readable for this user"
                    + " (chmod a+r), or name another directory: DatasetLocator.withExplicitDirectory(DIR)", e);
        }
        try (InputStream raw = new BufferedInputStream(opened, BUFFER)) {
            raw.mark(2);
            int b0 = raw.read();
            int b1 = raw.read();
            raw.reset();
            if (b0 < 0) {
                throw new IdxFormatException(file, "is empty (0 bytes)", REDOWNLOAD);
            }
            boolean gzip = b0 == 0x1f && b1 == 0x8b;
            if (!gzip && file.getFileName().toString().endsWith(".gz")) {
                throw new IdxFormatException(file, String.format("is named .gz but is not gzip data: it starts"
                        + " with %02x %02x where gzip starts with 1f 8b", b0, Math.max(b1, 0)),
                        "if it is an uncompressed IDX file, remove the .gz from its name; otherwise " + REDOWNLOAD);
            }
            if (!gzip) {
                return parse(file, raw, false, rows, headerOnly);
            }
            try (InputStream in = new GZIPInputStream(raw, BUFFER)) {
                return parse(file, in, true, rows, headerOnly);
            } catch (ZipException e) {
                throw new IdxFormatException(file, "is damaged gzip data (" + e.getMessage() + ")", REDOWNLOAD, e);
            } catch (EOFException e) {
                throw new IdxFormatException(file, "is truncated: the gzip stream ends before its end marker"
                        + " (the file was cut short)", REDOWNLOAD, e);
            }
        }
    }

    private static IdxFile parse(Path file, InputStream in, boolean gzip, Rows rows, boolean headerOnly)
            throws IOException {
        String bytesOf = gzip ? " uncompressed bytes" : " bytes";
        byte[] magic = in.readNBytes(4);
        if (magic.length < 4) {
            throw new IdxFormatException(file, "is truncated: it holds " + magic.length + bytesOf
                    + ", fewer than the 4 of an IDX magic number", REDOWNLOAD);
        }
        if (magic[0] != 0 || magic[1] != 0) {
            throw new IdxFormatException(file, String.format("has the wrong magic number 0x%02X%02X%02X%02X: an IDX"
                            + " file starts with two zero bytes, a type byte and the number of dimensions (MNIST"
                            + " images: 0x00000803, labels: 0x00000801)", magic[0], magic[1], magic[2], magic[3]),
                    "this is not an IDX file; check the path, or " + REDOWNLOAD);
        }
        int code = magic[2] & 0xff;
        IdxType type = IdxType.fromCode(code).orElseThrow(() -> new IdxFormatException(file,
                String.format("declares an unknown element type 0x%02X; IDX types are %s", code,
                        IdxType.listCodes()), "this is not a valid IDX file; " + REDOWNLOAD));
        int rank = magic[3] & 0xff;
        if (rank == 0) {
            throw new IdxFormatException(file, "declares 0 dimensions", "this is not a usable IDX file; "
                    + REDOWNLOAD + " or regenerate it");
        }
        byte[] header = in.readNBytes(4 * rank);
        if (header.length < 4 * rank) {
            throw new IdxFormatException(file, "is truncated inside its header: " + rank + " dimensions need "
                    + 4 * rank + " bytes after the magic number, the file has " + header.length, REDOWNLOAD);
        }
        int[] dims = new int[rank];
        long size = type.bytes();
        for (int i = 0; i < rank; i++) {
            // Dimensions are unsigned 32-bit; anything at or above 2^31 is read as negative here and rejected.
            int d = (header[4 * i] & 0xff) << 24 | (header[4 * i + 1] & 0xff) << 16
                    | (header[4 * i + 2] & 0xff) << 8 | (header[4 * i + 3] & 0xff);
            if (d == 0) {
                throw new IdxFormatException(file, "has dimension " + i + " of size 0 (dimensions "
                        + Arrays.toString(Arrays.copyOf(dims, i)) + " then 0), so it holds no data",
                        "use a file with data; if it should have some, " + REDOWNLOAD);
            }
            if (d < 0 || (size *= d) > Integer.MAX_VALUE - 8) {
                throw new IdxFormatException(file, "declares dimension " + i + " of size "
                        + Integer.toUnsignedString(d) + ", making the data larger than one Java array (2 GiB)",
                        "split the data into smaller files; if the size is a mistake, " + REDOWNLOAD);
            }
            dims[i] = d;
        }
        int headerBytes = 4 + 4 * rank;
        if (!gzip) {
            // For raw files the length is known up front: no need to allocate before failing.
            long actual = Files.size(file) - headerBytes;
            if (actual != size) {
                throw lengthMismatch(file, type, dims, size, actual, bytesOf);
            }
        }
        if (headerOnly) {
            return new IdxFile(file, type, dims, new byte[0]);
        }
        byte[] data;
        if (rows == null) {
            data = readPayload(in, (int) size);
            if (data.length < size) {
                throw lengthMismatch(file, type, dims, size, data.length, bytesOf);
            }
        } else {
            data = readRows(file, in, dims, (int) (size / dims[0]), rows.keep(), rows.columnSums());
            if (data == null) {
                throw lengthMismatch(file, type, dims, size, -1, bytesOf);
            }
        }
        long extra = in.transferTo(OutputStream.nullOutputStream()); // also makes GZIPInputStream check its CRC trailer
        if (extra > 0) {
            throw lengthMismatch(file, type, dims, size, size + extra, bytesOf);
        }
        if (rows != null) {
            dims = dims.clone();
            dims[0] = rows.keep().length;
        }
        return new IdxFile(file, type, dims, data);
    }

    /**
     * Reads the whole payload, keeping the listed rows of {@code rowBytes} each; null when the data ends early.
     */
    private static byte[] readRows(Path file, InputStream in, int[] dims, int rowBytes, int[] rows, long[] sums)
            throws IOException {
        if (rows.length > 0 && rows[rows.length - 1] >= dims[0]) {
            throw new IdxFormatException(file, "holds " + dims[0] + " entries, but entry " + rows[rows.length - 1]
                    + " was asked for", "use a larger file, or ask for fewer examples");
        }
        if (sums != null && sums.length != rowBytes) {
            throw new IllegalArgumentException(sums.length + " column sums for entries of " + rowBytes + " bytes");
        }
        byte[] out = new byte[Math.multiplyExact(rows.length, rowBytes)];
        byte[] row = new byte[rowBytes];
        int next = 0;
        for (int r = 0; r < dims[0]; r++) {
            boolean keep = next < rows.length && rows[next] == r;
            byte[] into = keep ? out : row;
            int at = keep ? next * rowBytes : 0;
            if (in.readNBytes(into, at, rowBytes) < rowBytes) {
                return null;
            }
            if (sums != null) {
                for (int k = 0; k < rowBytes; k++) {
                    sums[k] += into[at + k] & 0xff;
                }
            }
            if (keep) {
                next++;
            }
        }
        return out;
    }

    private static IdxFormatException lengthMismatch(Path file, IdxType type, int[] dims, long expected,
                                                     long actual, String bytesOf) {
        String declared = "its header declares " + Arrays.toString(dims) + " " + type.describe() + " = "
                + expected + bytesOf + " of data";
        if (actual < 0) {
            return new IdxFormatException(file, "is truncated: " + declared + " but fewer follow the header",
                    REDOWNLOAD);
        }
        if (actual < expected) {
            return new IdxFormatException(file, "is truncated: " + declared + " but only " + actual
                    + " follow the header", REDOWNLOAD);
        }
        return new IdxFormatException(file, "has too much data: " + declared + " but " + actual + " follow the"
                + " header (" + (actual - expected) + " extra)",
                "the header and the data disagree, so the file is corrupt; " + REDOWNLOAD);
    }

    /**
     * Reads up to {@code size} bytes. The array starts at min(size, 64 MiB) and grows only as data arrives, so
     * that a corrupt header claiming gigabytes fails on the missing data instead of on a huge allocation; an
     * MNIST-sized file is read in one allocation without copies.
     */
    private static byte[] readPayload(InputStream in, int size) throws IOException {
        byte[] buf = new byte[Math.min(size, FIRST_CHUNK)];
        int n = 0;
        while (true) {
            int r = in.readNBytes(buf, n, buf.length - n);
            n += r;
            if (n < buf.length) {
                return Arrays.copyOf(buf, n);
            }
            if (n == size) {
                return buf;
            }
            buf = Arrays.copyOf(buf, (int) Math.min(size, 2L * buf.length));
        }
    }
}
