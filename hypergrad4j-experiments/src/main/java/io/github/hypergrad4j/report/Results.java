package io.github.hypergrad4j.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The record of one experiment run, written as {@value #FILE_NAME} in the run's directory:
 *
 * <ul>
 *   <li>{@code experiment}, {@code title}, {@code description}, {@code order} (position in the report),
 *       {@code version}, {@code seed}, {@code quick}, {@code command} (how to run it again);</li>
 *   <li>{@code config}: the full configuration;</li>
 *   <li>{@code dataset}: which data was used and where it came from;</li>
 *   <li>{@code data}: every number drawn in a figure ({@link #data()});</li>
 *   <li>{@code summary}: the final numbers shown in the report's table;</li>
 *   <li>{@code figures}: file names and captions;</li>
 *   <li>{@code events}: what changed the run's course, e.g. exploding hypergradients;</li>
 *   <li>{@code run}: wall-clock time and machine details, the only part that differs between two runs
 *       with the same seed.</li>
 * </ul>
 */
public final class Results {
    /** The file name of a run's record. */
    public static final String FILE_NAME = "results.json";
    /** The top-level key whose content may differ between identical runs (timings, backend). */
    public static final String RUN_KEY = "run";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final ObjectNode root = JSON.createObjectNode();
    private final ArrayNode summary;
    private final ArrayNode figures;
    private final ArrayNode events;

    public Results(String experiment, String title) {
        root.put("experiment", experiment);
        root.put("title", title);
        root.put("version", Version.get());
        root.putObject("config");
        root.putObject("dataset");
        root.putObject("data");
        summary = root.putArray("summary");
        figures = root.putArray("figures");
        events = root.putArray("events");
        root.putObject(RUN_KEY);
    }

    public String experiment() {
        return root.get("experiment").asText();
    }

    public Results description(String text) {
        root.put("description", text);
        return this;
    }

    public Results order(int order) {
        root.put("order", order);
        return this;
    }

    public Results seed(long seed) {
        root.put("seed", seed);
        return this;
    }

    public Results quick(boolean quick) {
        root.put("quick", quick);
        return this;
    }

    public Results command(String command) {
        root.put("command", command);
        return this;
    }

    /** Records the configuration: a record or bean, serialised field by field. */
    public Results config(Object config) {
        root.set("config", JSON.valueToTree(config));
        return this;
    }

    /** Where the data came from. */
    public ResultsSection dataset() {
        return new ResultsSection((ObjectNode) root.get("dataset"));
    }

    /** Every plotted number, grouped as the experiment likes. */
    public ResultsSection data() {
        return new ResultsSection((ObjectNode) root.get("data"));
    }

    /** Timings and machine details: excluded when two runs are compared. */
    public ResultsSection run() {
        return new ResultsSection((ObjectNode) root.get(RUN_KEY));
    }

    /** A row of the report's table of final numbers. */
    public Results summary(String label, double value) {
        ObjectNode row = summary.addObject().put("label", label);
        if (Double.isFinite(value)) {
            row.put("value", value);
        } else {
            row.putNull("value");
        }
        return this;
    }

    /** A row of the report's table whose value is text (e.g. "diverged"). */
    public Results summary(String label, String value) {
        summary.addObject().put("label", label).put("value", value);
        return this;
    }

    /**
     * Records something that happened during the run and changed its course, such as an exploding
     * hypergradient; the report lists the messages.
     *
     * @param metaIteration where it happened
     * @param norm the hypergradient norm
     * @param reference the median of the earlier norms it was compared with
     * @param action what was done ({@code shrink_step} or {@code stop})
     * @param message one line for the reader
     */
    public Results event(int metaIteration, double norm, double reference, String action, String message) {
        return event("exploding-hypergradient", metaIteration, norm, reference, action, message);
    }

    /** Lists a guard event of the given type ({@code exploding-hypergradient}, {@code hypergradient-scale-accepted}). */
    public Results event(String type, int metaIteration, double norm, double reference, String action, String message) {
        ObjectNode e = events.addObject().put("type", type).put("metaIteration", metaIteration);
        new ResultsSection(e).put("norm", norm).put("reference", reference);
        e.put("action", action).put("message", message);
        return this;
    }

    /** Lists a figure file (relative to the run's directory) with its caption. */
    public Results figure(String file, String caption) {
        figures.addObject().put("file", file).put("caption", caption);
        return this;
    }

    /** The record as indented JSON. */
    public String toJson() {
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@value #FILE_NAME} into {@code directory}, atomically. */
    public Path write(Path directory) throws IOException {
        Path file = directory.resolve(FILE_NAME);
        AtomicFiles.writeString(file, toJson());
        return file;
    }

    /** Reads a results file as a JSON tree. */
    public static JsonNode read(Path file) throws IOException {
        return JSON.readTree(file.toFile());
    }

    /** A JSON array of numbers as doubles, with {@code null} read back as NaN. */
    public static double[] numbers(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode n = array.get(i);
            out[i] = n.isNull() ? Double.NaN : n.asDouble();
        }
        return out;
    }
}
