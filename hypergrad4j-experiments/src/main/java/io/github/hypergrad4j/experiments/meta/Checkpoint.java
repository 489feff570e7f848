package io.github.hypergrad4j.experiments.meta;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.hypergrad4j.experiments.ConfigException;
import io.github.hypergrad4j.experiments.RunIdentity;
import io.github.hypergrad4j.meta.ExplosionGuard;
import io.github.hypergrad4j.meta.MetaOptimizerState;
import io.github.hypergrad4j.report.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The full state of a meta-optimisation after a meta-iteration (a {@link LoopState.Snapshot}), as
 * {@value #FILE_NAME} in the run's directory: a JSON object with
 *
 * <ul>
 *   <li>{@code format} ({@value #FORMAT}), {@code version} ({@value #VERSION}), {@code experiment},
 *       {@code settingsHash}, {@code settings}, {@code blas} and {@code command}: the run's
 *       {@link RunIdentity};</li>
 *   <li>{@code nextMetaIteration}, {@code finished}, {@code stopped};</li>
 *   <li>{@code x}: the hyperparameters; {@code optimizer}: its {@link MetaOptimizerState} (kind, step count,
 *       arrays), whatever the optimiser; {@code previous}: the last accepted point, optimiser state and gradient, from
 *       which a shrunk meta step is retaken;</li>
 *   <li>{@code guard}: accepted hypergradient norms, step scale, the meta-objective at the last accepted point and explosion events;</li>
 *   <li>{@code history}: learning curves and metrics of every meta-iteration so far, and
 *       {@code firstIterationData}, the arrays a figure needs from meta-iteration 0;</li>
 *   <li>{@code dataFingerprints}: fingerprints of the data the run read
 *       ({@link io.github.hypergrad4j.experiments.ExperimentContext#dataFingerprints()}), which a resumed run
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
public final class Checkpoint {
    public static final String FILE_NAME = "checkpoint.json";
    public static final String FORMAT = "hypergrad4j-checkpoint";
    public static final int VERSION = 3;

    private static final ObjectMapper JSON = new ObjectMapper();

    private Checkpoint() {}

    public static void write(Path file, RunIdentity id, LoopState.Snapshot s) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT).put("version", VERSION);
        id.writeInto(root);
        root.put("nextMetaIteration", s.nextMetaIteration()).put("finished", s.finished()).put("stopped", s.stopped());
        put(root, "x", s.x());
        root.set("optimizer", optimizer(s.optimizer()));
        if (s.previous() != null) {
            ObjectNode prev = root.putObject("previous");
            put(prev, "x", s.previous().x());
            prev.set("optimizer", optimizer(s.previous().optimizer()));
            put(prev, "gradient", s.previous().gradient());
        }
        ObjectNode guard = root.putObject("guard");
        put(guard, "norms", s.guard().norms());
        putDouble(guard, "stepScale", s.guard().stepScale());
        putDouble(guard, "lastObjective", s.guard().lastObjective());
        guard.put("rejectedInARow", s.guard().rejectedInARow());
        ArrayNode events = guard.putArray("events");
        for (ExplosionGuard.Event e : s.guard().events()) {
            ObjectNode n = events.addObject().put("metaIteration", e.metaIteration());
            putDouble(n, "norm", e.norm());
            putDouble(n, "reference", e.reference());
            n.put("action", e.action().name()).put("message", e.message()).put("accepted", e.accepted());
        }
        ObjectNode history = root.putObject("history");
        ArrayNode curves = history.putArray("curves");
        for (double[] c : s.history().curves()) {
            fill(curves.addArray(), c);
        }
        ObjectNode metrics = history.putObject("metrics");
        s.history().metrics().forEach((k, v) -> put(metrics, k, v));
        ObjectNode first = history.putObject("firstIterationData");
        s.history().firstIterationData().forEach((k, v) -> put(first, k, v));
        ArrayNode data = root.putArray("dataFingerprints");
        s.dataFingerprints().forEach(data::add);
        CheckpointSeal.seal(root);
        byte[] bytes = JSON.writeValueAsBytes(root);
        AtomicFiles.write(file, out -> out.write(bytes));
    }

    /**
     * Reads a checkpoint and checks that it belongs to this run.
     *
     * @throws ConfigException if it is damaged, of another format or version, or of another run
     *     ({@link RunIdentity#check}); the message says what differs and what to do
     */
    public static LoopState.Snapshot read(Path file, RunIdentity expected) throws IOException {
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
        expected.check(root, file);
        try {
            JsonNode prev = root.get("previous");
            JsonNode guard = root.required("guard");
            List<ExplosionGuard.Event> events = new ArrayList<>();
            for (JsonNode e : guard.required("events")) {
                events.add(new ExplosionGuard.Event(e.required("metaIteration").asInt(), number(e.required("norm")),
                        number(e.required("reference")), ExplosionGuard.Action.valueOf(e.required("action").asText()),
                        e.required("message").asText(), e.required("accepted").asBoolean()));
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
            Map<String, double[]> firstData = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = history.required("firstIterationData").fields();
                    it.hasNext();) {
                Map.Entry<String, JsonNode> m = it.next();
                firstData.put(m.getKey(), numbers(m.getValue()));
            }
            int next = root.required("nextMetaIteration").asInt();
            if (next < 0 || curves.length != next) {
                throw new IllegalArgumentException(curves.length + " recorded meta-iterations for next iteration " + next);
            }
            LoopState.Accepted previous = prev == null ? null : new LoopState.Accepted(numbers(prev.required("x")),
                    optimizer(prev.required("optimizer")), numbers(prev.required("gradient")));
            return new LoopState.Snapshot(next, root.required("finished").asBoolean(),
                    root.required("stopped").asBoolean(), numbers(root.required("x")), optimizer(root.required("optimizer")),
                    previous, new LoopState.Guard(numbers(guard.required("norms")), number(guard.required("stepScale")),
                            number(guard.required("lastObjective")), guard.required("rejectedInARow").asInt(), events), new LoopState.History(curves, metrics, firstData),
                    strings(root.required("dataFingerprints")));
        } catch (IllegalArgumentException | ClassCastException e) {
            throw damaged(file, "a field is missing or malformed (" + e.getMessage() + ")");
        }
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

    private static ObjectNode optimizer(MetaOptimizerState o) {
        ObjectNode n = JSON.createObjectNode().put("type", o.type()).put("steps", o.steps());
        ArrayNode arrays = n.putArray("arrays");
        for (double[] a : o.arrays()) {
            fill(arrays.addArray(), a);
        }
        return n;
    }

    private static MetaOptimizerState optimizer(JsonNode n) {
        JsonNode rows = n.required("arrays");
        double[][] arrays = new double[rows.size()][];
        for (int i = 0; i < arrays.length; i++) {
            arrays[i] = numbers(rows.get(i));
        }
        return new MetaOptimizerState(n.required("type").asText(), n.required("steps").asInt(), arrays);
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
