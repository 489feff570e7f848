package io.github.hypergrad4j.model;

import io.github.hypergrad4j.autodiff.Var;
import io.github.hypergrad4j.model.layers.Dense;
import io.github.hypergrad4j.model.layers.Nonlinearity;
import io.github.hypergrad4j.model.layers.Sequential;
import java.util.Arrays;

/**
 * A multilayer perceptron with layer sizes {@code [inputs, hidden..., classes]}; groups are named
 * W1, b1, W2, b2, ... Weights are stored inputs-by-outputs so a layer is {@code x W + b}. With two
 * sizes it is logistic (softmax) regression. Built as a {@link Sequential} of {@link Dense} layers
 * with the hidden activation between them and the output activation (linear unless given) after the
 * last.
 */
public final class Mlp implements Model {
    private final int[] sizes;
    private final Activation activation;
    private final Activation output;
    private final Sequential network;

    /** Hidden layers with {@code activation}, a linear output layer. */
    public Mlp(Activation activation, int... sizes) {
        this(activation, Activation.LINEAR, sizes);
    }

    /** Hidden layers with {@code hidden}, the output layer followed by {@code output}. */
    public Mlp(Activation hidden, Activation output, int... sizes) {
        if (sizes.length < 2) {
            throw new IllegalArgumentException("an MLP needs at least input and output sizes, got " + Arrays.toString(sizes));
        }
        for (int s : sizes) {
            if (s <= 0) {
                throw new IllegalArgumentException("layer sizes must be positive: " + Arrays.toString(sizes));
            }
        }
        this.sizes = sizes.clone();
        this.activation = java.util.Objects.requireNonNull(hidden, "hidden activation");
        this.output = java.util.Objects.requireNonNull(output, "output activation");
        Sequential.Builder b = Sequential.builder(sizes[0]);
        for (int l = 1; l < sizes.length; l++) {
            b.add(new Dense(sizes[l]));
            Activation after = l < sizes.length - 1 ? hidden : output;
            if (after != Activation.LINEAR) {
                b.add(new Nonlinearity(after));
            }
        }
        this.network = b.build();
    }

    /** Logistic regression: one affine layer followed by softmax. */
    public static Mlp logisticRegression(int inputs, int classes) {
        return new Mlp(Activation.TANH, inputs, classes);
    }

    @Override
    public ParameterLayout layout() {
        return network.layout();
    }

    @Override
    public Var logits(Var weights, Var inputs) {
        if (inputs.value().cols() != sizes[0]) {
            throw new IllegalArgumentException("inputs have " + inputs.value().cols() + " features but the network expects "
                    + sizes[0] + "; check the data or the layer sizes " + Arrays.toString(sizes));
        }
        if (weights.value().size() != layout().size()) {
            throw new IllegalArgumentException("weight vector of " + weights.value().size() + " values for a network of "
                    + layout().size() + " parameters " + Arrays.toString(sizes));
        }
        return network.logits(weights, inputs);
    }

    @Override
    public int inputs() {
        return sizes[0];
    }

    @Override
    public int classes() {
        return sizes[sizes.length - 1];
    }

    public int[] sizes() {
        return sizes.clone();
    }

    /** The hidden layers' activation. */
    public Activation activation() {
        return activation;
    }

    /** The activation after the output layer ({@link Activation#LINEAR} unless given). */
    public Activation outputActivation() {
        return output;
    }

    /** The layers this network is built from. */
    public Sequential network() {
        return network;
    }

    @Override
    public String toString() {
        return "Mlp" + Arrays.toString(sizes) + " " + activation.name().toLowerCase()
                + (output == Activation.LINEAR ? "" : ", " + output.name().toLowerCase() + " output");
    }
}
