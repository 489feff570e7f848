package io.github.hypergrad4j.experiments;

import io.github.hypergrad4j.hyper.HyperVector;
import io.github.hypergrad4j.hyper.Parameterisation;
import io.github.hypergrad4j.meta.SeedResult;
import io.github.hypergrad4j.model.ParameterLayout;
import io.github.hypergrad4j.plot.LineChart;
import io.github.hypergrad4j.plot.Palette;
import io.github.hypergrad4j.plot.Panels;
import io.github.hypergrad4j.report.ResultsSection;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The lr-schedule experiment's numbers and figures: schedules, learning curves and the seed-averaged
 * hypergradient. The schedule and learning-curve figures serve adam-schedule too ({@link
 * #saveSchedules}), with beta1 in place of the momentum.
 */
final class LrScheduleFigures {
    private static final int W = 560;
    private static final int H = 320;

    private final LrSchedule.Config config;
    private final boolean perGroup;
    private final boolean learnMomentum;
    private final boolean newSeedEachMetaIteration;
    private final String momentumName;
    private final ParameterLayout layout;
    private final int steps;
    private final int groups;
    private final double[] stepAxis;

    LrScheduleFigures(LrSchedule.Config config, ParameterLayout layout, int steps, int groups) {
        this(config, config.perGroup(), config.learnMomentum(), config.newSeedEachMetaIteration(), "Momentum", layout,
                steps, groups);
    }

    /** For another schedule experiment: per-group schedules of the learning rate and {@code momentumName}. */
    LrScheduleFigures(String momentumName, boolean newSeedEachMetaIteration, ParameterLayout layout, int steps, int groups) {
        this(null, true, true, newSeedEachMetaIteration, momentumName, layout, steps, groups);
    }

    private LrScheduleFigures(LrSchedule.Config config, boolean perGroup, boolean learnMomentum,
            boolean newSeedEachMetaIteration, String momentumName, ParameterLayout layout, int steps, int groups) {
        this.config = config;
        this.perGroup = perGroup;
        this.learnMomentum = learnMomentum;
        this.newSeedEachMetaIteration = newSeedEachMetaIteration;
        this.momentumName = momentumName;
        this.layout = layout;
        this.steps = steps;
        this.groups = groups;
        this.stepAxis = new double[steps];
        for (int t = 0; t < steps; t++) {
            stepAxis[t] = t;
        }
    }

    void save(ExperimentContext context, MetaHistory history, List<double[]> schedules, double[] end, double[] start,
            LrSchedule.SeedAverage average, double before, double after, int compareSeeds) throws IOException {
        int tg = steps * groups;
        ResultsSection data = context.results().data();
        history.record(data.section("meta"));
        ResultsSection learned = data.section("learned");
        learned.put("logAlpha", HyperVector.rows(Arrays.copyOfRange(end, 0, tg), steps, groups));
        learned.put("logitBeta", HyperVector.rows(Arrays.copyOfRange(end, tg, 2 * tg), steps, groups));
        learned.put("logScale", Arrays.copyOfRange(end, 2 * tg, 2 * tg + groups));
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
        context.saveFigure("lr-schedule-hypergradient.png", "The hypergradient with respect to the log learning rate"
                + " of every step at the constant starting schedule: for one seed (left) and averaged over "
                + average.seeds() + " seeds (right), which is smooth. The mean squared difference between two"
                + " independent estimates is " + fmt(singleSpread) + " for single seeds and " + fmt(halfSpread)
                + " for means of " + average.seeds() / 2 + " seeds.", Panels.row(
                        gradientChart("One seed", alphaRows(average.singleA())),
                        gradientChart("Mean of " + average.seeds() + " seeds", alphaRows(average.mean()))));

        context.results().summary("training loss before (mean of " + compareSeeds + " seeds)", before)
                .summary("training loss after (same seeds)", after)
                .summary("spread of single-seed hypergradients", singleSpread)
                .summary("spread of " + average.seeds() / 2 + "-seed means", halfSpread);
        if (config.learnScales()) {
            for (int k = 0; k < groups; k++) {
                context.results().summary("learned initial scale " + layout.group(k).name(),
                        Parameterisation.LOG.value(end[2 * tg + k]));
            }
        }
    }

    /** The schedule figure ({@code name}.png) and the learning curves ({@code name}-learning.png). */
    void saveSchedules(ExperimentContext context, String name, MetaHistory history, List<double[]> schedules, double[] start,
            double[] end) throws IOException {
        String lower = momentumName.toLowerCase(java.util.Locale.ROOT);
        context.saveFigure(name + ".png", "The learned schedules: learning rate per step for each layer's weights"
                + (perGroup ? " (left) and biases (right)" : "") + (learnMomentum
                ? "; below, the " + lower + " schedules" : "") + ". " + (perGroup ? "Light grey: the start."
                : "One line per meta-iteration, light (first) to dark (last)."), scheduleFigure(schedules, start, end));
        context.saveFigure(name + "-learning.png", "Top: training loss per step, one curve per meta-iteration"
                + " (light: first, dark: last)" + (newSeedEachMetaIteration ? ", each with its own seed" : "")
                + ". Bottom: the meta-learning curve, the training loss on the whole training set after training.",
                Panels.column(MetaFigures.learningCurves(history, "Elementary learning curves"),
                        MetaFigures.metaCurve(history, "Meta-learning curve", "Training loss after training",
                                new String[] {"trainLoss"}, new String[] {"Training loss"})));
    }

    private BufferedImage scheduleFigure(List<double[]> schedules, double[] start, double[] end) {
        List<BufferedImage> panels = new ArrayList<>();
        if (perGroup) {
            panels.add(perGroup("Learning rate, weights", start, end, 0, true, false));
            panels.add(perGroup("Learning rate, biases", start, end, 0, false, false));
            if (learnMomentum) {
                panels.add(perGroup(momentumName + ", weights", start, end, steps * groups, true, true));
                panels.add(perGroup(momentumName + ", biases", start, end, steps * groups, false, true));
            }
            return Panels.grid(2, panels.toArray(BufferedImage[]::new));
        }
        LineChart c = LineChart.titled("Learning-rate schedule").axes("Step number", "Log learning rate")
                .markers(steps <= 40).legendAt("outside");
        for (int i = 0; i < schedules.size(); i++) {
            double[] row = new double[steps];
            for (int t = 0; t < steps; t++) {
                row[t] = schedules.get(i)[t * groups];
            }
            boolean ends = i == 0 || i == schedules.size() - 1;
            c.series("meta-iteration " + i, stepAxis, row, Palette.ordered(i, schedules.size()), ends);
        }
        return c.render(2 * W, H);
    }

    private BufferedImage perGroup(String title, double[] first, double[] end, int offset, boolean weights,
            boolean momentum) {
        LineChart c = LineChart.titled(title).axes("Step number", momentum ? momentumName : "Learning rate")
                .markers(false).legendAt("outside");
        c.series("start", stepAxis, values(first, offset, firstGroup(weights), momentum), new java.awt.Color(0xbbbbbb));
        int colour = 0;
        for (int k = 0; k < groups; k++) {
            if (isWeights(k) == weights) {
                c.series(layout.group(k).name(), stepAxis, values(end, offset, k, momentum), Palette.categorical(colour++));
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

    private double[] values(double[] x, int offset, int group, boolean momentum) {
        double[] v = new double[steps];
        for (int t = 0; t < steps; t++) {
            double raw = x[offset + t * groups + group];
            v[t] = momentum ? Parameterisation.LOGIT.value(raw) : Parameterisation.LOG.value(raw);
        }
        return v;
    }

    private BufferedImage gradientChart(String title, double[][] rows) {
        LineChart c = LineChart.titled(title).axes("Step number", "d loss / d log learning rate").markers(false)
                .legendAt("outside");
        if (!perGroup) {
            double[] sum = new double[steps];
            for (int t = 0; t < steps; t++) {
                for (int k = 0; k < groups; k++) {
                    sum[t] += rows[t][k];
                }
            }
            return c.series("shared rate", stepAxis, sum, Palette.categorical(0)).render(W, H);
        }
        int colour = 0;
        for (int k = 0; k < groups; k++) {
            if (isWeights(k)) {
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
        return HyperVector.rows(Arrays.copyOfRange(r.gradient(), 0, steps * groups), steps, groups);
    }

    /** Mean squared difference of two estimates of the log-learning-rate hypergradient. */
    private double spread(SeedResult a, SeedResult b) {
        double s = 0;
        int n = steps * groups;
        for (int i = 0; i < n; i++) {
            double d = a.gradient()[i] - b.gradient()[i];
            s += d * d;
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
