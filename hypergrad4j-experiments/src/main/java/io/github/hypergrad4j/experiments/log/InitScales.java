package io.github.hypergrad4j.experiments.log;

import io.github.hypergrad4j.data.Centring;
import io.github.hypergrad4j.experiments.ConfigException;
import io.github.hypergrad4j.experiments.Experiment;
import io.github.hypergrad4j.experiments.ExperimentContext;
import io.github.hypergrad4j.experiments.meta.MetaFigures;
import io.github.hypergrad4j.experiments.meta.MetaHistory;
import io.github.hypergrad4j.experiments.meta.ScheduleMetaLoop;
import io.github.hypergrad4j.experiments.meta.ScheduleTying;
import io.github.hypergrad4j.experiments.sweep.NetworkSetup;
import io.github.hypergrad4j.hyper.HyperVector;
import io.github.hypergrad4j.hyper.Parameterisation;
import io.github.hypergrad4j.hyper.ScheduleLayout;
import io.github.hypergrad4j.meta.Adam;
import io.github.hypergrad4j.meta.ScheduleProblem;
import io.github.hypergrad4j.meta.SeedEvaluator;
import io.github.hypergrad4j.meta.ThreadPoolSeedEvaluator;
import io.github.hypergrad4j.model.ParameterLayout;
import io.github.hypergrad4j.plot.LineChart;
import io.github.hypergrad4j.plot.Palette;
import io.github.hypergrad4j.plot.Panels;
import java.io.IOException;
import java.time.MonthDay;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Log entry of Jan 16 (and the paper): one initial weight scale for each layer's weights and biases
 * (8 hyperparameters for 784-50-50-50-10), learned by Adam on the exact hypergradient of the training
 * loss after training, from a poor start. The learned weight scales are compared with the
 * 1/sqrt(fan-in) heuristic.
 */
public final class InitScales implements Experiment {
    /**
     * The default start: every scale 0.01, poor (too small for every layer) but on the calm side. From
     * scale 1 (s = 0) the scale-wiggliness sweep shows the exact derivative turning chaotic after ten or
     * so steps, and there the learned scales wander (W1 rose from 1 to 1.82 in a full run) instead of
     * approaching 1/sqrt(fan-in).
     */
    static final double CALM_POOR_START = 0.01;

    /** Prefix of the recorded metric holding a group's scale, e.g. {@code scaleW1}. */
    static final String SCALE = "scale";

    /**
     * @param layers layer sizes
     * @param steps training steps
     * @param batchSize minibatch size
     * @param trainSize training examples (the objective is the loss on all of them)
     * @param learningRate constant learning rate
     * @param momentum constant momentum
     * @param initialScale every group's starting scale (a poor one)
     * @param metaStep Adam's step on the log scales
     * @param metaIterations meta-iterations
     */
    public record Config(int[] layers, int steps, int batchSize, int trainSize, double learningRate, double momentum,
            double initialScale, double metaStep, int metaIterations) {
        public Config {
            layers = NetworkSetup.checkLayers(layers);
            ConfigException.requirePositive("steps", steps);
            ConfigException.requirePositive("batch size", batchSize);
            ConfigException.requirePositive("training set size", trainSize);
            ConfigException.requireBatchWithin(batchSize, trainSize);
            ConfigException.requirePositive("learning rate", learningRate);
            ConfigException.requireFraction("momentum", momentum);
            ConfigException.requirePositive("initial scale", initialScale);
            ConfigException.requirePositive("meta step", metaStep);
            ConfigException.requirePositive("meta-iterations", metaIterations);
        }

        public static Config defaults() {
            return new Config(new int[] {784, 50, 50, 50, 10}, 100, 200, 10_000, 0.3, 0.9, CALM_POOR_START, 0.1, 50);
        }

        public static Config quick() {
            return new Config(new int[] {784, 20, 20, 10}, 20, 50, 500, 0.3, 0.9, CALM_POOR_START, 0.1, 15);
        }

        public Config withMeta(double step, int count) {
            return new Config(layers, steps, batchSize, trainSize, learningRate, momentum, initialScale, step, count);
        }

        public Config withStart(double scale) {
            return new Config(layers, steps, batchSize, trainSize, learningRate, momentum, scale, metaStep, metaIterations);
        }
    }

    private final Config config;

    public InitScales(Config config) {
        this.config = config;
    }

    @Override
    public String name() {
        return "init-scales";
    }

    @Override
    public String title() {
        return "Learning the initial weight scale of every layer";
    }

    @Override
    public String description() {
        return "One initial scale per layer for the weights and one for the biases, learned by Adam on the exact"
                + " hypergradient of the training loss after training, starting from the poor scale "
                + config.initialScale() + " for all. Each meta-iteration draws new initial noise and minibatches. The"
                + " dashed lines are the 1/sqrt(fan-in) heuristic for the weights.";
    }

    @Override
    public MonthDay logDate() {
        return MonthDay.of(1, 16);
    }

    @Override
    public Config config() {
        return config;
    }

    @Override
    public void run(ExperimentContext context) throws IOException {
        // Pixels centred on the mean image, as in the original's run that learned the paper's init scales.
        ScheduleProblem problem = NetworkSetup.scheduleProblem(context, name(), config.layers(), config.steps(),
                config.batchSize(), config.trainSize(), Centring.POOL_MEAN);
        int groups = problem.groups();
        double[] scales = new double[groups];
        Arrays.fill(scales, config.initialScale());
        HyperVector start = problem.initial(config.learningRate(), config.momentum(), scales);
        ScheduleTying tying = new ScheduleTying(start.values(), config.steps(), groups, true, 1, false, false, true);
        ParameterLayout layout = problem.model().layout();
        ScheduleLayout schedule = problem.layout();
        ScheduleMetaLoop.Outcome meta;
        try (SeedEvaluator evaluator = ThreadPoolSeedEvaluator.perCore()) {
            meta = ScheduleMetaLoop.run(context, "init-scales meta-iterations", problem, evaluator, tying,
                    new Adam(config.metaStep()), config.metaIterations(), context.seedFor("initial weights and minibatches"),
                    true, "trainLoss", x -> {
                        Map<String, Double> m = new LinkedHashMap<>();
                        for (int k = 0; k < groups; k++) {
                            m.put(SCALE + layout.group(k).name(), Parameterisation.LOG.value(x[schedule.logScale(k)]));
                        }
                        return m;
                    });
        }
        record(context, problem.model().layout(), meta);
    }

    private void record(ExperimentContext context, ParameterLayout layout, ScheduleMetaLoop.Outcome meta)
            throws IOException {
        int groups = layout.groupCount();
        MetaHistory history = meta.history();
        double[][] scaleCurves = new double[groups][];
        for (int k = 0; k < groups; k++) {
            scaleCurves[k] = history.metric(SCALE + layout.group(k).name());
        }
        history.record(context.results().data().section("meta"));
        ScaleCurves scales = new ScaleCurves(layout, history.iterations(), scaleCurves,
                context.results().data().section("scales"));
        context.saveFigure("init-scales.png", "Top: the learned initial scale of each layer's weights over"
                + " meta-iterations, with the 1/sqrt(fan-in) heuristic dashed in the same colour. Middle: the biases'"
                + " scales. Bottom: the meta-learning curve (each point is a run with new initial noise and"
                + " minibatches).", Panels.column(scales.weights(), scales.biases(),
                MetaFigures.metaCurve(history, "Meta-learning curve", "Training loss after training",
                        new String[] {"trainLoss"}, new String[] {"Training loss"})));
        context.saveFigure("init-scales-learning-curves.png", "Training loss per step, one curve per meta-iteration"
                + " (light: first, dark: last).", MetaFigures.learningCurves(history, "Elementary learning curves"));
        context.results().summary("training loss, first meta-iteration", history.first("trainLoss"))
                .summary("training loss, last meta-iteration", history.last("trainLoss"));
        for (int k = 0; k < groups; k++) {
            context.results().summary(ScaleCurves.label("learned scale ", layout.group(k), scales.heuristic(k)),
                    scaleCurves[k][scaleCurves[k].length - 1]);
        }
    }
}
