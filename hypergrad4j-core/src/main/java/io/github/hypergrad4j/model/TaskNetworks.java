package io.github.hypergrad4j.model;

import io.github.hypergrad4j.autodiff.Var;
import java.util.Arrays;

/**
 * K same-shaped multilayer perceptrons, one per task, in one flat weight vector laid out layer by
 * layer: group {@code W<l>} has shape [K, in, out] and {@code b<l>} shape [K, out], so the K copies
 * of a layer are the K pieces that a {@link WeightMixing} block mixes (see {@link #layerMixing()}).
 * Network k is {@link Mlp}'s computation on the k-th piece of every group.
 */
public final class TaskNetworks {
    private final int tasks;
    private final int[] sizes;
    private final Activation activation;
    private final ParameterLayout layout;

    /**
     * @param tasks K, the number of networks
     * @param sizes layer sizes {@code [inputs, hidden..., classes]} shared by every network
     */
    public TaskNetworks(int tasks, Activation activation, int... sizes) {
        if (tasks < 1) {
            throw new IllegalArgumentException("need at least one task network, got " + tasks);
        }
        Mlp single = new Mlp(activation, sizes); // validates the sizes
        this.tasks = tasks;
        this.sizes = sizes.clone();
        this.activation = activation;
        ParameterLayout.Builder b = ParameterLayout.builder();
        for (ParameterLayout.Group g : single.layout().groups()) {
            int[] shape = new int[g.shape().length + 1];
            shape[0] = tasks;
            System.arraycopy(g.shape(), 0, shape, 1, g.shape().length);
            b.add(g.name(), shape);
        }
        this.layout = b.build();
    }

    /** The groups W1, b1, W2, b2, ..., each with the task as leading dimension. */
    public ParameterLayout layout() {
        return layout;
    }

    /** K. */
    public int tasks() {
        return tasks;
    }

    /** Number of layers (weight matrices) per network. */
    public int layers() {
        return sizes.length - 1;
    }

    public int[] sizes() {
        return sizes.clone();
    }

    public int inputs() {
        return sizes[0];
    }

    public int classes() {
        return sizes[sizes.length - 1];
    }

    /**
     * One mixing block per layer, named {@code layer1}, {@code layer2}, ..., each mixing the K copies of
     * that layer's weights and biases with one K x K matrix.
     */
    public WeightMixing layerMixing() {
        WeightMixing.Builder b = WeightMixing.builder(layout);
        for (int l = 1; l <= layers(); l++) {
            b.mix(layerName(l), "W" + l, "b" + l);
        }
        return b.build();
    }

    /** The name of layer l's block in {@link #layerMixing()} (l from 1). */
    public static String layerName(int l) {
        return "layer" + l;
    }

    /** Class scores (batch x classes) of network {@code task} for inputs (batch x features). */
    public Var logits(Var weights, int task, Var inputs) {
        if (task < 0 || task >= tasks) {
            throw new IllegalArgumentException("task " + task + " of " + tasks + " networks");
        }
        if (weights.value().size() != layout.size()) {
            throw new IllegalArgumentException("weight vector of " + weights.value().size() + " values for " + tasks
                    + " networks of " + layout.size() / tasks + " parameters " + Arrays.toString(sizes));
        }
        if (inputs.value().cols() != sizes[0]) {
            throw new IllegalArgumentException("inputs have " + inputs.value().cols() + " features but the networks"
                    + " expect " + sizes[0] + "; check the data or the layer sizes " + Arrays.toString(sizes));
        }
        Var h = inputs;
        int layers = layers();
        for (int l = 0; l < layers; l++) {
            Var w = piece(weights, layout.group(2 * l), task);
            Var b = piece(weights, layout.group(2 * l + 1), task);
            h = h.matmul(w).plusRow(b);
            if (l < layers - 1) {
                h = activation.apply(h);
            }
        }
        return h;
    }

    private Var piece(Var weights, ParameterLayout.Group g, int task) {
        int size = g.size() / tasks;
        return weights.slice(g.offset() + task * size, Arrays.copyOfRange(g.shape(), 1, g.shape().length));
    }

    @Override
    public String toString() {
        return tasks + " x Mlp" + Arrays.toString(sizes) + " " + activation.name().toLowerCase();
    }
}
