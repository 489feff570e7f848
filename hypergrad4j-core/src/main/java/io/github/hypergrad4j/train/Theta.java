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

    /**
     * No hyperparameters.
     *
     * @return the empty, shared instance
     */
    public static Theta empty() {
        return EMPTY;
    }

    /**
     * One named hyperparameter.
     *
     * @param name its name, as the loss reads it with {@code theta.get(name)}
     * @param value its value; not copied, so do not modify it while training
     * @return a new Theta
     */
    public static Theta of(String name, Tensor value) {
        return empty().with(name, value);
    }

    /**
     * A copy of this with one more (or a replaced) entry.
     *
     * @param name the entry's name
     * @param value its value; not copied
     * @return a new Theta; this one is unchanged
     */
    public Theta with(String name, Tensor value) {
        LinkedHashMap<String, Tensor> m = new LinkedHashMap<>(values);
        m.put(name, value);
        return new Theta(m);
    }

    /**
     * The value of a hyperparameter.
     *
     * @param name its name
     * @return the tensor given for it
     * @throws IllegalArgumentException if there is none, listing the names there are
     */
    public Tensor get(String name) {
        Tensor t = values.get(name);
        if (t == null) {
            throw new IllegalArgumentException("no hyperparameter '" + name + "'; known: " + values.keySet());
        }
        return t;
    }

    /**
     * The hyperparameters' names in the order they were added (the order of {@link Hypergradient#dTheta()}).
     *
     * @return an unmodifiable set
     */
    public Set<String> names() {
        return values.keySet();
    }

    /**
     * The hyperparameters by name, in the order they were added.
     *
     * @return an unmodifiable map
     */
    public Map<String, Tensor> asMap() {
        return values;
    }

    /**
     * Whether there are no hyperparameters.
     *
     * @return true for {@link #empty()}
     */
    public boolean isEmpty() {
        return values.isEmpty();
    }
}
