package io.github.hypergrad4j.meta;

import io.github.hypergrad4j.data.BatchOrder;
import io.github.hypergrad4j.data.DataSplits;
import io.github.hypergrad4j.data.Dataset;
import io.github.hypergrad4j.data.DatasetSpec;
import io.github.hypergrad4j.data.Examples;
import io.github.hypergrad4j.hyper.HyperVector;
import io.github.hypergrad4j.hyper.InitialWeights;
import io.github.hypergrad4j.hyper.Parameterisation;
import io.github.hypergrad4j.hyper.ScheduleLayout;
import io.github.hypergrad4j.model.Activation;
import io.github.hypergrad4j.model.Mlp;
import io.github.hypergrad4j.train.BufferSettings;
import io.github.hypergrad4j.train.Classification;
import io.github.hypergrad4j.train.Hypergradient;
import io.github.hypergrad4j.train.Objective;
import io.github.hypergrad4j.train.Optimizer;
import io.github.hypergrad4j.train.ReversibleTrainer;
import io.github.hypergrad4j.train.Schedule;
import io.github.hypergrad4j.train.StepListener;
import io.github.hypergrad4j.train.Theta;
import io.github.hypergrad4j.train.TrainingLoss;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The reversible-learning paper's schedule problem: an MLP trained for T steps with a learning rate
 * and a momentum for every step and parameter group, and an initial scale per group; the objective is
 * the training loss on the whole training set after training. Hyperparameters are the flat vector
 * [log alpha (T x G), logit beta (T x G), log scale (G)] of {@link #layout()}. Each seed draws its own
 * initial weights and random minibatches (seeded by seed and meta-iteration), or, with {@link
 * BatchOrder#CONSECUTIVE}, walks the training set's consecutive slices as the original experiments did. Trained with SGD with
 * momentum, or with another {@link Optimizer} ({@link #withOptimizer}; for Adam, beta is beta1 and
 * beta2, eps keep the optimiser's constants).
 */
public final class ScheduleProblem implements HypergradientProblem {
    private static final long serialVersionUID = 1L;

    /** Layer sizes of the MLP, input first. */
    private final int[] layers;
    /** Training steps T. */
    private final int steps;
    /** Minibatch size. */
    private final int batchSize;
    /** Where the data come from and how they are split. */
    private final DatasetSpec data;
    /** How the training runs keep their information buffer. */
    private final BufferSettings buffer;
    /** The update rule every inner training run uses; null only in forms serialised before it existed. */
    private final Optimizer optimizer;
    /** The activation after the output layer, before the softmax; null in problems serialised before it existed. */
    private final Activation output;
    /** How minibatches are chosen; null in problems serialised before it existed (random). */
    private final BatchOrder order;
    private transient volatile Dataset train;

    /**
     * A problem whose trainers keep the whole information buffer in memory.
     *
     * @param layers the MLP's layer sizes, input first, e.g. {784, 50, 50, 50, 10}
     * @param steps the number of training steps T, at least 1
     * @param batchSize the minibatch size, at most the training set's size
     * @param data the data and its split, loaded lazily by each process
     */
    public ScheduleProblem(int[] layers, int steps, int batchSize, DatasetSpec data) {
        this(layers, steps, batchSize, data, BufferSettings.IN_MEMORY, Optimizer.sgdMomentum(), Activation.LINEAR,
                BatchOrder.RANDOM);
    }

    private ScheduleProblem(int[] layers, int steps, int batchSize, DatasetSpec data, BufferSettings buffer,
            Optimizer optimizer, Activation output, BatchOrder order) {
        if (steps < 1 || batchSize < 1) {
            throw new IllegalArgumentException("steps and batch size must be >= 1, got " + steps + " and " + batchSize);
        }
        if (data.sizes().train() < batchSize) {
            throw new IllegalArgumentException("batch of " + batchSize + " from only " + data.sizes().train()
                    + " training examples; use a smaller batch or more data");
        }
        this.layers = layers.clone();
        this.steps = steps;
        this.batchSize = batchSize;
        this.data = data;
        this.buffer = java.util.Objects.requireNonNull(buffer, "buffer settings");
        this.optimizer = java.util.Objects.requireNonNull(optimizer, "the optimiser");
        this.output = java.util.Objects.requireNonNull(output, "the output activation");
        this.order = java.util.Objects.requireNonNull(order, "the batch order");
    }

    /**
     * The same problem with every training run's information buffer limited as {@code settings} say. The
     * settings travel with the problem (it is serialisable), so they hold on Spark executors too; results
     * are unchanged.
     *
     * @param settings the buffer's memory limit and spill directory
     * @return a new problem
     */
    public ScheduleProblem withBuffer(BufferSettings settings) {
        return new ScheduleProblem(layers, steps, batchSize, data, settings, optimizer, output, order);
    }

    /**
     * How the training runs keep their information buffer.
     *
     * @return the settings
     */
    public BufferSettings buffer() {
        return buffer;
    }

    /**
     * The same problem with its inner training runs (and their reverse passes) using another update
     * rule. The schedule's beta is then that rule's first-moment decay (Adam's beta1); beta2, eps and
     * weight decay come from the optimiser's defaults. Like the buffer settings, the optimiser travels
     * with the problem to Spark executors.
     *
     * @param optimizer the update rule, e.g. {@code Optimizer.adam()}; not null
     * @return a new problem with the same model, data, steps and buffer settings
     */
    public ScheduleProblem withOptimizer(Optimizer optimizer) {
        return new ScheduleProblem(layers, steps, batchSize, data, buffer, optimizer, output, order);
    }

    /**
     * The same problem with {@code activation} after the output layer, before the softmax. The original
     * experiments of Jan 9-19 applied tanh there (their losses cannot fall below about 0.8); the paper's
     * network and the default here are linear.
     *
     * @param activation {@link Activation#LINEAR} or e.g. {@link Activation#TANH}
     * @return a new problem
     */
    public ScheduleProblem withOutputActivation(Activation activation) {
        return new ScheduleProblem(layers, steps, batchSize, data, buffer, optimizer, activation, order);
    }

    /**
     * The activation after the output layer.
     *
     * @return {@link Activation#LINEAR} unless {@link #withOutputActivation} said otherwise
     */
    public Activation outputActivation() {
        return output == null ? Activation.LINEAR : output;
    }

    /**
     * The same problem with its minibatches chosen in another order. The default, {@link BatchOrder#RANDOM},
     * draws new batches for every seed and meta-iteration; {@link BatchOrder#CONSECUTIVE} takes the training
     * set's slices in order, epoch after epoch, the same for every seed (the original experiments' order).
     *
     * @param batchOrder the order; not null
     * @return a new problem
     */
    public ScheduleProblem withBatchOrder(BatchOrder batchOrder) {
        return new ScheduleProblem(layers, steps, batchSize, data, buffer, optimizer, output, batchOrder);
    }

    /**
     * How the minibatches are chosen.
     *
     * @return {@link BatchOrder#RANDOM} unless {@link #withBatchOrder} said otherwise
     */
    public BatchOrder batchOrder() {
        return order == null ? BatchOrder.RANDOM : order;
    }

    /**
     * A problem serialised before it named an optimiser (or an output activation, or a batch order) keeps the
     * old defaults.
     *
     * @return this problem, or for such an old form the same problem with {@link Optimizer#sgdMomentum()},
     *     a linear output and random batches
     */
    private Object readResolve() {
        return optimizer == null || output == null || order == null
                ? new ScheduleProblem(layers, steps, batchSize, data, buffer,
                        optimizer == null ? Optimizer.sgdMomentum() : optimizer, outputActivation(), batchOrder())
                : this;
    }

    /**
     * The update rule of the inner training runs.
     *
     * @return the optimiser, {@link Optimizer#sgdMomentum()} unless {@link #withOptimizer(Optimizer)}
     *     chose another
     */
    public Optimizer optimizer() {
        return optimizer;
    }

    /**
     * The network: an MLP of the given layer sizes with tanh hidden layers and the
     * {@linkplain #outputActivation() output activation}.
     *
     * @return a new model
     */
    public Mlp model() {
        return new Mlp(Activation.TANH, outputActivation(), layers);
    }

    /**
     * The number of training steps.
     *
     * @return T
     */
    public int steps() {
        return steps;
    }

    /**
     * The number of parameter groups (weights and biases of each layer).
     *
     * @return G
     */
    public int groups() {
        return model().layout().groupCount();
    }

    /**
     * Where each hyperparameter sits in the flat vector.
     *
     * @return the layout of this problem's hyperparameter vector
     */
    public ScheduleLayout layout() {
        return new ScheduleLayout(steps, groups());
    }

    @Override
    public int size() {
        return layout().size();
    }

    /**
     * The starting hyperparameters: constant learning rate and momentum, and one initial scale per group.
     *
     * @param alpha the learning rate of every step and group
     * @param beta the momentum of every step and group
     * @param scales one initial scale per group
     * @return the hyperparameters in this problem's parameterisation
     */
    public HyperVector initial(double alpha, double beta, double[] scales) {
        ScheduleLayout l = layout();
        int g = l.groups();
        if (scales.length != g) {
            throw new IllegalArgumentException(scales.length + " initial scales for " + g + " parameter groups");
        }
        double[] logAlpha = new double[steps * g], logitBeta = new double[steps * g], logScale = new double[g];
        java.util.Arrays.fill(logAlpha, Parameterisation.LOG.inverse(alpha));
        java.util.Arrays.fill(logitBeta, Parameterisation.LOGIT.inverse(beta));
        for (int i = 0; i < g; i++) {
            logScale[i] = Parameterisation.LOG.inverse(scales[i]);
        }
        // Block order and sizes as ScheduleLayout: T x G learning rates, T x G momentums, G scales.
        Map<String, double[]> blocks = new LinkedHashMap<>();
        blocks.put("logAlpha", logAlpha);
        blocks.put("logitBeta", logitBeta);
        blocks.put("logScale", logScale);
        return HyperVector.of(blocks);
    }

    private Dataset train() {
        Dataset t = train;
        if (t == null) {
            synchronized (this) {
                t = train;
                if (t == null) {
                    try {
                        DataSplits splits = data.load();
                        t = splits.train();
                    } catch (IOException e) {
                        throw new UncheckedIOException("could not load the training data " + data.source() + ": " + e.getMessage(), e);
                    }
                    train = t;
                }
            }
        }
        return t;
    }

    /**
     * A meta step can carry a log learning rate or log scale so far that its exponential overflows: that is
     * the meta-optimisation diverging (the caller's explosion guard can step back), not a bad argument.
     */
    private void requireRepresentable(double[] x, double[][] alpha, double[] scales) {
        ScheduleLayout l = layout();
        int g = l.groups();
        for (int t = 0; t < steps; t++) {
            for (int k = 0; k < g; k++) {
                if (!Double.isFinite(alpha[t][k])) {
                    throw new io.github.hypergrad4j.train.TrainingDivergedException(t, "the learning rate of step " + t
                            + ", group " + k + " is exp(" + x[l.logAlpha(t, k)] + ") = " + alpha[t][k] + " after the meta step",
                            null);
                }
            }
        }
        for (int k = 0; k < g; k++) {
            if (!Double.isFinite(scales[k]) || !Double.isFinite(x[l.logScale(k)])) {
                throw new io.github.hypergrad4j.train.TrainingDivergedException(0, "the initial scale of group " + k
                        + " is exp(" + x[l.logScale(k)] + ") = " + scales[k] + " after the meta step", null);
            }
        }
        for (double v : x) {
            if (!Double.isFinite(v)) {
                throw new io.github.hypergrad4j.train.TrainingDivergedException(0, "a hyperparameter is " + v
                        + " after the meta step", null);
            }
        }
    }

    @Override
    public SeedResult evaluate(double[] x, long seed, int metaIteration) {
        ScheduleLayout l = layout();
        if (x.length != l.size()) {
            throw new IllegalArgumentException(x.length + " hyperparameters for a problem of " + l.size());
        }
        Mlp model = model();
        int g = l.groups();
        double[][] alpha = new double[steps][g], beta = new double[steps][g];
        double[] scales = new double[g];
        for (int t = 0; t < steps; t++) {
            for (int k = 0; k < g; k++) {
                alpha[t][k] = Parameterisation.LOG.value(x[l.logAlpha(t, k)]);
                beta[t][k] = Parameterisation.LOGIT.value(x[l.logitBeta(t, k)]);
            }
        }
        for (int k = 0; k < g; k++) {
            scales[k] = Parameterisation.LOG.value(x[l.logScale(k)]);
        }
        requireRepresentable(x, alpha, scales);
        Examples data = Examples.of(train());
        TrainingLoss loss = Classification.minibatchLoss(model, data,
                batchOrder().schedule(data.size(), batchSize, seed, metaIteration));
        Objective objective = Classification.setLoss(model, data);
        InitialWeights init = new InitialWeights(model.layout(), seed);
        double[] w0 = init.weights(scales);
        Hypergradient h = buffer.apply(new ReversibleTrainer(model.layout(), loss, optimizer)).hypergradient(w0,
                new double[w0.length],
                new Schedule(alpha, beta), Theta.empty(), objective, StepListener.NONE);

        double[] grad = new double[l.size()];
        for (int t = 0; t < steps; t++) {
            for (int k = 0; k < g; k++) {
                grad[l.logAlpha(t, k)] = h.dAlpha()[t][k] * alpha[t][k];
                grad[l.logitBeta(t, k)] = h.dBeta()[t][k] * Parameterisation.LOGIT.derivative(x[l.logitBeta(t, k)]);
            }
        }
        double[] dScale = init.scaleGradient(h.dWeights0());
        for (int k = 0; k < g; k++) {
            grad[l.logScale(k)] = dScale[k] * scales[k];
        }
        return new SeedResult(h.objective(), grad, h.trainingLosses());
    }
}
