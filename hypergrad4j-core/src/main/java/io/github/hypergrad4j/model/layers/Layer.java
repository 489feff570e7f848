package io.github.hypergrad4j.model.layers;

import io.github.hypergrad4j.autodiff.Var;
import java.util.List;

/**
 * One stage of a network. Shapes are per example: a layer sees a batch {@code [N, inputShape...]}
 * and returns {@code [N, outputShape(inputShape)...]}. A layer holds no weights itself: it declares
 * the parameter groups it reads ({@link #parameters}) and gets them, cut from the flat weight vector,
 * in {@link #apply}. Everything must be built from {@link Var} operations, deterministically.
 */
public interface Layer {

    /**
     * The per-example output shape for this per-example input shape.
     *
     * @throws IllegalArgumentException when the layer cannot take inputs of this shape, saying why
     */
    int[] outputShape(int[] inputShape);

    /** The parameter groups this layer reads for inputs of this shape, in order; none by default. */
    default List<Parameter> parameters(int[] inputShape) {
        return List.of();
    }

    /**
     * The layer's output for a batch {@code x}.
     *
     * @param x inputs {@code [N, inputShape...]}
     * @param parameters one var per entry of {@link #parameters}, in that order and shape
     */
    Var apply(Var x, List<Var> parameters);
}
