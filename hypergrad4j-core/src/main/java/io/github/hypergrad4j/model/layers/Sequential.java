package io.github.hypergrad4j.model.layers;

import io.github.hypergrad4j.autodiff.Var;
import io.github.hypergrad4j.model.Model;
import io.github.hypergrad4j.model.ParameterLayout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Layers applied one after another: a {@link Model} over a flat weight vector whose
 * {@link ParameterLayout} it builds from the layers' parameters, in layer order. A layer's groups are
 * named by their role and the layer's number among the layers that have parameters (W1, b1 for the
 * first, W2, b2 for the second, ...) unless the layer was added with a prefix (then prefix + role,
 * e.g. "conv1.W"). So per-layer learning rates, initial scales and penalties refer to layers by name:
 *
 * <pre>{@code
 * Sequential net = Sequential.builder(1, 28, 28)          // per-example input shape
 *         .add(Conv2d.of(16, 5).samePadding()).add(new Nonlinearity(Activation.RELU)).add(Pool2d.max(2))
 *         .add(Conv2d.of(16, 5).samePadding()).add(new Nonlinearity(Activation.RELU)).add(Pool2d.max(2))
 *         .add(new Flatten()).add(new Dense(10))
 *         .build();
 * net.layout().names();                                   // [W1, b1, W2, b2, W3, b3]
 * L2Penalty decay = L2Penalty.perGroup(net.layout(), "W1", "W2", "W3");
 * }</pre>
 *
 * Inputs come as {@code [N, features]} rows (as data sets hold them) and are viewed as
 * {@code [N, inputShape...]}; the output is viewed as {@code [N, classes]}.
 */
public final class Sequential implements Model {
    private final int[] inputShape;
    private final int[] outputShape;
    private final List<Layer> layers;
    private final List<int[]> inputShapes;
    /** For each layer, the indices of its groups in the layout. */
    private final List<int[]> groups;
    private final ParameterLayout layout;

    private Sequential(Builder b) {
        if (b.layers.isEmpty()) {
            throw new IllegalArgumentException("a sequential model needs at least one layer");
        }
        this.inputShape = b.inputShape.clone();
        this.layers = Collections.unmodifiableList(new ArrayList<>(b.layers));
        List<int[]> shapes = new ArrayList<>();
        List<int[]> groupIndices = new ArrayList<>();
        ParameterLayout.Builder lb = ParameterLayout.builder();
        int[] shape = inputShape;
        int numbered = 0, groupCount = 0;
        for (int i = 0; i < layers.size(); i++) {
            Layer layer = layers.get(i);
            shapes.add(shape.clone());
            List<Parameter> params;
            try {
                params = layer.parameters(shape.clone());
                shape = layer.outputShape(shape.clone());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("layer " + (i + 1) + " (" + layer + "): " + e.getMessage(), e);
            }
            String prefix = b.prefixes.get(i);
            if (!params.isEmpty() && prefix == null) {
                numbered++;
            }
            int[] idx = new int[params.size()];
            for (int k = 0; k < params.size(); k++) {
                Parameter p = params.get(k);
                lb.add(prefix == null ? p.role() + numbered : prefix + p.role(), p.shape());
                idx[k] = groupCount++;
            }
            groupIndices.add(idx);
        }
        this.outputShape = shape;
        this.inputShapes = Collections.unmodifiableList(shapes);
        this.groups = Collections.unmodifiableList(groupIndices);
        this.layout = lb.build();
    }

    /** A builder for a model taking examples of this per-example shape (e.g. 784, or 1, 28, 28). */
    public static Builder builder(int... inputShape) {
        return new Builder(inputShape);
    }

    @Override
    public ParameterLayout layout() {
        return layout;
    }

    /** The layers, in order. */
    public List<Layer> layers() {
        return layers;
    }

    /** The names of the parameter groups of layer {@code i} (0-based), in order; empty for none. */
    public List<String> groupNames(int i) {
        List<String> names = new ArrayList<>();
        for (int g : groups.get(i)) {
            names.add(layout.group(g).name());
        }
        return names;
    }

    /** The per-example input shape. */
    public int[] inputShape() {
        return inputShape.clone();
    }

    /** The per-example output shape. */
    public int[] outputShape() {
        return outputShape.clone();
    }

    @Override
    public Var logits(Var weights, Var inputs) {
        if (weights.value().size() != layout.size()) {
            throw new IllegalArgumentException("weight vector of " + weights.value().size() + " values for a model of "
                    + layout.size() + " parameters " + layout.names());
        }
        if (inputs.value().cols() != inputs()) {
            throw new IllegalArgumentException("inputs have " + inputs.value().cols() + " features per example but the "
                    + "model expects " + inputs() + " (shape " + Arrays.toString(inputShape) + ")");
        }
        int n = inputs.value().rows();
        Var h = inputs;
        if (inputShape.length != h.value().rank() - 1) {
            h = h.reshape(batchShape(n, inputShape));
        }
        for (int i = 0; i < layers.size(); i++) {
            List<Var> params = new ArrayList<>();
            for (int g : groups.get(i)) {
                ParameterLayout.Group grp = layout.group(g);
                params.add(weights.slice(grp.offset(), grp.shape()));
            }
            h = layers.get(i).apply(h, params);
        }
        return h.value().rank() == 2 ? h : h.reshape(n, classes());
    }

    private static int[] batchShape(int n, int[] perExample) {
        int[] s = new int[perExample.length + 1];
        s[0] = n;
        System.arraycopy(perExample, 0, s, 1, perExample.length);
        return s;
    }

    @Override
    public int inputs() {
        return product(inputShape);
    }

    @Override
    public int classes() {
        return product(outputShape);
    }

    private static int product(int[] s) {
        int p = 1;
        for (int d : s) {
            p *= d;
        }
        return p;
    }

    @Override
    public String toString() {
        return "Sequential" + Arrays.toString(inputShape) + " " + layers + " (" + layout.size() + " parameters)";
    }

    /** Adds layers in order. */
    public static final class Builder {
        private final int[] inputShape;
        private final List<Layer> layers = new ArrayList<>();
        private final List<String> prefixes = new ArrayList<>();

        private Builder(int[] inputShape) {
            if (inputShape.length == 0) {
                throw new IllegalArgumentException("give the per-example input shape, e.g. 784 or 1, 28, 28");
            }
            for (int d : inputShape) {
                if (d <= 0) {
                    throw new IllegalArgumentException("input shape must be positive: " + Arrays.toString(inputShape));
                }
            }
            this.inputShape = inputShape.clone();
        }

        /** Adds a layer whose groups are numbered (W1, b1, ...). */
        public Builder add(Layer layer) {
            layers.add(java.util.Objects.requireNonNull(layer, "layer"));
            prefixes.add(null);
            return this;
        }

        /** Adds a layer whose groups are named {@code prefix} + role (e.g. "conv1." gives conv1.W, conv1.b). */
        public Builder add(String prefix, Layer layer) {
            if (prefix == null || prefix.isEmpty()) {
                throw new IllegalArgumentException("a group-name prefix must not be empty; use add(layer) for numbered names");
            }
            layers.add(java.util.Objects.requireNonNull(layer, "layer"));
            prefixes.add(prefix);
            return this;
        }

        /**
         * The model.
         *
         * @throws IllegalArgumentException when a layer cannot take the previous layer's output shape, or
         *     two groups get the same name
         */
        public Sequential build() {
            return new Sequential(this);
        }
    }
}
