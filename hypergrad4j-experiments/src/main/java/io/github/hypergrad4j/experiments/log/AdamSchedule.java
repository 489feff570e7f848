package io.github.hypergrad4j.experiments.log;

import io.github.hypergrad4j.data.Centring;
import io.github.hypergrad4j.experiments.ConfigException;
import io.github.hypergrad4j.experiments.Experiment;
import io.github.hypergrad4j.experiments.ExperimentContext;
import io.github.hypergrad4j.experiments.Progress;
import io.github.hypergrad4j.experiments.meta.ScheduleMetaLoop;
import io.github.hypergrad4j.experiments.meta.ScheduleTying;
import io.github.hypergrad4j.experiments.sweep.NetworkSetup;
import io.github.hypergrad4j.hyper.HyperVector;
import io.github.hypergrad4j.hyper.ScheduleLayout;
import io.github.hypergrad4j.hyper.ScheduleLayout.Block;
import io.github.hypergrad4j.meta.Adam;
import io.github.hypergrad4j.meta.ScheduleProblem;
import io.github.hypergrad4j.meta.SeedEvaluator;
import io.github.hypergrad4j.meta.SeedEvaluators;
import io.github.hypergrad4j.plot.LineChart;
import io.github.hypergrad4j.plot.Palette;
import io.github.hypergrad4j.report.ResultsSection;
import io.github.hypergrad4j.train.Optimizer;
import java.io.IOException;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The paper's schedule experiment with Adam as the inner optimiser, run exactly backwards: learn a
 * learning rate and a beta1 for every step and for the weights and biases of every layer (beta2 and
 * eps stay Adam's defaults), by Adam on the exact hypergradient of the training loss after training,
 * a new seed every meta-iteration. It starts from Adam's best constant learning rate, found by a line
 * search on fixed seeds, and compares the learned schedule with it on those same seeds. The problem,
 * tying, meta-loop and figures are lr-schedule's ({@link ScheduleProblem#withOptimizer}).
 */
public final class AdamSchedule implements Experiment {

    /**
     * @param layers layer sizes
     * @param steps training steps T
     * @param batchSize minibatch size
     * @param trainSize training examples (the objective is the loss on all of them)
     * @param lineSearch constant learning rates tried; the best is the starting schedule
     * @param initialBeta1 beta1 of the constant schedules and the start
     * @param initialScale initial-weight scale of every group (not learned)
     * @param metaStep the meta-optimiser's (Adam's) step
     * @param metaIterations meta-iterations
     * @param compareSeeds seeds of the line search and of the final comparison
     */
    public record Config(int[] layers, int steps, int batchSize, int trainSize, double[] lineSearch, double initialBeta1,
            double initialScale, double metaStep, int metaIterations, int compareSeeds) {
        public Config {
            layers = NetworkSetup.checkLayers(layers);
            ConfigException.requirePositive("steps", steps);
            ConfigException.requirePositive("batch size", batchSize);
            ConfigException.requirePositive("training set size", trainSize);
            ConfigException.requireBatchWithin(batchSize, trainSize);
            if (lineSearch.length == 0) {
                throw new ConfigException("the line search needs at least one learning rate");
            }
            for (double a : lineSearch) {
                ConfigException.requirePositive("line-search learning rate", a);
            }
            lineSearch = lineSearch.clone();
            ConfigException.requireFraction("initial beta1", initialBeta1);
            ConfigException.requirePositive("initial scale", initialScale);
            ConfigException.requirePositive("meta step", metaStep);
            ConfigException.requirePositive("meta-iterations", metaIterations);
            ConfigException.requirePositive("comparison seeds", compareSeeds);
        }

        /** The paper's setting (784-50-50-50-10, T = 100, batch 200, 10,000 examples, Adam at 0.04, 50 meta-iterations). */
        public static Config preset(boolean quick) {
            return quick
                    ? new Config(new int[] {784, 20, 20, 10}, 20, 50, 500, new double[] {0.002, 0.008, 0.032}, 0.9,
                            Math.exp(-2), 0.04, 6, 2)
                    : new Config(new int[] {784, 50, 50, 50, 10}, 100, 200, 10_000,
                            new double[] {0.0005, 0.001, 0.002, 0.004, 0.008, 0.016, 0.032, 0.064}, 0.9, Math.exp(-2),
                            0.04, 50, 5);
        }

        public Config withMeta(double step, int count) {
            return new Config(layers, steps, batchSize, trainSize, lineSearch, initialBeta1, initialScale, step, count,
                    compareSeeds);
        }
    }

    private final Config config;

    public AdamSchedule(Config config) {
        this.config = config;
    }

    @Override
    public String name() {
        return "adam-schedule";
    }

    @Override
    public String title() {
        return "Adam's learning-rate and beta1 schedules, per layer, through exactly reversible Adam";
    }

    @Override
    public String description() {
        return "The schedule experiment with Adam as the training optimiser: a learning rate and a beta1 for every"
                + " step and for the weights and biases of every layer, learned by Adam on the exact hypergradient of"
                + " the training loss after " + config.steps() + " steps of Adam (run backwards exactly), a new seed"
                + " every meta-iteration. It starts from Adam's best constant learning rate (a line search on "
                + config.compareSeeds() + " fixed seeds) and is compared with it on the same seeds.";
    }

    @Override
    public MonthDay logDate() {
        return MonthDay.of(1, 15);
    }

    @Override
    public Config config() {
        return config;
    }

    @Override
    public void run(ExperimentContext context) throws IOException {
        ScheduleProblem problem = NetworkSetup.scheduleProblem(context, name(), config.layers(), config.steps(),
                config.batchSize(), config.trainSize(), Centring.NONE).withOptimizer(Optimizer.adam());
        int groups = problem.groups(), steps = config.steps();
        double[] scales = new double[groups];
        Arrays.fill(scales, config.initialScale());
        long runSeed = context.seedFor("initial weights and minibatches");
        long[] compare = LrSchedule.seeds(runSeed, config.compareSeeds());
        try (SeedEvaluator evaluator = SeedEvaluators.forOption(null)) {
            double[] lineLoss = new double[config.lineSearch().length];
            int best = 0;
            try (Progress.Task task = context.progress().start("line search over constant learning rates",
                    lineLoss.length)) {
                for (int i = 0; i < lineLoss.length; i++) {
                    double[] x = problem.initial(config.lineSearch()[i], config.initialBeta1(), scales).values();
                    lineLoss[i] = evaluator.mean(problem, x, compare, 0).objective();
                    best = lineLoss[i] < lineLoss[best] ? i : best;
                    task.advance(1, String.format(Locale.ROOT, "alpha %s: loss %.4f", config.lineSearch()[i], lineLoss[i]));
                }
            }
            double bestAlpha = config.lineSearch()[best];
            HyperVector start = problem.initial(bestAlpha, config.initialBeta1(), scales);
            context.info(String.format(Locale.ROOT, "best constant learning rate %s (training loss %.4f); learning %d"
                    + " learning rates and beta1s from there", bestAlpha, lineLoss[best], 2 * steps * groups));
            ScheduleTying tying = new ScheduleTying(start.values(), steps, groups, true, 1, true, true, false);
            ScheduleMetaLoop.Outcome meta = ScheduleMetaLoop.run(context, "adam-schedule meta-iterations", problem,
                    evaluator, tying, new Adam(config.metaStep()), config.metaIterations(), runSeed, true, "trainLoss",
                    null);
            double[] end = meta.finalFull();
            double learned = evaluator.mean(problem, end, compare, 0).objective();

            ResultsSection d = context.results().data();
            meta.history().record(d.section("meta"));
            ScheduleLayout layout = new ScheduleLayout(steps, groups);
            ResultsSection l = d.section("learned");
            l.put("logAlpha", layout.rows(end, Block.LOG_ALPHA));
            l.put("logitBeta1", layout.rows(end, Block.LOGIT_BETA));
            l.put("groups", String.join(",", problem.model().layout().names()));
            d.section("lineSearch").put("alpha", config.lineSearch()).put("trainLoss", lineLoss);
            d.put("bestConstantAlpha", bestAlpha).put("bestConstantTrainLoss", lineLoss[best])
                    .put("learnedTrainLoss", learned).put("comparisonSeeds", compare.length);

            LrScheduleFigures figures = new LrScheduleFigures(new LrScheduleFigures.Shape(true, true, false, true), "beta1",
                    problem.model().layout(), steps, groups);
            figures.saveSchedules(context, "adam-schedule", meta.history(), new ArrayList<>(meta.hyperparameters().values()),
                    start.values(), end);
            context.saveFigure("adam-schedule-line-search.png", "Training loss after " + steps + " steps of Adam (mean of "
                    + compare.length + " seeds) for constant learning rates (dots), and for the learned per-step,"
                    + " per-layer schedule of learning rates and beta1 on the same seeds (line).",
                    lineSearchChart(lineLoss, learned));
            context.results().summary("best constant learning rate (line search)", bestAlpha)
                    .summary("training loss, best constant learning rate (mean of " + compare.length + " seeds)", lineLoss[best])
                    .summary("training loss, learned schedule (same seeds)", learned);
        }
    }

    private java.awt.image.BufferedImage lineSearchChart(double[] lineLoss, double learned) {
        double[] logAlpha = Arrays.stream(config.lineSearch()).map(Math::log10).toArray();
        double[] flat = new double[logAlpha.length];
        Arrays.fill(flat, learned);
        return LineChart.titled("Constant learning rate vs learned schedule").axes("log10 learning rate",
                        "Training loss after training")
                .points("constant learning rate", logAlpha, lineLoss, Palette.categorical(0))
                .series("learned schedule", logAlpha, flat, Palette.categorical(1))
                .legendAt("outside").render(640, 320);
    }
}
