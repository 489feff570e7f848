package io.github.hypergrad4j.model.layers;

import io.github.hypergrad4j.model.Activation;

/** Ready-made convolutional networks (the one definition the tests and the benchmark share). */
public final class Convnets {
    private Convnets() {}

    /**
     * A small LeNet-style classifier of images {@code imageShape = [channels, height, width]}: two
     * blocks of a 5x5 convolution with {@code filters} kernels (padded to keep the size), tanh and 2x2
     * pooling, then a dense layer to {@code classes} scores. Groups W1, b1 (first convolution), W2, b2
     * (second), W3, b3 (dense). For MNIST with 16 filters and max pooling: 14,682 parameters.
     *
     * <p>With {@link Pool2d.Kind#MAX} the training loss is only piecewise smooth, and so is everything
     * trained on it: a change of a hyperparameter that moves the maximum of one window to another entry
     * changes that step's gradient by a jump, so the trained weights and the validation loss jump too.
     * Hypergradients are still exact (on the current piece), but finite differences of a whole training
     * run straddle such jumps; {@link Pool2d.Kind#AVERAGE} gives a smooth network to check against them.
     */
    public static Sequential small(Pool2d.Kind pooling, int filters, int classes, int... imageShape) {
        if (imageShape.length != 3) {
            throw new IllegalArgumentException("give the image shape as channels, height, width");
        }
        return Sequential.builder(imageShape)
                .add(Conv2d.of(filters, 5).samePadding()).add(new Nonlinearity(Activation.TANH)).add(pool(pooling))
                .add(Conv2d.of(filters, 5).samePadding()).add(new Nonlinearity(Activation.TANH)).add(pool(pooling))
                .add(new Flatten()).add(new Dense(classes))
                .build();
    }

    private static Pool2d pool(Pool2d.Kind kind) {
        return kind == Pool2d.Kind.MAX ? Pool2d.max(2) : Pool2d.average(2);
    }
}
