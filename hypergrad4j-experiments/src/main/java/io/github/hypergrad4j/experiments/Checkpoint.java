package io.github.hypergrad4j.experiments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.hypergrad4j.meta.Adam;
import io.github.hypergrad4j.meta.ExplosionGuard;
import io.github.hypergrad4j.meta.MetaOptimizer;
import io.github.hypergrad4j.meta.SgdMomentum;
import io.github.hypergrad4j.report.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The full state of a meta-optimisation after a meta-iteration, as {@value #FILE_NAME} in the run's
 * directory: a JSON object with
 *
 * <ul>
 *   <li>{@code format} ({@value #FORMAT}), {@code version} ({@value #VERSION}), {@code experiment},
 *       {@code settingsHash} (SHA-256 of {@code settings}) and {@code settings}: the experiment's full
 *       configuration, seed, data choice and explosion guard, everything that changes a result;
 *       {@code command}: the command line that made it (for messages);</li>
 *   <li>{@code nextMetaIteration}, {@code finished}, {@code stopped};</li>
 *   <li>{@code x}: the hyperparameters; {@code optimizer}: its type, step count and moments (Adam) or
 *       velocity (SGD); {@code previous}: the last accepted point, optimiser state and gradient, from
 *       which a shrunk meta step is retaken;</li>
 *   <li>{@code guard}: accepted hypergradient norms, step scale and explosion events;</li>
 *   <li>{@code history}: learning curves and metrics of every meta-iteration so far;</li>
 *   <li>{@code dataFingerprints}: {@link DataFingerprint}s of the data the run read, which a resumed run
 *       must read again;</li>
 *   <li>{@code checksum}: the {@link CheckpointSeal} over all of the above, so that a value changed by
 *       hand is refused as damaged; every field is also checked for range and consistency on resume
 *       ({@link CheckpointValidation}).</li>
 * </ul>
 *
 * <p>Doubles are written in Java's shortest round-trip decimal form and read back exactly; non-finite
 * values as the strings {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"}. There are no random
 * streams to save: every evaluation draws from (seed, meta-iteration) alone. Files are replaced
 * atomically and forced to disk ({@link AtomicFiles}).
 */
final class Checkpoint {
    static final String FILE_NAME = "checkpoint.json";
    static final String FORMAT = "hypergrad4j-checkpoint";
    static final int VERSION = 2;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Which run a checkpoint belongs to; {@code command} is kept for messages, not compared. */
    record Identity(String experiment, JsonNode settings, String hash, String command) {
        static Identity of(String experiment, JsonNode settings, String command) {
            try {
                String text = JSON.writeValueAsString(settings);
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
                // Read back, so that comparing with a checkpoint's settings sees the same node types.
                return new Identity(experiment, JSON.readTree(text), HexFormat.of().formatHex(digest), command);
            } catch (NoSuchAlgorithmException | IOException e) {
                throw new IllegalStateException("cannot hash the settings", e);
            }
        }
    }

    /** A meta-optimiser's state: its kind, step count and arrays (Adam: m and v; SGD: the velocity). */
    record OptimizerState(String type, int steps, double[][] arrays) {
        static OptimizerState of(MetaOptimizer o) {
            if (o instanceof Adam a) {
                double[][] m = a.moments();
                return new OptimizerState("adam", a.stepsTaken(), m == null ? new double[0][] : m);
            }
            if (o instanceof SgdMomentum s) {
                double[] v = s.velocity();
                return new OptimizerState("sgd", s.stepsTaken(), v == null ? new double[0][] : new double[][] {v});
            }
            throw new IllegalArgumentException("cannot checkpoint a " + o.getClass().getSimpleName()
                    + "; the meta loop supports Adam and SgdMomentum");
        }

        void restoreInto(MetaOptimizer o) {
            String expected = of(o).type();
            if (!expected.equals(type)) {
                throw new ConfigException("the checkpoint holds a " + type + " meta-optimiser, this run uses " + expected);
            }
            if (o instanceof Adam a) {
                a.restore(arrays.length == 0 ? null : arrays, steps);
            } else {
                ((SgdMomentum) o).restore(arrays.length == 0 ? null : arrays[0], steps);
            }
        }
    }

    /** Everything a meta-optimisation needs to continue after {@code nextMetaIteration - 1}. */
    record State(int nextMetaIteration, boolean finished, boolean stopped, double[] x, OptimizerState optimizer,
            double[] previousX, OptimizerState previousOptimizer, double[] previousGradient, double[] guardNorms,
            double guardStepScale, List<ExplosionGuard.Event> events, double[][] curves, Map<String, double[]> metrics,
            List<String> dataFingerprints) {}

    private Checkpoint() {}

    static void write(Path file, Identity id, State s) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT).put("version", VERSION).put("experiment", id.experiment())
                .put("settingsHash", id.hash());
        root.set("settings", id.settings());
        root.put("command", id.command());
        root.put("nextMetaIteration", s.nextMetaIteration()).put("finished", s.finished()).put("stopped", s.stopped());
        put(root, "x", s.x());
        root.set("optimizer", optimizer(s.optimizer()));
        if (s.previousX() != null) {
            ObjectNode prev = root.putObject("previous");
            put(prev, "x", s.previousX());
            prev.set("optimizer", optimizer(s.previousOptimizer()));
            put(prev, "gradient", s.previousGradient());
        }
        ObjectNode guard = root.putObject("guard");
        put(guard, "norms", s.guardNorms());
        putDouble(guard, "stepScale", s.guardStepScale());
        ArrayNode events = guard.putArray("events");
        for (ExplosionGuard.Event e : s.events()) {
            ObjectNode n = events.addObject().put("metaIteration", e.metaIteration());
            putDouble(n, "norm", e.norm());
            putDouble(n, "reference", e.reference());
            n.put("action", e.action().name()).put("message", e.message());
        }
        ObjectNode history = root.putObject("history");
        ArrayNode curves = history.putArray("curves");
        for (double[] c : s.curves()) {
            fill(curves.addArray(), c);
        }
        ObjectNode metrics = history.putObject("metrics");
        s.metrics().forEach((k, v) -> put(metrics, k, v));
        ArrayNode data = root.putArray("dataFingerprints");
        s.dataFingerprints().forEach(data::add);
        CheckpointSeal.seal(root);
        byte[] bytes = JSON.writeValueAsBytes(root);
        AtomicFiles.write(file, out -> out.write(bytes));
    }

    /**
     * Reads a checkpoint and checks that it belongs to this run.
     *
     * @throws ConfigException if it is damaged, of another format or version, of another experiment, or
     *     made with other settings; the message says what differs and what to do
     */
    static State read(Path file, Identity expected) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readAllBytes(file));
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw damaged(file, "it is not valid JSON (" + e.getOriginalMessage() + ")");
        }
        if (root == null || !FORMAT.equals(root.path("format").asText())) {
            throw damaged(file, "it is not a hypergrad4j checkpoint");
        }
        if (root.path("version").asInt(-1) != VERSION) {
            throw new ConfigException(file + " is a checkpoint of format version " + root.path("version").asText()
                    + ", this hypergrad4j reads version " + VERSION + ". Resume it with the version that wrote it, or start"
                    + " again with --overwrite.");
        }
        String unsealed = CheckpointSeal.problem(root);
        if (unsealed != null) {
            throw damaged(file, unsealed);
        }
        String experiment = root.path("experiment").asText();
        if (!experiment.equals(expected.experiment())) {
            throw new ConfigException(file + " is a checkpoint of the experiment '" + experiment + "', not '"
                    + expected.experiment() + "'. Resume it with './hypergrad4j " + experiment + " --resume', or start '"
                    + expected.experiment() + "' afresh with --overwrite or another --out.");
        }
        if (!expected.hash().equals(root.path("settingsHash").asText())) {
            throw new ConfigException(file + " was made with other settings: " + differences(root.path("settings"),
                    expected.settings(), "") + ". Resume with the options of the interrupted run ("
                    + resumeCommand(root.path("command").asText("")) + "), or start again with"
                    + " --overwrite or another --out.");
        }
        try {
            JsonNode prev = root.get("previous");
            JsonNode guard = root.required("guard");
            List<ExplosionGuard.Event> events = new ArrayList<>();
            for (JsonNode e : guard.required("events")) {
                events.add(new ExplosionGuard.Event(e.required("metaIteration").asInt(), number(e.required("norm")),
                        number(e.required("reference")), ExplosionGuard.Action.valueOf(e.required("action").asText()),
                        e.required("message").asText()));
            }
            JsonNode history = root.required("history");
            JsonNode curveRows = history.required("curves");
            double[][] curves = new double[curveRows.size()][];
            for (int i = 0; i < curves.length; i++) {
                curves[i] = numbers(curveRows.get(i));
            }
            Map<String, double[]> metrics = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = history.required("metrics").fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> m = it.next();
                metrics.put(m.getKey(), numbers(m.getValue()));
            }
            int next = root.required("nextMetaIteration").asInt();
            if (next < 0 || curves.length != next) {
                throw new IllegalArgumentException(curves.length + " recorded meta-iterations for next iteration " + next);
            }
            return new State(next, root.required("finished").asBoolean(), root.required("stopped").asBoolean(),
                    numbers(root.required("x")), optimizer(root.required("optimizer")),
                    prev == null ? null : numbers(prev.required("x")),
                    prev == null ? null : optimizer(prev.required("optimizer")),
                    prev == null ? null : numbers(prev.required("gradient")), numbers(guard.required("norms")),
                    number(guard.required("stepScale")), events, curves, metrics, strings(root.required("dataFingerprints")));
        } catch (IllegalArgumentException | ClassCastException e) {
            throw damaged(file, "a field is missing or malformed (" + e.getMessage() + ")");
        }
    }

    /** The recorded command with {@code --resume} in place of any {@code --resume} or {@code --overwrite} it holds. */
    static String resumeCommand(String command) {
        if (command.isBlank()) {
            return "its command is in results.json, with --resume";
        }
        return command.replaceAll(" --(resume|overwrite)(?= |$)", "") + " --resume";
    }

    private static List<String> strings(JsonNode array) {
        if (!array.isArray()) {
            throw new IllegalArgumentException("expected an array, got " + array.getNodeType());
        }
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** The refusal of a damaged checkpoint: exit 2, the word "damaged", what is wrong and what to do. */
    static ConfigException damaged(Path file, String why) {
        return new ConfigException("cannot resume: the checkpoint " + file + " is damaged: " + why + ". Start the run"
                + " again with --overwrite (this replaces the directory's results), or with another --out.");
    }

    /** The settings that differ, e.g. "config.metaStep is 1.0 in the checkpoint and 2.0 now". */
    private static String differences(JsonNode saved, JsonNode now, String prefix) {
        List<String> out = new ArrayList<>();
        java.util.Set<String> keys = new java.util.LinkedHashSet<>();
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

    private static ObjectNode optimizer(OptimizerState o) {
        ObjectNode n = JSON.createObjectNode().put("type", o.type()).put("steps", o.steps());
        ArrayNode arrays = n.putArray("arrays");
        for (double[] a : o.arrays()) {
            fill(arrays.addArray(), a);
        }
        return n;
    }

    private static OptimizerState optimizer(JsonNode n) {
        JsonNode rows = n.required("arrays");
        double[][] arrays = new double[rows.size()][];
        for (int i = 0; i < arrays.length; i++) {
            arrays[i] = numbers(rows.get(i));
        }
        return new OptimizerState(n.required("type").asText(), n.required("steps").asInt(), arrays);
    }

    private static void put(ObjectNode node, String key, double[] values) {
        fill(node.putArray(key), values);
    }

    private static void putDouble(ObjectNode node, String key, double v) {
        if (Double.isFinite(v)) {
            node.put(key, v);
        } else {
            node.put(key, Double.toString(v));
        }
    }

    private static void fill(ArrayNode a, double[] values) {
        for (double v : values) {
            if (Double.isFinite(v)) {
                a.add(v);
            } else {
                a.add(Double.toString(v));
            }
        }
    }

    private static double number(JsonNode n) {
        if (n.isNumber()) {
            return n.doubleValue();
        }
        if (n.isTextual()) {
            return Double.parseDouble(n.asText()); // NaN, Infinity, -Infinity
        }
        throw new IllegalArgumentException("expected a number, got " + n);
    }

    private static double[] numbers(JsonNode array) {
        if (!array.isArray()) {
            throw new IllegalArgumentException("expected an array, got " + array.getNodeType());
        }
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = number(array.get(i));
        }
        return out;
    }
}
