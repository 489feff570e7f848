package io.github.hypergrad4j.data;

import java.util.Optional;

/** The element types an IDX file can declare in the third byte of its magic number. */
public enum IdxType {
    /** Unsigned 8-bit values (MNIST's pixels and labels). */
    UNSIGNED_BYTE(0x08, 1, "unsigned byte"),
    /** Signed 8-bit values. */
    SIGNED_BYTE(0x09, 1, "signed byte"),
    /** Big-endian 16-bit integers. */
    SHORT(0x0B, 2, "16-bit integer"),
    /** Big-endian 32-bit integers. */
    INT(0x0C, 4, "32-bit integer"),
    /** Big-endian IEEE 754 single precision. */
    FLOAT(0x0D, 4, "32-bit float"),
    /** Big-endian IEEE 754 double precision. */
    DOUBLE(0x0E, 8, "64-bit float");

    private final int code;
    private final int bytes;
    private final String description;

    IdxType(int code, int bytes, String description) {
        this.code = code;
        this.bytes = bytes;
        this.description = description;
    }

    /**
     * The type byte as written in the file.
     *
     * @return 0x08 to 0x0E
     */
    public int code() {
        return code;
    }

    /**
     * Bytes per element.
     *
     * @return 1, 2, 4 or 8
     */
    public int bytes() {
        return bytes;
    }

    /**
     * The type, its code in hex, for error messages: {@code "unsigned byte (0x08)"}.
     *
     * @return the description
     */
    public String describe() {
        return String.format("%s (0x%02X)", description, code);
    }

    /**
     * The type with this code, or empty when the code is not one of IDX's.
     *
     * @param code the type byte
     * @return the type, or empty
     */
    public static Optional<IdxType> fromCode(int code) {
        for (IdxType t : values()) {
            if (t.code == code) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** All valid codes, for the message that rejects an unknown one. */
    static String listCodes() {
        StringBuilder sb = new StringBuilder();
        for (IdxType t : values()) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(t.describe());
        }
        return sb.toString();
    }
}
