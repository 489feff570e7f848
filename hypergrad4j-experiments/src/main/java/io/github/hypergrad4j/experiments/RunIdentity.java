package io.github.hypergrad4j.experiments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.hypergrad4j.tensor.Blas;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which run a checkpoint belongs to: the experiment, everything that changes a result (its settings and
 * their SHA-256), and the BLAS backend the numbers were computed with (another backend rounds
 * differently, so a resumed run would silently continue with other bits). {@code command} is kept for
 * messages, not compared.
 *
 * @param experiment the experiment's name
 * @param settings configuration, seed, data choice and explosion guard
 * @param hash SHA-256 of {@code settings} as JSON text
 * @param blas the BLAS backend, as {@link Blas#backendName} names it, e.g. {@code java (Java11BLAS)}
 * @param command the command line that made the run
 */
public record RunIdentity(String experiment, JsonNode settings, String hash, String blas, String command) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The identity of a run with these settings on this JVM's BLAS backend. */
    public static RunIdentity of(String experiment, JsonNode settings, String command) {
        return of(experiment, settings, Blas.backendName(), command);
    }

    /** The identity of a run with these settings on the named BLAS backend. */
    public static RunIdentity of(String experiment, JsonNode settings, String blas, String command) {
        try {
            String text = JSON.writeValueAsString(settings);
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            // Read back, so that comparing with a checkpoint's settings sees the same node types.
            return new RunIdentity(experiment, JSON.readTree(text), HexFormat.of().formatHex(digest), blas, command);
        } catch (NoSuchAlgorithmException | IOException e) {
            throw new IllegalStateException("cannot hash the settings", e);
        }
    }

    /** Writes this identity's fields into a checkpoint's root object. */
    public void writeInto(ObjectNode root) {
        root.put("experiment", experiment).put("settingsHash", hash);
        root.set("settings", settings);
        root.put("blas", blas).put("command", command);
    }

    /**
     * Checks that the checkpoint {@code root} read from {@code file} belongs to this run.
     *
     * @throws ConfigException if it is of another experiment, made with other settings or under another
     *     BLAS backend; the message says what differs and what to do
     */
    public void check(JsonNode root, Path file) {
        String saved = root.path("experiment").asText();
        if (!saved.equals(experiment)) {
            throw new ConfigException(file + " is a checkpoint of the experiment '" + saved + "', not '"
                    + experiment + "'. Resume it with './hypergrad4j " + saved + " --resume', or start '"
                    + experiment + "' afresh with --overwrite or another --out.");
        }
        if (!hash.equals(root.path("settingsHash").asText())) {
            throw new ConfigException(file + " was made with other settings: " + differences(root.path("settings"),
                    settings, "") + ". Resume with the options of the interrupted run ("
                    + root.path("command").asText("its command is in results.json") + " --resume), or start again with"
                    + " --overwrite or another --out.");
        }
        String savedBlas = root.path("blas").asText("an unrecorded backend");
        if (!savedBlas.equals(blas)) {
            throw new ConfigException(file + " was computed with the BLAS backend " + savedBlas + ", this run uses "
                    + blas + "; the backends round differently, so resuming would continue with other bits. Resume"
                    + " under " + savedBlas + " (-D" + Blas.PROPERTY + "=...), or start again with --overwrite or"
                    + " another --out.");
        }
    }

    /** The settings that differ, e.g. "config.metaStep is 1.0 in the checkpoint and 2.0 now". */
    private static String differences(JsonNode saved, JsonNode now, String prefix) {
        List<String> out = new ArrayList<>();
        Set<String> keys = new LinkedHashSet<>();
        saved.fieldNames().forEachRemaining(keys::add);
        now.fieldNames().forEachRemaining(keys::add);
        for (String k : keys) {
            JsonNode a = saved.path(k), b = now.path(k);
            if (a.equals(b)) {
                continue;
            }
            if (a.isObject() && b.isObject()) {
                out.add(differences(a, b, prefix + k + "."));
            } else {
                out.add(prefix + k + " is " + (a.isMissingNode() ? "absent" : a.toString()) + " in the checkpoint and "
                        + (b.isMissingNode() ? "absent" : b.toString()) + " now");
            }
        }
        return out.isEmpty() ? "the settings hash differs" : String.join("; ", out);
    }
}
