package io.github.hypergrad4j.model;

import io.github.hypergrad4j.autodiff.Var;

/**
 * The MLP as it was before it was built on layers (the flat weight vector sliced by hand, layer by
 * layer): the reference that {@link MlpOnLayersTest} compares the rebuilt {@link Mlp} with, bit for bit.
 */
final class HandSlicedMlp implements Model {
    private final int[] sizes;
    private final Activation activation;
    private final ParameterLayout layout;

    HandSlicedMlp(Activation activation, int... sizes) {
        this.sizes = sizes.clone();
        this.activation = activation;
        ParameterLayout.Builder b = ParameterLayout.builder();
        for (int l = 1; l < sizes.length; l++) {
            b.add("W" + l, sizes[l - 1], sizes[l]);
            b.add("b" + l, sizes[l]);
        }
        this.layout = b.build();
    }

    @Override
    public ParameterLayout layout() {
        return layout;
    }

    @Override
    public Var logits(Var weights, Var inputs) {
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
}
