package io.github.hypergrad4j.experiments.sweep;

import io.github.hypergrad4j.data.Centring;
import io.github.hypergrad4j.data.CyclicBatches;
import io.github.hypergrad4j.data.Examples;
import io.github.hypergrad4j.data.SplitSizes;
import io.github.hypergrad4j.experiments.ConfigException;
import io.github.hypergrad4j.experiments.ExperimentContext;
import io.github.hypergrad4j.experiments.LoadedData;
import io.github.hypergrad4j.hyper.InitialWeights;
import io.github.hypergrad4j.meta.ScheduleProblem;
import io.github.hypergrad4j.model.Activation;
import io.github.hypergrad4j.model.Mlp;
import io.github.hypergrad4j.train.Classification;
import io.github.hypergrad4j.train.Objective;
import io.github.hypergrad4j.train.ReversibleTrainer;
import java.io.IOException;
import java.util.Arrays;

/**
 * The wiggliness experiments' training run: a tanh MLP (its output activation chosen) trained on a fixed training set with cyclic
 * minibatches, scored by its loss on the whole training set, from initial weights scale * z with
 * noise z fixed by the seed; and ({@link #scheduleProblem}) the fixed network of the schedule experiments.
 *
 * @param model the network
 * @param train the training set
 * @param trainer reversible SGD with momentum on the minibatch loss
 * @param objective cross-entropy on the whole training set at the final weights
 * @param init the fixed initial noise
 */
public record NetworkSetup(Mlp model, Examples train, ReversibleTrainer trainer, Objective objective, InitialWeights init) {

    /**
     * The run of the wiggliness experiments: tanh hidden layers, {@code output} after the last layer.
     *
     * @param output the activation before the softmax ({@link Activation#TANH} in the log's Jan 9 and Jan 14
     *     figures, {@link Activation#LINEAR} in the paper)
     */
    public static NetworkSetup create(ExperimentContext context, int[] layers, Activation output, int trainSize,
            int batchSize) throws IOException {
        if (batchSize > trainSize) {
            throw new ConfigException("batch size " + batchSize + " is larger than the training set (" + trainSize
                    + "); use a batch of at most " + trainSize);
        }
        LoadedData data = context.loadData(new SplitSizes(trainSize, 0, 0));
        Examples train = Examples.of(data.splits().train());
        if (layers[0] != train.images().cols()) {
            throw new ConfigException("the network's input layer has " + layers[0] + " units but the images have "
                    + train.images().cols() + " pixels; the layer sizes " + Arrays.toString(layers) + " must start with "
                    + train.images().cols());
        }
        Mlp model = new Mlp(Activation.TANH, output, layers);
        ReversibleTrainer trainer = context.trainer(model.layout(),
                Classification.minibatchLoss(model, train, new CyclicBatches(trainSize, batchSize)));
        InitialWeights init = new InitialWeights(model.layout(), context.seedFor("initial weights"));
        return new NetworkSetup(model, train, trainer, Classification.setLoss(model, train), init);
    }

    /**
     * Refuses images the network cannot take: its input layer must have one unit per pixel and its output
     * layer one per class.
     *
     * @param remedy what to do, e.g. "give --layers starting with 256" or "use 28 x 28 images"; may
     *     mention {@code %d}, filled with the images' pixel count
     */
    public static void requireFits(String experiment, int[] layers, io.github.hypergrad4j.data.Dataset train, String remedy) {
        int pixels = train.height() * train.width();
        if (layers[0] != pixels) {
            throw new ConfigException(String.format(java.util.Locale.ROOT, "%s's network %s takes images of %d pixels,"
                    + " but the data's images are %d x %d = %d pixels; %s", experiment, Arrays.toString(layers), layers[0],
                    train.height(), train.width(), pixels, String.format(java.util.Locale.ROOT, remedy, pixels)));
        }
        if (layers[layers.length - 1] != train.classes()) {
            throw new ConfigException(String.format(java.util.Locale.ROOT, "%s's network %s has %d output units, but"
                    + " the data has %d classes; the layer sizes must end with %d", experiment, Arrays.toString(layers),
                    layers[layers.length - 1], train.classes(), train.classes()));
        }
    }

    /**
     * The schedule problem that lr-schedule, adam-schedule and init-scales meta-optimise: a tanh MLP of a
     * fixed size trained for {@code steps} steps on {@code trainSize} examples, with the run's buffer
     * settings; the network is checked against the images first.
     *
     * @param centring whether the pixels are centred on the pool's mean image (the original's paper-era
     *     experiments did, its January log experiments did not)
     */
    public static ScheduleProblem scheduleProblem(ExperimentContext context, String experiment, int[] layers, int steps,
            int batchSize, int trainSize, Centring centring) throws IOException {
        SplitSizes sizes = new SplitSizes(trainSize, 0, 0);
        LoadedData data = context.loadData(sizes, centring);
        requireFits(experiment, layers, data.splits().train(), FIXED_NETWORK);
        return new ScheduleProblem(layers, steps, batchSize, data.spec(sizes, context.seedFor("data split"))
                .withCentring(centring)).withBuffer(context.buffer());
    }

    /** The remedy for a network of fixed size: data of its image size. */
    public static final String FIXED_NETWORK = "this experiment's network is fixed for 28 x 28 images: use MNIST or Fashion-MNIST"
            + " (--data mnist or --data fashion-mnist) or a directory of 28 x 28 IDX files.";

    /** Validates layer sizes for a config: at least input and output, all positive. */
    public static int[] checkLayers(int[] layers) {
        if (layers == null || layers.length < 2) {
            throw new ConfigException("the network needs at least an input and an output layer, got "
                    + Arrays.toString(layers));
        }
        for (int n : layers) {
            ConfigException.requirePositive("every layer size", n);
        }
        return layers.clone();
    }
}
