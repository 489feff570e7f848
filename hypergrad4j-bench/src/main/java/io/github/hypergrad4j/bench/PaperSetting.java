package io.github.hypergrad4j.bench;

import io.github.hypergrad4j.hyper.InitialWeights;
import io.github.hypergrad4j.model.Activation;
import io.github.hypergrad4j.model.Losses;
import io.github.hypergrad4j.model.Mlp;
import io.github.hypergrad4j.tensor.Tensor;
import io.github.hypergrad4j.train.Objective;
import io.github.hypergrad4j.train.Optimizer;
import io.github.hypergrad4j.train.ReversibleTrainer;
import io.github.hypergrad4j.train.Schedule;
import io.github.hypergrad4j.train.StoredTrajectoryTrainer;
import io.github.hypergrad4j.train.Theta;
import io.github.hypergrad4j.train.TrainingLoss;
import java.util.SplittableRandom;

/**
 * The reversible-learning paper's timing setting: MLP 784-h-h-h-10 (tanh), batch 200, T steps, 10,000
 * training and 10,000 validation examples (synthetic, of MNIST's shape: pixels in [0, 1], one-hot
 * labels), float64, hypergradients with respect to T x 8 learning rates, T x 8 momentums and 8 initial
 * scales. With SGD with momentum by default; {@link #forOptimizer} gives the same setting with Adam
 * (learning rate 0.001, beta1 0.9, and its default beta2 and eps, also differentiated).
 */
public final class PaperSetting {
    public static final int BATCH = 200;
    public final Mlp model;
    public final int steps;
    public final Tensor trainX, trainY, validX, validY;
    public final InitialWeights init;
    public final Schedule schedule;
    public final double[] scales;

    public final Optimizer optimizer;

    public PaperSetting(int hidden, int steps, int examples, long seed) {
        this(hidden, steps, examples, seed, Optimizer.sgdMomentum());
    }

    private PaperSetting(int hidden, int steps, int examples, long seed, Optimizer optimizer) {
        this.optimizer = optimizer;
        this.model = new Mlp(Activation.TANH, 784, hidden, hidden, hidden, 10);
        this.steps = steps;
        SplittableRandom r = new SplittableRandom(seed);
        trainX = pixels(examples, r);
        trainY = labels(examples, r);
        validX = pixels(examples, r);
        validY = labels(examples, r);
        init = new InitialWeights(model.layout(), seed);
        schedule = optimizer.name().equals(Optimizer.sgdMomentum().name())
                ? Schedule.constant(steps, model.layout(), 0.1, 0.9)
                : Schedule.constant(steps, model.layout(), 0.001, 0.9);
        scales = new double[model.layout().groupCount()];
        for (int g = 0; g < scales.length; g++) {
            scales[g] = 1 / Math.sqrt(model.layout().group(g).shape()[0]);
        }
    }

    /** The same setting (data, initial weights) trained with another optimiser. */
    public static PaperSetting forOptimizer(int hidden, int steps, int examples, long seed, Optimizer optimizer) {
        return new PaperSetting(hidden, steps, examples, seed, optimizer);
    }

    /** The optimiser of a child JVM's argument: "sgd" or "adam". */
    static Optimizer optimizerNamed(String name) {
        return switch (name) {
            case "sgd" -> Optimizer.sgdMomentum();
            case "adam" -> Optimizer.adam();
            default -> throw new IllegalArgumentException("optimiser must be sgd or adam, got " + name);
        };
    }

    private static Tensor pixels(int n, SplittableRandom r) {
        double[] x = new double[n * 784];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextDouble();
        }
        return Tensor.of(x, n, 784);
    }

    private static Tensor labels(int n, SplittableRandom r) {
        double[] y = new double[n * 10];
        for (int i = 0; i < n; i++) {
            y[i * 10 + r.nextInt(10)] = 1;
        }
        return Tensor.of(y, n, 10);
    }

    /** Cyclic minibatch rows for a step. */
    public int[] batch(int step) {
        int n = trainX.rows();
        int[] idx = new int[BATCH];
        for (int k = 0; k < BATCH; k++) {
            idx[k] = (step * BATCH + k) % n;
        }
        return idx;
    }

    public TrainingLoss trainingLoss() {
        return (step, w, theta) -> {
            int[] idx = batch(step);
            return Losses.softmaxCrossEntropy(model.logits(w, w.tape().constant(rows(trainX, idx))),
                    w.tape().constant(rows(trainY, idx)));
        };
    }

    public Objective validationLoss() {
        return (w, theta) -> Losses.softmaxCrossEntropy(model.logits(w, w.tape().constant(validX)), w.tape().constant(validY));
    }

    public ReversibleTrainer trainer() {
        return new ReversibleTrainer(model.layout(), trainingLoss(), optimizer);
    }

    public StoredTrajectoryTrainer reference() {
        return new StoredTrajectoryTrainer(model.layout(), trainingLoss(), optimizer);
    }

    public double[] initialWeights() {
        return init.weights(scales);
    }

    public Theta theta() {
        return Theta.empty();
    }

    static Tensor rows(Tensor m, int[] idx) {
        int c = m.cols();
        double[] out = new double[idx.length * c];
        for (int k = 0; k < idx.length; k++) {
            System.arraycopy(m.data(), idx[k] * c, out, k * c, c);
        }
        return Tensor.of(out, idx.length, c);
    }
}
