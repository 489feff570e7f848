package io.github.hypergrad4j.model;

import io.github.hypergrad4j.autodiff.Var;
import java.util.Arrays;

/**
 * A multilayer perceptron with layer sizes {@code [inputs, hidden..., classes]}; groups are named
 * W1, b1, W2, b2, ... Weights are stored inputs-by-outputs so a layer is {@code x W + b}. With two
 * sizes it is logistic (softmax) regression.
 */
public final class Mlp implements Model {
    private final int[] sizes;
    private final Activation activation;
    private final ParameterLayout layout;

    /**
     * A fully connected network with layers of the given sizes and the activation between them (none after
     * the last).
     *
     * @param activation the hidden nonlinearity
     * @param sizes input size, hidden sizes, number of classes; at least two
     * @throws IllegalArgumentException for fewer than two sizes or a size below 1
     */
    public Mlp(Activation activation, int... sizes) {
        if (sizes.length < 2) {
            throw new IllegalArgumentException("an MLP needs at least input and output sizes, got " + Arrays.toString(sizes));
        }
        for (int s : sizes) {
            if (s <= 0) {
                throw new IllegalArgumentException("layer sizes must be positive: " + Arrays.toString(sizes));
            }
        }
        this.sizes = sizes.clone();
        this.activation = activation;
        ParameterLayout.Builder b = ParameterLayout.builder();
        for (int l = 1; l < sizes.length; l++) {
            b.add("W" + l, sizes[l - 1], sizes[l]);
            b.add("b" + l, sizes[l]);
        }
        this.layout = b.build();
    }

    /**
     * Logistic regression: one affine layer followed by softmax.
     *
     * @param inputs the number of features
     * @param classes the number of classes
     * @return an MLP without hidden layers
     */
    public static Mlp logisticRegression(int inputs, int classes) {
        return new Mlp(Activation.TANH, inputs, classes);
    }

    @Override
    public ParameterLayout layout() {
        return layout;
    }

    @Override
    public Var logits(Var weights, Var inputs) {
        if (inputs.value().cols() != sizes[0]) {
            throw new IllegalArgumentException("inputs have " + inputs.value().cols() + " features but the network expects "
                    + sizes[0] + "; check the data or the layer sizes " + Arrays.toString(sizes));
        }
        if (weights.value().size() != layout.size()) {
            throw new IllegalArgumentException("weight vector of " + weights.value().size() + " values for a network of "
                    + layout.size() + " parameters " + Arrays.toString(sizes));
        }
        Var h = inputs;
        int layers = sizes.length - 1;
        for (int l = 0; l < layers; l++) {
            ParameterLayout.Group w = layout.group(2 * l), b = layout.group(2 * l + 1);
            h = h.matmul(weights.slice(w.offset(), w.shape())).plusRow(weights.slice(b.offset(), b.shape()));
            if (l < layers - 1) {
                h = activation.apply(h);
            }
        }
        return h;
    }

    @Override
    public int inputs() {
        return sizes[0];
    }

    @Override
    public int classes() {
        return sizes[sizes.length - 1];
    }

    /**
     * The layer sizes, input first.
     *
     * @return a copy
     */
    public int[] sizes() {
        return sizes.clone();
    }

    /**
     * The hidden nonlinearity.
     *
     * @return the activation
     */
    public Activation activation() {
        return activation;
    }

    @Override
    public String toString() {
        return "Mlp" + Arrays.toString(sizes) + " " + activation.name().toLowerCase();
    }
}
