package io.github.hypergrad4j.experiments.log;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
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
import io.github.hypergrad4j.hyper.Parameterisation;
import io.github.hypergrad4j.meta.SgdMomentum;
import io.github.hypergrad4j.model.L2Penalty;
import io.github.hypergrad4j.model.Mlp;
import io.github.hypergrad4j.model.ParameterLayout;
import io.github.hypergrad4j.plot.ColourScale;
import io.github.hypergrad4j.plot.ImageGrid;
import io.github.hypergrad4j.plot.Panels;
import io.github.hypergrad4j.tensor.Tensor;
import io.github.hypergrad4j.train.Classification;
import io.github.hypergrad4j.train.Hypergradient;
import io.github.hypergrad4j.train.Schedule;
import io.github.hypergrad4j.train.Theta;
import io.github.hypergrad4j.train.TrainingLoss;
import java.io.IOException;
import java.time.MonthDay;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Log entry of Jan 21, "Automatic Relevance Determination": a separate L2 penalty for every weight of
 * a logistic regression (one per pixel and class), learned by hypergradient descent on the validation
 * loss. The hyperparameters are the log penalties; d loss / d log penalty = d loss / d penalty * penalty.
 */
public final class Ard implements Experiment {
    static final String PENALTY = "l2";

    /**
     * @param inner the inner training run (sizes, batch, iterations, learning rate, momentum, initial scale)
     * @param initialLogPenalty every weight's log penalty at the start
     * @param metaStep gradient-descent step on the log penalties
     * @param metaIterations hypergradient steps
     */
    public record Config(@JsonUnwrapped InnerRun inner, double initialLogPenalty, double metaStep, int metaIterations) {
        public Config {
            ConfigException.requireFinite("initial log penalty", initialLogPenalty);
            ConfigException.requirePositive("meta step (--meta-step)", metaStep);
            ConfigException.requirePositive("meta-iterations (--meta-iterations)", metaIterations);
        }

        /** The log's setting. */
        public static Config defaults() {
            return new Config(new InnerRun(new SplitSizes(10_000, 10_000, 1_000), 100, 50, 1.0, 0.9, -4),
                    Math.log(0.01) + 1, 100, 10);
        }

        /** A small version that runs in seconds. */
        public static Config quick() {
            return new Config(new InnerRun(new SplitSizes(1_000, 1_000, 500), 100, 20, 1.0, 0.9, -4),
                    Math.log(0.01) + 1, 100, 4);
        }

        public Config withMeta(double step, int count) {
            return new Config(inner, initialLogPenalty, step, count);
        }

        public Config withInner(InnerRun run) {
            return new Config(run, initialLogPenalty, metaStep, metaIterations);
        }
    }

    private final Config config;

    public Ard(Config config) {
        this.config = config;
    }

    @Override
    public String name() {
        return "ard";
    }

    @Override
    public String title() {
        return "Automatic relevance determination: one learned L2 penalty per weight";
    }

    @Override
    public String description() {
        return "Logistic regression with a separate L2 penalty for each of its pixel-to-class weights, all learned"
                + " together by gradient descent on the validation loss, using exact hypergradients from reversed"
                + " training runs. The learned penalties, drawn as one 28x28 image per class, show which pixels each"
                + " class is allowed to use.";
    }

    @Override
    public MonthDay logDate() {
        return MonthDay.of(1, 21);
    }

    @Override
    public Config config() {
        return config;
    }

    @Override
    public void run(ExperimentContext context) throws IOException {
        InnerRun run = config.inner();
        LoadedData data = context.loadData(run.sizes(), Centring.POOL_MEAN);
        Examples.Splits splits = Examples.Splits.of(data.splits());
        Examples train = splits.train(), valid = splits.validation(), test = splits.test();
        Mlp model = Mlp.logisticRegression(train.images().cols(), LabelledImages.DEFAULT_CLASSES);
        ParameterLayout layout = model.layout();
        L2Penalty penalty = L2Penalty.perWeight(layout, "W1");
        TrainingLoss loss = Classification.plus(
                Classification.minibatchLoss(model, train, CyclicBatches.shuffled(train.size(), run.batchSize(),
                        context.seedFor("batches"))),
                (w, theta) -> penalty.apply(w, theta.get(PENALTY)));
        double[] w0 = run.initialWeights(layout, context);
        Schedule schedule = run.schedule(layout);

        double[] logPenalty = new double[penalty.size()];
        Arrays.fill(logPenalty, config.initialLogPenalty());
        MetaTraining.Hyperparameters hyper = new MetaTraining.Hyperparameters() {
            @Override
            public Theta theta(double[] x) {
                return Theta.of(PENALTY, Tensor.of(Parameterisation.LOG.values(x), x.length));
            }

            @Override
            public double[] gradient(double[] x, Hypergradient h) {
                return Parameterisation.LOG.chain(x, h.dTheta().get(PENALTY).data());
            }
        };
        MetaTraining.Evaluation evaluation = (w, theta) -> {
            Map<String, Double> m = new LinkedHashMap<>();
            Classification.Score tr = Classification.score(model, w, train);
            Classification.Score va = Classification.score(model, w, valid);
            Classification.Score te = Classification.score(model, w, test);
            m.put("trainLoss", tr.loss());
            m.put("penalty", penaltyValue(w, theta.get(PENALTY).data(), layout));
            m.put("validationLoss", va.loss());
            m.put("testLoss", te.loss());
            m.put("trainError", tr.errorRate());
            m.put("validationError", va.errorRate());
            m.put("testError", te.errorRate());
            return m;
        };
        MetaHistory history = new MetaLoop(context, "ARD meta-iterations", config.metaIterations(), "validationLoss")
                .run(logPenalty, new SgdMomentum(config.metaStep(), 0), new MetaTraining(context.trainer(layout, loss), w0,
                        schedule, Classification.setLoss(model, valid), hyper, evaluation));
        record(context, history, logPenalty, train);
    }

    private void record(ExperimentContext context, MetaHistory history, double[] logPenalty, Examples train)
            throws IOException {
        history.record(context.results().data().section("meta"));
        context.results().data().put("finalLogPenalty", logPenalty);
        double[][] images = perClass(logPenalty, train.height() * train.width(), LabelledImages.DEFAULT_CLASSES);
        double x0 = config.initialLogPenalty();
        double spread = 0;
        for (double v : logPenalty) {
            spread = Math.max(spread, Math.abs(v - x0));
        }
        spread = Math.max(spread, 1e-6);
        String[] labels = new String[images.length];
        for (int c = 0; c < labels.length; c++) {
            labels[c] = "class " + c;
        }
        var penalties = ImageGrid.of(images, train.height(), train.width()).labels(labels).zoom(3)
                .title("Learned log penalties (blue: lowered, red: raised from " + String.format(Locale.ROOT, "%.3f", x0) + ")")
                .scale(new ColourScale(ColourScale.Map.DIVERGING, x0 - spread, x0 + spread), "log penalty").render();
        context.saveFigure("ard.png", "Top: training loss per step for each meta-iteration (light: first, dark: last)."
                + " Middle: meta-learning curve. Bottom: the learned log L2 penalty of every weight, one 28x28 image"
                + " per class.", Panels.column(
                MetaFigures.learningCurves(history, "Learning curves"),
                MetaFigures.metaCurve(history, "Meta-learning curve", "Loss",
                        new String[] {"trainLoss", "validationLoss", "testLoss"},
                        new String[] {"Training loss (without penalty)", "Validation loss", "Test loss"}),
                penalties));
        context.results().summary("validation loss before", history.first("validationLoss"))
                .summary("validation loss after", history.last("validationLoss"))
                .summary("test loss before", history.first("testLoss"))
                .summary("test loss after", history.last("testLoss"))
                .summary("test error before", history.first("testError"))
                .summary("test error after", history.last("testError"))
                .summary("smallest learned log penalty", Arrays.stream(logPenalty).min().orElse(Double.NaN))
                .summary("largest learned log penalty", Arrays.stream(logPenalty).max().orElse(Double.NaN));
    }

    /** sum_i lambda_i w_i^2 over W1. */
    private static double penaltyValue(double[] w, double[] lambda, ParameterLayout layout) {
        ParameterLayout.Group g = layout.group("W1");
        double s = 0;
        for (int i = 0; i < lambda.length; i++) {
            double v = w[g.offset() + i];
            s += lambda[i] * v * v;
        }
        return s;
    }

    /** W1 is pixels x classes, row-major: image c holds entry (p, c) for every pixel p. */
    static double[][] perClass(double[] w1, int pixels, int classes) {
        double[][] out = new double[classes][pixels];
        for (int p = 0; p < pixels; p++) {
            for (int c = 0; c < classes; c++) {
                out[c][p] = w1[p * classes + c];
            }
        }
        return out;
    }
}
