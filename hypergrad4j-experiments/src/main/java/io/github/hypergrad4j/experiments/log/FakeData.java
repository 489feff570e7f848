package io.github.hypergrad4j.experiments.log;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.annotation.JsonValue;
import io.github.hypergrad4j.data.Centring;
import io.github.hypergrad4j.data.CyclicBatches;
import io.github.hypergrad4j.data.Examples;
import io.github.hypergrad4j.data.LabelledImages;
import io.github.hypergrad4j.data.SplitSizes;
import io.github.hypergrad4j.experiments.ConfigException;
import io.github.hypergrad4j.experiments.Experiment;
import io.github.hypergrad4j.experiments.ExperimentContext;
import io.github.hypergrad4j.experiments.InnerRun;
import io.github.hypergrad4j.experiments.LoadedData;
import io.github.hypergrad4j.experiments.meta.MetaFigures;
import io.github.hypergrad4j.experiments.meta.MetaHistory;
import io.github.hypergrad4j.experiments.meta.MetaLoop;
import io.github.hypergrad4j.experiments.meta.MetaTraining;
import io.github.hypergrad4j.hyper.InitialWeights;
import io.github.hypergrad4j.meta.SgdMomentum;
import io.github.hypergrad4j.model.L2Penalty;
import io.github.hypergrad4j.model.Activation;
import io.github.hypergrad4j.model.Mlp;
import io.github.hypergrad4j.model.ParameterLayout;
import io.github.hypergrad4j.plot.ColourScale;
import io.github.hypergrad4j.plot.ImageGrid;
import io.github.hypergrad4j.plot.Panels;
import io.github.hypergrad4j.tensor.Tensor;
import io.github.hypergrad4j.train.Classification;
import io.github.hypergrad4j.train.Hypergradient;
import io.github.hypergrad4j.train.Objective;
import io.github.hypergrad4j.train.Schedule;
import io.github.hypergrad4j.train.Theta;
import io.github.hypergrad4j.train.TrainingLoss;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.time.MonthDay;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Log entry of Jan 19, "Optimizing fake data": the training set itself is the hyperparameter. Ten
 * images, one per label, start as small noise; each meta-iteration trains a logistic regression on
 * them and follows the exact gradient of the validation loss with respect to every pixel.
 */
public final class FakeData implements Experiment {
    static final String DATA = "data";

    /** What the meta-optimisation minimises, a function of the trained weights w_T. */
    public enum MetaObjective {
        /** The validation cross-entropy alone. */
        CROSS_ENTROPY("cross-entropy"),
        /**
         * The validation cross-entropy plus the training loss's L2 term l2 |w_T|^2: the original's meta-objective
         * (its loss function always added the penalty). The term depends on w_T, so its gradient goes through
         * the reverse pass like the cross-entropy's.
         */
        WITH_L2("with-l2");

        private final String word;

        MetaObjective(String word) {
            this.word = word;
        }

        /** The command line's name, cross-entropy or with-l2, also as results.json records it. */
        @JsonValue
        public String word() {
            return word;
        }

        /** The objective named by its command-line word. */
        public static MetaObjective of(String word) {
            for (MetaObjective m : values()) {
                if (m.word.equals(word)) {
                    return m;
                }
            }
            throw new ConfigException("'" + word + "' is not a meta-objective; use cross-entropy or with-l2");
        }
    }

    /**
     * @param inner the inner training run; its training set is the ten fake images (one per class), so
     *     its training size is 10 and its batch at most 10
     * @param l2 L2 penalty on every weight
     * @param fakeInitialScale fake images start as fakeInitialScale * N(0, 1)
     * @param dataStep gradient-descent step on the fake pixels
     * @param metaIterations hypergradient steps
     * @param outputActivation the activation before the softmax (tanh in the log's figure 1, linear in figure 3)
     * @param metaObjective the validation cross-entropy, or it plus the L2 term (the original's, the presets' default)
     */
    public record Config(@JsonUnwrapped InnerRun inner, double l2, double fakeInitialScale, double dataStep,
            int metaIterations, Activation outputActivation, MetaObjective metaObjective) {
        public Config {
            if (outputActivation == null) {
                throw new ConfigException("the network needs an output activation (linear or tanh)");
            }
            if (metaObjective == null) {
                throw new ConfigException("the meta-objective must be cross-entropy or with-l2");
            }
            if (inner.sizes().train() != LabelledImages.DEFAULT_CLASSES) {
                throw new ConfigException("fake-data trains on one fake image per class, "
                        + LabelledImages.DEFAULT_CLASSES + " in all, not " + inner.sizes().train());
            }
            ConfigException.requireNonNegative("the L2 penalty", l2);
            ConfigException.requireNonNegative("fake data initial scale", fakeInitialScale);
            ConfigException.requirePositive("data step (--meta-step)", dataStep);
            ConfigException.requirePositive("meta-iterations (--meta-iterations)", metaIterations);
        }

        /** A linear output layer and the original's meta-objective with the L2 term (the log's figure 3). */
        public Config(InnerRun inner, double l2, double fakeInitialScale, double dataStep, int metaIterations) {
            this(inner, l2, fakeInitialScale, dataStep, metaIterations, Activation.LINEAR, MetaObjective.WITH_L2);
        }

        /** The preset names, default first. */
        public static final List<String> PRESETS = List.of("log-fig3", "log-fig1");

        /**
         * log-fig3 (default; Jan 19 figure 3): linear output, L2 0.01, 40 iterations, learning rate 1, initial
         * scale exp(-4), fake data from 0.01 N(0, 1), 10,000 validation and 1,000 test images, data step 1, 20
         * meta-iterations. log-fig1 (figure 1): tanh before the softmax, L2 0.1, 10 iterations, learning rate
         * exp(0.5), initial scale exp(-2), fake data from zero, 1,000 validation images, data step 0.04, 50
         * meta-iterations. Both minimise the validation loss with the L2 term, as the original's experiment.py
         * of both figures did (its meta-objective was its loss function, which always added the penalty).
         */
        public static Config preset(String name, boolean quick) {
            return switch (name) {
                case "log-fig3" -> quick ? new Config(inner(1_000, 500, 20, 1.0, -4), 0.01, 0.01, 1.0, 6)
                        : new Config(inner(10_000, 1_000, 40, 1.0, -4), 0.01, 0.01, 1.0, 20);
                case "log-fig1" -> new Config(inner(quick ? 500 : 1_000, quick ? 200 : 1_000, 10, Math.exp(0.5), -2),
                        0.1, 0, 0.04, quick ? 6 : 50, Activation.TANH, MetaObjective.WITH_L2);
                default -> throw new ConfigException("unknown preset '" + name + "'; choose one of " + PRESETS);
            };
        }

        /** The log's setting of figure 3. */
        public static Config defaults() {
            return preset("log-fig3", false);
        }

        /** A small version that runs in seconds. */
        public static Config quick() {
            return preset("log-fig3", true);
        }

        private static InnerRun inner(int validation, int test, int iterations, double learningRate, double logScale) {
            return new InnerRun(new SplitSizes(LabelledImages.DEFAULT_CLASSES, validation, test), 10, iterations,
                    learningRate, 0.9, logScale);
        }

        public Config withMeta(double step, int count) {
            return new Config(inner, l2, fakeInitialScale, step, count, outputActivation, metaObjective);
        }

        public Config withInner(InnerRun run) {
            return new Config(run, l2, fakeInitialScale, dataStep, metaIterations, outputActivation, metaObjective);
        }

        public Config withNetwork(Activation output) {
            return new Config(inner, l2, fakeInitialScale, dataStep, metaIterations, output, metaObjective);
        }

        public Config withMetaObjective(MetaObjective objective) {
            return new Config(inner, l2, fakeInitialScale, dataStep, metaIterations, outputActivation, objective);
        }
    }

    private final Config config;

    public FakeData(Config config) {
        this.config = config;
    }

    @Override
    public String name() {
        return "fake-data";
    }

    @Override
    public String title() {
        return "Learning the training data: ten fake images, one per class";
    }

    @Override
    public String description() {
        return "Given only ten training examples, what should they look like to do well on a validation set? The"
                + " pixels of ten images (labels 0 to 9) are hyperparameters of a logistic regression's training run,"
                + " learned by following the exact gradient of the validation loss (" + (config.metaObjective()
                == MetaObjective.WITH_L2 ? "with the training loss's L2 term on the trained weights, as in the original"
                : "the cross-entropy alone") + "). They turn into canonical examples"
                + " of each class; the error-rate figure shows how far the validation set is overfitted.";
    }

    @Override
    public MonthDay logDate() {
        return MonthDay.of(1, 19);
    }

    @Override
    public Config config() {
        return config;
    }

    @Override
    public void run(ExperimentContext context) throws IOException {
        InnerRun run = config.inner();
        // The training set is the fake images: of the data, only validation and test examples are read.
        LoadedData data = context.loadData(new SplitSizes(0, run.sizes().validation(), run.sizes().test()),
                Centring.POOL_MEAN);
        Examples valid = Examples.of(data.splits().validation());
        Examples test = Examples.of(data.splits().test());
        int classes = LabelledImages.DEFAULT_CLASSES, pixels = valid.images().cols();
        Mlp model = new Mlp(Activation.TANH, config.outputActivation(), pixels, classes); // no hidden layer
        ParameterLayout layout = model.layout();
        int[] fakeLabels = new int[classes];
        double[] oneHot = new double[classes * classes];
        for (int c = 0; c < classes; c++) {
            fakeLabels[c] = c;
            oneHot[c * classes + c] = 1;
        }
        Tensor fakeTargets = Tensor.of(oneHot, classes, classes);
        TrainingLoss loss = trainingLoss(model, fakeTargets, run.batchSize(), config.l2());
        double[] w0 = run.initialWeights(layout, context);
        Schedule schedule = run.schedule(layout);

        double[] fake = InitialWeights.standardNormal(classes * pixels, context.seedFor("fake data"));
        for (int i = 0; i < fake.length; i++) {
            fake[i] *= config.fakeInitialScale();
        }
        double realScale = valid.rms();
        MetaTraining.Hyperparameters hyper = new MetaTraining.Hyperparameters() {
            @Override
            public Theta theta(double[] x) {
                return Theta.of(DATA, Tensor.of(x.clone(), classes, pixels));
            }

            @Override
            public double[] gradient(double[] x, Hypergradient h) {
                return h.dTheta().get(DATA).data().clone();
            }
        };
        MetaTraining.Evaluation evaluation = (w, theta) -> {
            Map<String, Double> m = new LinkedHashMap<>();
            Tensor images = theta.get(DATA);
            Classification.Score tr = Classification.score(model, w, images, fakeTargets, fakeLabels);
            Classification.Score va = Classification.score(model, w, valid);
            Classification.Score te = Classification.score(model, w, test);
            m.put("trainLoss", tr.loss());
            m.put("validationLoss", va.loss());
            double squares = 0;
            for (double v : w) {
                squares += v * v;
            }
            // The original's losses all include the training penalty: validation and test + this are its numbers.
            m.put("penalty", config.l2() * squares);
            m.put("trainLossWithL2", tr.loss() + config.l2() * squares);
            m.put("validationLossWithL2", va.loss() + config.l2() * squares);
            m.put("testLoss", te.loss());
            m.put("testLossWithL2", te.loss() + config.l2() * squares);
            m.put("fakeDataScale", Examples.rms(images.data()) / realScale);
            m.put("trainError", tr.errorRate());
            m.put("validationError", va.errorRate());
            m.put("testError", te.errorRate());
            return m;
        };
        MetaHistory history = new MetaLoop(context, "fake-data meta-iterations", config.metaIterations(), headline())
                .run(fake, new SgdMomentum(config.dataStep(), 0), new MetaTraining(context.trainer(layout, loss), w0,
                        schedule, metaObjective(model, valid, config.l2(), config.metaObjective()), hyper, evaluation));
        record(context, history, fake, valid);
    }

    private BufferedImage metaCurve(MetaHistory history) {
        if (config.metaObjective() == MetaObjective.WITH_L2) {
            return MetaFigures.metaCurve(history, "Meta-learning curve (meta-objective: validation loss + L2)",
                    "Loss / relative scale", new String[] {"trainLossWithL2", "validationLossWithL2", "testLossWithL2",
                        "validationLoss", "testLoss", "fakeDataScale"},
                    new String[] {"Training loss + L2 (fake data)", "Validation loss + L2 (meta-objective)",
                        "Test loss + L2", "Validation cross-entropy", "Test cross-entropy", "Fake data scale"});
        }
        return MetaFigures.metaCurve(history, "Meta-learning curve", "Loss / relative scale",
                new String[] {"trainLoss", "validationLoss", "testLoss", "fakeDataScale"},
                new String[] {"Training loss (fake data)", "Validation loss", "Test loss", "Fake data scale"});
    }

    /** The meta-objective's metric: the progress line's and the guard's headline. */
    private String headline() {
        return config.metaObjective() == MetaObjective.WITH_L2 ? "validationLossWithL2" : "validationLoss";
    }

    /**
     * The training loss on the fake images (read from theta by the name {@link #DATA}, one per class with
     * these one-hot targets), in minibatches of {@code batchSize}, plus l2 |w|^2 on every weight.
     */
    static TrainingLoss trainingLoss(Mlp model, Tensor fakeTargets, int batchSize, double l2) {
        L2Penalty penalty = L2Penalty.scalar(model.layout());
        Tensor lambda = Tensor.vector(l2);
        return Classification.plus(Classification.thetaMinibatchLoss(model, DATA, fakeTargets,
                new CyclicBatches(fakeTargets.rows(), batchSize)), (w, theta) -> penalty.apply(w, w.tape().constant(lambda)));
    }

    /**
     * The meta-objective of the final weights w_T: the cross-entropy on {@code valid}, plus (with
     * {@link MetaObjective#WITH_L2}) the training loss's L2 term l2 |w_T|^2 on every weight, recorded on
     * w_T's tape so the reverse pass differentiates it too.
     */
    static Objective metaObjective(Mlp model, Examples valid, double l2, MetaObjective kind) {
        Objective crossEntropy = Classification.setLoss(model, valid);
        if (kind == MetaObjective.CROSS_ENTROPY) {
            return crossEntropy;
        }
        L2Penalty penalty = L2Penalty.scalar(model.layout());
        Tensor lambda = Tensor.vector(l2);
        return (w, theta) -> crossEntropy.at(w, theta).plus(penalty.apply(w, w.tape().constant(lambda)));
    }

    private void record(ExperimentContext context, MetaHistory history, double[] fake, Examples real) throws IOException {
        history.record(context.results().data().section("meta"));
        context.results().data().put("finalFakeData", fake);
        int classes = LabelledImages.DEFAULT_CLASSES, pixels = real.height() * real.width();
        double[][] images = new double[classes][];
        String[] labels = new String[classes];
        for (int c = 0; c < classes; c++) {
            images[c] = java.util.Arrays.copyOfRange(fake, c * pixels, (c + 1) * pixels);
            labels[c] = "label " + c;
        }
        var grid = ImageGrid.of(images, real.height(), real.width()).labels(labels).zoom(3).title("Fake data")
                .scale(ColourScale.spanning(ColourScale.Map.GREYS, images, true), "pixel value").render();
        context.saveFigure("fake-data.png", "Top: training loss on the fake data per step, one curve per"
                + " meta-iteration (light: first, dark: last). Middle: meta-learning curve, with the fake data's RMS"
                + " relative to the real images'" + (config.metaObjective() == MetaObjective.WITH_L2
                ? "; the meta-objective is the validation loss + L2 term (the original's), drawn with the training"
                + " and test losses + L2 term and the cross-entropies alone" : "; the meta-objective is the validation"
                + " cross-entropy alone") + ". Bottom: the learned images (grey is zero).", Panels.column(
                MetaFigures.learningCurves(history, "Learning curves"),
                metaCurve(history),
                grid));
        context.saveFigure("fake-data-error-rates.png", "Error rates over meta-iterations: on the fake training data,"
                + " on the validation set that is being optimised, and on the held-out test set. The gap between"
                + " validation and test shows how much the validation set is overfitted.",
                MetaFigures.metaCurve(history, "Error rates", "Error rate",
                        new String[] {"trainError", "validationError", "testError"},
                        new String[] {"Training error (fake data)", "Validation error", "Test error"}));
        context.results().summary("validation loss before", history.first("validationLoss"))
                .summary("validation loss + L2 penalty before", history.first("validationLossWithL2"))
                .summary("validation loss after", history.last("validationLoss"))
                .summary("validation loss + L2 penalty after (the original's measure)",
                        history.last("validationLoss") + history.last("penalty"))
                .summary("test loss + L2 penalty after", history.last("testLoss") + history.last("penalty"))
                .summary("test loss after", history.last("testLoss"))
                .summary("validation error after", history.last("validationError"))
                .summary("test error after", history.last("testError"))
                .summary("overfitting of the validation set (test - validation error)",
                        history.last("testError") - history.last("validationError"))
                .summary("fake data scale relative to real data", history.last("fakeDataScale"));
    }
}
