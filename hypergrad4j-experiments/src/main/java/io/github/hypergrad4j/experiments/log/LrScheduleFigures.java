package io.github.hypergrad4j.experiments.log;

import io.github.hypergrad4j.experiments.ExperimentContext;
import io.github.hypergrad4j.experiments.meta.MetaFigures;
import io.github.hypergrad4j.experiments.meta.MetaHistory;
import io.github.hypergrad4j.hyper.Parameterisation;
import io.github.hypergrad4j.hyper.ScheduleLayout;
import io.github.hypergrad4j.hyper.ScheduleLayout.Block;
import io.github.hypergrad4j.meta.SeedResult;
import io.github.hypergrad4j.model.ParameterLayout;
import io.github.hypergrad4j.plot.LineChart;
import io.github.hypergrad4j.plot.Palette;
import io.github.hypergrad4j.plot.Panels;
import io.github.hypergrad4j.report.ResultsSection;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The lr-schedule experiment's numbers and figures: schedules, learning curves and the seed-averaged
 * hypergradient. The schedule and learning-curve figures serve adam-schedule too ({@link
 * #saveSchedules}), with beta1 in place of the momentum.
 */
final class LrScheduleFigures {
    private static final int W = 560;
    private static final int H = 320;

    /**
     * What the figures show, from lr-schedule's configuration.
     *
     * @param perGroup separate schedules for each layer's weights and biases
     * @param learnMomentum the momentum schedules are learned too
     * @param learnScales the initial scales are learned too
     * @param newSeedEachMetaIteration each meta-iteration has its own seed
     */
    record Shape(boolean perGroup, boolean learnMomentum, boolean learnScales, boolean newSeedEachMetaIteration) {}

    private final Shape config;
    private final String momentumName;
    private final ParameterLayout layout;
    private final int steps;
    private final int groups;
    private final double[] stepAxis;
    private final ScheduleLayout schedule;

    LrScheduleFigures(Shape config, ParameterLayout layout, int steps, int groups) {
        this(config, "Momentum", layout, steps, groups);
    }

    /** Figures whose second schedule is called {@code momentumName} (e.g. "beta1" for Adam). */
    LrScheduleFigures(Shape config, String momentumName, ParameterLayout layout, int steps, int groups) {
        this.config = config;
        this.momentumName = momentumName;
        this.layout = layout;
        this.steps = steps;
        this.groups = groups;
        this.schedule = new ScheduleLayout(steps, groups);
        this.stepAxis = new double[steps];
        for (int t = 0; t < steps; t++) {
            stepAxis[t] = t;
        }
    }

    void save(ExperimentContext context, MetaHistory history, List<double[]> schedules, double[] end, double[] start,
            SeedAverage average, double before, double after, int compareSeeds,
            java.util.SortedMap<Integer, double[]> hypergradients) throws IOException {
        ResultsSection data = context.results().data();
        history.record(data.section("meta"));
        ResultsSection learned = data.section("learned");
        learned.put("logAlpha", schedule.rows(end, Block.LOG_ALPHA));
        learned.put("logitBeta", schedule.rows(end, Block.LOGIT_BETA));
        learned.put("logScale", schedule.logScales(end));
        learned.put("groups", String.join(",", layout.names()));
        ResultsSection hg = data.section("initialHypergradient");
        hg.put("seeds", average.seeds());
        hg.put("singleSeedLogAlpha", alphaRows(average.singleA()));
        hg.put("meanLogAlpha", alphaRows(average.mean()));
        double singleSpread = spread(average.singleA(), average.singleB());
        double halfSpread = spread(average.halfA(), average.halfB());
        hg.put("singleSeedSpread", singleSpread);
        hg.put("halfMeanSpread", halfSpread);
        hg.put("singleSeedRoughness", roughness(alphaRows(average.singleA())));
        hg.put("meanRoughness", roughness(alphaRows(average.mean())));
        data.put("trainLossBefore", before).put("trainLossAfter", after).put("comparisonSeeds", compareSeeds);

        saveSchedules(context, "lr-schedule", history, schedules, start, end);
        if (!config.perGroup() && !hypergradients.isEmpty()) {
            saveMetaHypergradients(context, data, hypergradients);
        }
        context.saveFigure("lr-schedule-hypergradient.png", "The hypergradient with respect to the log learning rate"
                + " of every step at the constant starting schedule: for one seed (left) and averaged over "
                + average.seeds() + " seeds (right), which is smooth. The mean squared difference between two"
                + " independent estimates is " + fmt(singleSpread) + " for single seeds and " + fmt(halfSpread)
                + " for means of " + average.seeds() / 2 + " seeds.", Panels.row(
                        gradientChart("One seed", alphaRows(average.singleA())),
                        gradientChart("Mean of " + average.seeds() + " seeds", alphaRows(average.mean()))));

        if (config.perGroup() && config.learnMomentum()) {
            saveMeanHypergradientPanels(context, hg, average);
        }
        context.results().summary("training loss before (mean of " + compareSeeds + " seeds)", before)
                .summary("training loss after (same seeds)", after)
                .summary("spread of single-seed hypergradients", singleSpread)
                .summary("spread of " + average.seeds() / 2 + "-seed means", halfSpread);
        if (config.learnScales()) {
            ScaleCurves scales = saveScales(context, data, schedules);
            for (int k = 0; k < groups; k++) {
                context.results().summary(ScaleCurves.label("learned initial scale ", layout.group(k), scales.heuristic(k)),
                        Parameterisation.LOG.value(end[schedule.logScale(k)]));
            }
        }
    }

    /**
     * The paper's init-scale figure: the scales learned jointly with the schedules, one point per
     * meta-iteration, biases left and weights right with the 1/sqrt(fan-in) heuristic.
     */
    private ScaleCurves saveScales(ExperimentContext context, ResultsSection data, List<double[]> schedules)
            throws IOException {
        double[] iterations = new double[schedules.size()];
        double[][] curves = new double[groups][schedules.size()];
        for (int i = 0; i < schedules.size(); i++) {
            iterations[i] = i;
            for (int k = 0; k < groups; k++) {
                curves[k][i] = Parameterisation.LOG.value(schedules.get(i)[schedule.logScale(k)]);
            }
        }
        ScaleCurves scales = new ScaleCurves(layout, iterations, curves, data.section("scales"));
        context.saveFigure("lr-schedule-scales.png", "The initial scales, learned together with the schedules, at"
                + " each meta-iteration: weights (top, log axis) and biases (bottom), with the 1/sqrt(fan-in)"
                + " heuristic dashed in the same colour (the paper: the first layer's weights settle on 1/sqrt(784)).",
                Panels.column(scales.weights(), scales.biases()));
        return scales;
    }

    /**
     * The paper's hypergradient figure: the seed-averaged hypergradient at the start with respect to the
     * learning rate and the momentum of every step, for each layer's weights and biases.
     */
    private void saveMeanHypergradientPanels(ExperimentContext context, ResultsSection hg, SeedAverage average)
            throws IOException {
        double[][] alpha = alphaRows(average.mean());
        double[][] beta = schedule.rows(average.mean().gradient(), Block.LOGIT_BETA);
        hg.put("meanLogitBeta", beta);
        String mean = " (mean of " + average.seeds() + " seeds)";
        String dAlpha = "d loss / d log learning rate", dBeta = "d loss / d logit " + momentumName.toLowerCase(
                java.util.Locale.ROOT);
        context.saveFigure("lr-schedule-hypergradient-panels.png", "The hypergradient at the constant starting schedule,"
                + " averaged over " + average.seeds() + " seeds, with respect to the learning rate (top) and the "
                + momentumName.toLowerCase(java.util.Locale.ROOT) + " (bottom) of every step, for each layer's weights"
                + " (left) and biases (right).", Panels.grid(2,
                        groupChart("Learning rate, weights" + mean, alpha, true, dAlpha),
                        groupChart("Learning rate, biases" + mean, alpha, false, dAlpha),
                        groupChart(momentumName + ", weights" + mean, beta, true, dBeta),
                        groupChart(momentumName + ", biases" + mean, beta, false, dBeta)));
    }

    /** The schedule figure ({@code name}.png) and the learning curves ({@code name}-learning.png). */
    void saveSchedules(ExperimentContext context, String name, MetaHistory history, List<double[]> schedules, double[] start,
            double[] end) throws IOException {
        String second = momentumName.toLowerCase(java.util.Locale.ROOT);
        context.saveFigure(name + ".png", "The learned schedules: learning rate per step for each layer's weights"
                + (config.perGroup() ? " (left) and biases (right)" : "") + (config.learnMomentum()
                ? "; below, the " + second + " schedules" : "") + ". " + (config.perGroup() ? "Light grey: the start."
                : "One line per meta-iteration, light (first) to dark (last)."), scheduleFigure(schedules, start, end));
        context.saveFigure(name + "-learning.png", "Top: training loss per step, one curve per meta-iteration"
                + " (light: first, dark: last)" + (config.newSeedEachMetaIteration() ? ", each with its own seed" : "")
                + ". Bottom: the meta-learning curve, the training loss on the whole training set after training.",
                Panels.column(MetaFigures.learningCurves(history, "Elementary learning curves"),
                        MetaFigures.metaCurve(history, "Meta-learning curve", "Training loss after training",
                                new String[] {"trainLoss"}, new String[] {"Training loss"})));
    }

    /**
     * The log's Jan 15 figures, middle panel: at every meta-iteration, the hypergradient with respect to the
     * log learning rate of every step (summed over the groups that share it), the one the meta step
     * followed; oscillating, growing curves are the chaos the log reports.
     */
    private void saveMetaHypergradients(ExperimentContext context, ResultsSection data,
            java.util.SortedMap<Integer, double[]> hypergradients) throws IOException {
        ResultsSection section = data.section("metaHypergradients");
        LineChart c = LineChart.titled("Hypergradient with respect to the schedule, per meta-iteration")
                .axes("Step number", "d loss / d log learning rate").markers(steps <= 40).legendAt("outside");
        int n = hypergradients.size(), i = 0;
        double[] peak = new double[n];
        for (Map.Entry<Integer, double[]> e : hypergradients.entrySet()) {
            double[][] rows = schedule.rows(e.getValue(), Block.LOG_ALPHA);
            double[] sum = new double[steps];
            for (int t = 0; t < steps; t++) {
                for (int k = 0; k < groups; k++) {
                    sum[t] += rows[t][k];
                }
                peak[i] = Math.max(peak[i], Math.abs(sum[t]));
            }
            section.put("metaIteration" + e.getKey(), sum);
            c.series("meta-iteration " + e.getKey(), stepAxis, sum, Palette.ordered(i, n), i == 0 || i == n - 1);
            i++;
        }
        section.put("largestMagnitude", peak);
        context.saveFigure("lr-schedule-meta-hypergradients.png", "The hypergradient with respect to the log learning"
                + " rate of every step at each meta-iteration (light: first, dark: last), before the meta step ties"
                + " the steps that share a value.", c.render(2 * W, H));
        context.results().summary("largest |hypergradient| of a step, first meta-iteration", peak[0])
                .summary("largest |hypergradient| of a step, last meta-iteration with a gradient", peak[n - 1]);
    }

    private BufferedImage scheduleFigure(List<double[]> schedules, double[] start, double[] end) {
        List<BufferedImage> panels = new ArrayList<>();
        if (config.perGroup()) {
            panels.add(perGroup("Learning rate, weights", start, end, Block.LOG_ALPHA, true));
            panels.add(perGroup("Learning rate, biases", start, end, Block.LOG_ALPHA, false));
            if (config.learnMomentum()) {
                panels.add(perGroup(momentumName + ", weights", start, end, Block.LOGIT_BETA, true));
                panels.add(perGroup(momentumName + ", biases", start, end, Block.LOGIT_BETA, false));
            }
            return Panels.grid(2, panels.toArray(BufferedImage[]::new));
        }
        LineChart c = LineChart.titled("Learning-rate schedule").axes("Step number", "Log learning rate")
                .markers(steps <= 40).legendAt("outside");
        for (int i = 0; i < schedules.size(); i++) {
            double[] row = new double[steps];
            for (int t = 0; t < steps; t++) {
                row[t] = schedules.get(i)[schedule.logAlpha(t, 0)];
            }
            boolean ends = i == 0 || i == schedules.size() - 1;
            c.series("meta-iteration " + i, stepAxis, row, Palette.ordered(i, schedules.size()), ends);
        }
        return c.render(2 * W, H);
    }

    private BufferedImage perGroup(String title, double[] first, double[] end, Block block, boolean weights) {
        boolean momentum = block == Block.LOGIT_BETA;
        LineChart c = LineChart.titled(title).axes("Step number", momentum ? momentumName : "Learning rate")
                .markers(false).legendAt("outside");
        c.series("start", stepAxis, values(first, block, firstGroup(weights)), new java.awt.Color(0xbbbbbb));
        int colour = 0;
        for (int k = 0; k < groups; k++) {
            if (isWeights(k) == weights) {
                c.series(layout.group(k).name(), stepAxis, values(end, block, k), Palette.categorical(colour++));
            }
        }
        return c.render(W, H);
    }

    private int firstGroup(boolean weights) {
        for (int k = 0; k < groups; k++) {
            if (isWeights(k) == weights) {
                return k;
            }
        }
        return 0;
    }

    private boolean isWeights(int group) {
        return layout.group(group).name().startsWith("W");
    }

    private double[] values(double[] x, Block block, int group) {
        double[] v = new double[steps];
        for (int t = 0; t < steps; t++) {
            double raw = x[schedule.index(block, t, group)];
            v[t] = block == Block.LOGIT_BETA ? Parameterisation.LOGIT.value(raw) : Parameterisation.LOG.value(raw);
        }
        return v;
    }

    private BufferedImage gradientChart(String title, double[][] rows) {
        LineChart c = LineChart.titled(title).axes("Step number", "d loss / d log learning rate").markers(false)
                .legendAt("outside");
        if (!config.perGroup()) {
            double[] sum = new double[steps];
            for (int t = 0; t < steps; t++) {
                for (int k = 0; k < groups; k++) {
                    sum[t] += rows[t][k];
                }
            }
            return c.series("shared rate", stepAxis, sum, Palette.categorical(0)).render(W, H);
        }
        return groupChart(title, rows, true, "d loss / d log learning rate");
    }

    /** One line per group of weights (or of biases): column k of {@code rows} [step][group] over the steps. */
    private BufferedImage groupChart(String title, double[][] rows, boolean weights, String yLabel) {
        LineChart c = LineChart.titled(title).axes("Step number", yLabel).markers(false).legendAt("outside");
        int colour = 0;
        for (int k = 0; k < groups; k++) {
            if (isWeights(k) == weights) {
                double[] col = new double[steps];
                for (int t = 0; t < steps; t++) {
                    col[t] = rows[t][k];
                }
                c.series(layout.group(k).name(), stepAxis, col, Palette.categorical(colour++));
            }
        }
        return c.render(W, H);
    }

    private double[][] alphaRows(SeedResult r) {
        return schedule.rows(r.gradient(), Block.LOG_ALPHA);
    }

    /** Mean squared difference of two estimates of the log-learning-rate hypergradient. */
    private double spread(SeedResult a, SeedResult b) {
        double[][] x = alphaRows(a), y = alphaRows(b);
        double s = 0;
        int n = 0;
        for (int t = 0; t < x.length; t++) {
            for (int g = 0; g < x[t].length; g++) {
                double d = x[t][g] - y[t][g];
                s += d * d;
                n++;
            }
        }
        return s / n;
    }

    /** Mean squared change from one step to the next, over all groups. */
    static double roughness(double[][] rows) {
        double s = 0;
        int n = 0;
        for (int t = 1; t < rows.length; t++) {
            for (int k = 0; k < rows[t].length; k++) {
                double d = rows[t][k] - rows[t - 1][k];
                s += d * d;
                n++;
            }
        }
        return n == 0 ? 0 : s / n;
    }

    private static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.3g", v);
    }
}
