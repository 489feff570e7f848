package io.github.hypergrad4j.model.layers;

import io.github.hypergrad4j.autodiff.Var;
import java.util.Arrays;
import java.util.List;

/**
 * A fully connected layer {@code x W + b} on vectors: weights W {@code [inputs, outputs]} (stored
 * inputs-by-outputs) and biases b {@code [outputs]}. The input must be flat (a {@link Flatten} after
 * images).
 */
public final class Dense implements Layer {
    private final int outputs;

    /** A layer with {@code outputs} units; its input size comes from the layer before. */
    public Dense(int outputs) {
        if (outputs <= 0) {
            throw new IllegalArgumentException("a dense layer needs a positive number of outputs, got " + outputs);
        }
        this.outputs = outputs;
    }

    private static int inputs(int[] inputShape) {
        if (inputShape.length != 1) {
            throw new IllegalArgumentException("a dense layer takes flat inputs, got per-example shape "
                    + Arrays.toString(inputShape) + "; put a Flatten before it");
        }
        return inputShape[0];
    }

    @Override
    public int[] outputShape(int[] inputShape) {
        inputs(inputShape);
        return new int[] {outputs};
    }

    @Override
    public List<Parameter> parameters(int[] inputShape) {
        return List.of(new Parameter("W", new int[] {inputs(inputShape), outputs}), new Parameter("b", new int[] {outputs}));
    }

    @Override
    public Var apply(Var x, List<Var> p) {
        return x.matmul(p.get(0)).plusRow(p.get(1));
    }

    @Override
    public String toString() {
        return "Dense(" + outputs + ")";
    }
}
