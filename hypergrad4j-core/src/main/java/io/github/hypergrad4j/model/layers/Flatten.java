package io.github.hypergrad4j.model.layers;

import io.github.hypergrad4j.autodiff.Var;
import java.util.List;

/** Each example's entries as one vector (images before a {@link Dense} layer), in row-major order. */
public final class Flatten implements Layer {

    @Override
    public int[] outputShape(int[] in) {
        int n = 1;
        for (int d : in) {
            n *= d;
        }
        return new int[] {n};
    }

    @Override
    public Var apply(Var x, List<Var> p) {
        return x.reshape(x.value().rows(), x.value().cols());
    }

    @Override
    public String toString() {
        return "Flatten";
    }
}
