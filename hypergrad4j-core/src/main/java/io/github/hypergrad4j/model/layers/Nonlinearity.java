package io.github.hypergrad4j.model.layers;

import io.github.hypergrad4j.autodiff.Var;
import io.github.hypergrad4j.model.Activation;
import java.util.List;

/** An elementwise {@link Activation} as a layer: any shape, no parameters. */
public final class Nonlinearity implements Layer {
    private final Activation activation;

    /** The layer applying {@code activation}. */
    public Nonlinearity(Activation activation) {
        this.activation = java.util.Objects.requireNonNull(activation, "activation");
    }

    /** The activation it applies. */
    public Activation activation() {
        return activation;
    }

    @Override
    public int[] outputShape(int[] in) {
        return in.clone();
    }

    @Override
    public Var apply(Var x, List<Var> p) {
        return activation.apply(x);
    }

    @Override
    public String toString() {
        return activation.name().toLowerCase(java.util.Locale.ROOT);
    }
}
