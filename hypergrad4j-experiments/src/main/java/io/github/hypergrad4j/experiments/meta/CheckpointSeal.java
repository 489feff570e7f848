package io.github.hypergrad4j.experiments.meta;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The checksum that makes a checkpoint refuse hand edits: SHA-256 of the checkpoint's JSON without its
 * own {@value #FIELD} field, in the serialisation this class writes (field order as written, numbers in
 * Java's shortest round-trip form). Reading the file and serialising the tree again gives the same bytes,
 * so any change of a value, a digit, a flag or an array's length changes the sum; only whitespace
 * outside values may change.
 */
final class CheckpointSeal {
    /** The checksum's field in the checkpoint's root object. */
    static final String FIELD = "checksum";

    private static final ObjectMapper JSON = new ObjectMapper();

    private CheckpointSeal() {}

    /** Adds (or replaces) the checksum of {@code root}. */
    static void seal(ObjectNode root) {
        root.remove(FIELD);
        root.put(FIELD, sum(root));
    }

    /**
     * What is wrong with the checksum of a checkpoint read back, or null when it matches.
     */
    static String problem(JsonNode root) {
        JsonNode recorded = root.get(FIELD);
        if (recorded == null || !recorded.isTextual()) {
            return "it carries no checksum";
        }
        ObjectNode copy = ((ObjectNode) root).deepCopy();
        copy.remove(FIELD);
        return recorded.asText().equals(sum(copy)) ? null
                : "its content does not match its checksum (a value was changed after it was written)";
    }

    private static String sum(ObjectNode withoutChecksum) {
        try {
            byte[] bytes = JSON.writeValueAsBytes(withoutChecksum);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot checksum a checkpoint", e);
        }
    }
}
