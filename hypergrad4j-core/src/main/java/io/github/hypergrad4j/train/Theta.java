package io.github.hypergrad4j.train;

import io.github.hypergrad4j.tensor.Tensor;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Named hyperparameter tensors that a loss reads (per-weight L2 penalties, the training inputs
 * themselves, ...). The reverse pass returns a gradient for each of them. Immutable.
 */
public final class Theta {
    private static final Theta EMPTY = new Theta(new LinkedHashMap<>());
    private final Map<String, Tensor> values;

    private Theta(LinkedHashMap<String, Tensor> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    public static Theta empty() {
        return EMPTY;
    }

    public static Theta of(String name, Tensor value) {
        return empty().with(name, value);
    }

    /** A copy of this with one more (or a replaced) entry. */
    public Theta with(String name, Tensor value) {
        LinkedHashMap<String, Tensor> m = new LinkedHashMap<>(values);
        m.put(name, value);
        return new Theta(m);
    }

    public Tensor get(String name) {
        Tensor t = values.get(name);
        if (t == null) {
            throw new IllegalArgumentException("no hyperparameter '" + name + "'; known: " + values.keySet());
        }
        return t;
    }

    public Set<String> names() {
        return values.keySet();
    }

    public Map<String, Tensor> asMap() {
        return values;
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }
}
