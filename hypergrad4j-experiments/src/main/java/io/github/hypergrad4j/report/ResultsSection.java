package io.github.hypergrad4j.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A named group of numbers inside {@code results.json}. Non-finite values (a diverged run's loss,
 * say) are written as JSON {@code null}, which every JSON reader accepts; {@link Results#numbers}
 * turns them back into NaN. Putting a key twice replaces the first value.
 */
public final class ResultsSection {
    private final ObjectNode node;

    ResultsSection(ObjectNode node) {
        this.node = node;
    }

    /** The sub-section {@code name}, created on first use. */
    public ResultsSection section(String name) {
        return new ResultsSection(node.has(name) ? (ObjectNode) node.get(name) : node.putObject(name));
    }

    public ResultsSection put(String key, double value) {
        if (Double.isFinite(value)) {
            node.put(key, value);
        } else {
            node.putNull(key);
        }
        return this;
    }

    public ResultsSection put(String key, long value) {
        node.put(key, value);
        return this;
    }

    public ResultsSection put(String key, boolean value) {
        node.put(key, value);
        return this;
    }

    public ResultsSection put(String key, String value) {
        node.put(key, value);
        return this;
    }

    public ResultsSection put(String key, double[] values) {
        fill(node.putArray(key), values);
        return this;
    }

    public ResultsSection put(String key, int[] values) {
        ArrayNode a = node.putArray(key);
        for (int v : values) {
            a.add(v);
        }
        return this;
    }

    public ResultsSection put(String key, long[] values) {
        ArrayNode a = node.putArray(key);
        for (long v : values) {
            a.add(v);
        }
        return this;
    }

    /** A matrix as an array of rows. */
    public ResultsSection put(String key, double[][] rows) {
        ArrayNode a = node.putArray(key);
        for (double[] row : rows) {
            fill(a.addArray(), row);
        }
        return this;
    }

    private static void fill(ArrayNode a, double[] values) {
        for (double v : values) {
            if (Double.isFinite(v)) {
                a.add(v);
            } else {
                a.addNull();
            }
        }
    }
}
