package io.github.hypergrad4j.experiments.log;

import io.github.hypergrad4j.data.CyclicBatches;
import io.github.hypergrad4j.data.Examples;
import io.github.hypergrad4j.data.SplitSizes;
import io.github.hypergrad4j.experiments.ConfigException;
import io.github.hypergrad4j.experiments.Experiment;
import io.github.hypergrad4j.experiments.ExperimentContext;
import io.github.hypergrad4j.experiments.LoadedData;
import io.github.hypergrad4j.experiments.meta.MetaFigures;
import io.github.hypergrad4j.experiments.meta.MetaHistory;
import io.github.hypergrad4j.experiments.meta.MetaLoop;
import io.github.hypergrad4j.experiments.meta.MetaResult;
import io.github.hypergrad4j.experiments.meta.MetaStep;
import io.github.hypergrad4j.experiments.sweep.NetworkSetup;
import io.github.hypergrad4j.hyper.InverseCdfInit;
import io.github.hypergrad4j.meta.SgdMomentum;
import io.github.hypergrad4j.model.Activation;
import io.github.hypergrad4j.model.Mlp;
import io.github.hypergrad4j.model.ParameterLayout;
import io.github.hypergrad4j.plot.AxisRange;
import io.github.hypergrad4j.plot.LineChart;
import io.github.hypergrad4j.plot.Palette;
import io.github.hypergrad4j.plot.Panels;
import io.github.hypergrad4j.report.ResultsSection;
import io.github.hypergrad4j.train.Classification;
import io.github.hypergrad4j.train.Hypergradient;
import io.github.hypergrad4j.train.ReversibleTrainer;
import io.github.hypergrad4j.train.Schedule;
import io.github.hypergrad4j.train.StepListener;
import io.github.hypergrad4j.train.Theta;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Log entries of Jan 11 and 16: learn the initial weight distribution of every parameter group (each
 * layer's weights and biases) as a piecewise-linear inverse CDF with a fixed number of bins. The
 * initial weights are F^-1(u) for fixed uniform draws u, so they are linear in the knots and the
 * exact hypergradient with respect to the initial weights chains to the knots. Gradient descent on the
 * knots, sorted after each step so each stays an inverse CDF.
 */
public final class InitDist implements Experiment {
    private static final String FIRST_W0 = "initialWeights";
    private static final String FIRST_GRADIENT = "initialWeightsHypergradient";

    /**
     * @param layers layer sizes (784-10 is the log's one-layer run; deeper nets get a distribution per layer)
     * @param bins bins of each inverse CDF
     * @param trainSize training examples (the objective is the loss on all of them)
     * @param iterations training steps
     * @param batchSize minibatch size
     * @param learningRate constant learning rate
     * @param momentum constant momentum
     * @param initialHalfWidth knots start evenly spaced on [-h, h] (a uniform distribution)
     * @param metaStep gradient-descent step on the knots
     * @param metaIterations meta-iterations
     * @param shared one distribution for all weights and biases (the log's figure 1) instead of one per group
     * @param outputActivation the activation before the softmax (tanh in the log's Jan 16 figures)
     */
    public record Config(int[] layers, int bins, int trainSize, int iterations, int batchSize, double learningRate,
            double momentum, double initialHalfWidth, double metaStep, int metaIterations, boolean shared,
            Activation outputActivation) {
        public Config {
            if (outputActivation == null) {
                throw new ConfigException("the network needs an output activation (linear or tanh)");
            }
            layers = NetworkSetup.checkLayers(layers);
            if (bins < 2) {
                throw new ConfigException("need at least 2 bins, got " + bins);
            }
            ConfigException.requirePositive("training set size", trainSize);
            ConfigException.requirePositive("iterations", iterations);
            ConfigException.requirePositive("batch size", batchSize);
            ConfigException.requireBatchWithin(batchSize, trainSize);
            ConfigException.requirePositive("learning rate", learningRate);
            ConfigException.requireFraction("momentum", momentum);
            ConfigException.requirePositive("initial half-width", initialHalfWidth);
            ConfigException.requirePositive("meta step", metaStep);
            ConfigException.requirePositive("meta-iterations", metaIterations);
        }

        /** One distribution per group, the log's network (tanh before the softmax). */
        public Config(int[] layers, int bins, int trainSize, int iterations, int batchSize, double learningRate,
                double momentum, double initialHalfWidth, double metaStep, int metaIterations) {
            this(layers, bins, trainSize, iterations, batchSize, learningRate, momentum, initialHalfWidth, metaStep,
                    metaIterations, false, Activation.TANH);
        }

        /** The preset names, default first. */
        public static final List<String> PRESETS = List.of("log-one-layer", "log-shared", "log-per-layer");

        /**
         * The log's Jan 16 figures (their 20 knots are 19 bins here): log-one-layer (figure 3, the default):
         * 784-10 from uniform on +-exp(-2), knot step 0.01, 100 meta-iterations; log-shared (figure 1): one
         * distribution for all of 784-50-10's weights and biases, +-exp(-3), step 0.002, 10 meta-iterations;
         * log-per-layer (figure 2): 784-50-10, one per group, +-exp(-2), step 0.002, 100 meta-iterations.
         */
        public static Config preset(String name, boolean quick) {
            int train = quick ? 500 : 1_000, t = quick ? 10 : 20;
            return switch (name) {
                case "log-one-layer" -> new Config(new int[] {784, 10}, quick ? 20 : 19, train, t, 250, 1.0, 0.9,
                        Math.exp(-2), 0.01, quick ? 15 : 100, false, Activation.TANH);
                case "log-shared" -> new Config(new int[] {784, quick ? 20 : 50, 10}, 19, train, t, 250, 1.0, 0.9,
                        Math.exp(-3), 0.002, quick ? 4 : 10, true, Activation.TANH);
                case "log-per-layer" -> new Config(new int[] {784, quick ? 20 : 50, 10}, 19, train, t, 250, 1.0, 0.9,
                        Math.exp(-2), 0.002, quick ? 6 : 100, false, Activation.TANH);
                default -> throw new ConfigException("unknown preset '" + name + "'; choose one of " + PRESETS);
            };
        }

        public static Config defaults() {
            return preset("log-one-layer", false);
        }

        public static Config quick() {
            return preset("log-one-layer", true);
        }

        public Config withLayers(int[] l) {
            return new Config(l, bins, trainSize, iterations, batchSize, learningRate, momentum, initialHalfWidth,
                    metaStep, metaIterations, shared, outputActivation);
        }

        public Config withMeta(double step, int count) {
            return new Config(layers, bins, trainSize, iterations, batchSize, learningRate, momentum, initialHalfWidth,
                    step, count, shared, outputActivation);
        }

        public Config withBins(int b) {
            return new Config(layers, b, trainSize, iterations, batchSize, learningRate, momentum, initialHalfWidth,
                    metaStep, metaIterations, shared, outputActivation);
        }

        public Config withShared(boolean one) {
            return new Config(layers, bins, trainSize, iterations, batchSize, learningRate, momentum, initialHalfWidth,
                    metaStep, metaIterations, one, outputActivation);
        }

        public Config withHalfWidth(double h) {
            return new Config(layers, bins, trainSize, iterations, batchSize, learningRate, momentum, h, metaStep,
                    metaIterations, shared, outputActivation);
        }

        public Config withNetwork(Activation output) {
            return new Config(layers, bins, trainSize, iterations, batchSize, learningRate, momentum, initialHalfWidth,
                    metaStep, metaIterations, shared, output);
        }
    }

    private final Config config;

    public InitDist(Config config) {
        this.config = config;
    }

    @Override
    public String name() {
        return "init-dist";
    }

    @Override
    public String title() {
        return config.shared() ? "Learning one initial weight distribution shared by all layers"
                : "Learning the initial weight distribution of each layer";
    }

    @Override
    public String description() {
        return "The initial distribution of each layer's weights and of its biases is an inverse CDF with "
                + config.bins() + " bins, learned by gradient descent on the exact hypergradient of the training loss"
                + " after " + config.iterations() + " steps. The learned density (its axis clipped where its spikes"
                + " would flatten the rest, the spikes labelled) is drawn next to the histogram of the weights"
                + " actually sampled from it, beside the histogram the density should give (spikes of the density"
                + " can be bins that no sample falls in), and the hypergradient of every initial weight against its"
                + " value.";
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
        LoadedData data = context.loadData(new SplitSizes(config.trainSize(), 0, 0));
        Examples train = Examples.of(data.splits().train());
        NetworkSetup.requireFits(name(), config.layers(), data.splits().train(),
                "give --layers starting with %d (one unit per pixel) and ending with 10 (one per class).");
        Mlp model = new Mlp(Activation.TANH, config.outputActivation(), config.layers());
        ParameterLayout layout = model.layout();
        ReversibleTrainer trainer = context.trainer(layout, Classification.minibatchLoss(model, train,
                new CyclicBatches(train.size(), config.batchSize())));
        InverseCdfInit init = new InverseCdfInit(layout, config.bins(), context.seedFor("uniform draws"));
        int groups = layout.groupCount();
        // Shared: one row of knots, the same inverse CDF for every group (its gradient summed over them).
        double[][] knots = new double[config.shared() ? 1 : groups][config.bins() + 1];
        for (double[] row : knots) {
            for (int j = 0; j <= config.bins(); j++) {
                row[j] = config.initialHalfWidth() * (2.0 * j / config.bins() - 1);
            }
        }
        Schedule schedule = Schedule.constant(config.iterations(), layout, config.learningRate(), config.momentum());
        int rowLength = config.bins() + 1;
        double[] x = new double[knots.length * rowLength];
        for (int g = 0; g < knots.length; g++) {
            System.arraycopy(knots[g], 0, x, g * rowLength, rowLength);
        }
        MetaStep step = (hyper, i, withGradient) -> {
            // The knots are the sorted hyperparameters of each group: always an inverse CDF, and the
            // gradient of a sorted entry flows back to the entry it came from.
            int[][] order = new int[knots.length][];
            double[][] sorted = sortedKnots(hyper, knots.length, rowLength, order);
            double[] w0 = init.weights(perGroup(sorted, groups));
            double[] curve = new double[config.iterations()];
            StepListener listener = (t, loss, weights) -> curve[t] = loss;
            Hypergradient h = trainer.hypergradient(w0, new double[w0.length], schedule, Theta.empty(),
                    Classification.setLoss(model, train), listener);
            double[] gradient = null;
            if (withGradient) {
                double[][] g = shareGradient(init.knotGradient(h.dWeights0()), knots.length);
                gradient = new double[hyper.length];
                for (int k = 0; k < g.length; k++) {
                    for (int j = 0; j < rowLength; j++) {
                        gradient[k * rowLength + order[k][j]] = g[k][j];
                    }
                }
            }
            Map<String, Double> m = new LinkedHashMap<>();
            m.put("trainLoss", h.objective());
            if (config.shared()) {
                for (int j = 0; j < rowLength; j++) {
                    m.put(knotName(j), sorted[0][j]);
                }
            }
            // The first meta-iteration's initial weights and their hypergradient are drawn in the figure;
            // the history keeps (and checkpoints) them, so a resumed run draws the same figure.
            return new MetaResult(h.objective(), gradient, curve, m, i == 0
                    ? Map.of(FIRST_W0, w0, FIRST_GRADIENT, h.dWeights0()) : Map.of());
        };
        MetaHistory history = new MetaLoop(context, "init-dist meta-iterations", config.metaIterations(), "trainLoss")
                .run(x, new SgdMomentum(config.metaStep(), 0), step);
        double[][] learned = perGroup(sortedKnots(x, knots.length, rowLength, new int[knots.length][]), groups);
        record(context, layout, history, learned, init.weights(learned), history.firstIterationData(FIRST_W0),
                history.firstIterationData(FIRST_GRADIENT));
    }

    private static String knotName(int j) {
        return String.format(Locale.ROOT, "knot%02d", j);
    }

    /** Every group's knots: the rows as they are, or the one shared row for each group. */
    private static double[][] perGroup(double[][] rows, int groups) {
        if (rows.length == groups) {
            return rows;
        }
        double[][] out = new double[groups][];
        Arrays.fill(out, rows[0]);
        return out;
    }

    /** The gradient of each row of knots: per group as it is, or summed over the groups that share one row. */
    private static double[][] shareGradient(double[][] perGroup, int rows) {
        if (perGroup.length == rows) {
            return perGroup;
        }
        double[] sum = new double[perGroup[0].length];
        for (double[] g : perGroup) {
            for (int j = 0; j < sum.length; j++) {
                sum[j] += g[j];
            }
        }
        return new double[][] {sum};
    }

    /** Each group's hyperparameters in increasing order; order[g][j] is the index (in the group) of knot j. */
    private static double[][] sortedKnots(double[] x, int groups, int rowLength, int[][] order) {
        double[][] knots = new double[groups][rowLength];
        for (int g = 0; g < groups; g++) {
            int base = g * rowLength;
            Integer[] idx = new Integer[rowLength];
            for (int j = 0; j < rowLength; j++) {
                idx[j] = j;
            }
            Arrays.sort(idx, (p, q) -> Double.compare(x[base + p], x[base + q]));
            order[g] = new int[rowLength];
            for (int j = 0; j < rowLength; j++) {
                order[g][j] = idx[j];
                knots[g][j] = x[base + idx[j]];
            }
        }
        return knots;
    }

    private void record(ExperimentContext context, ParameterLayout layout, MetaHistory history, double[][] knots,
            double[] w0, double[] firstW0, double[] firstGradient) throws IOException {
        history.record(context.results().data().section("meta"));
        var k = context.results().data().section("learnedKnots");
        List<BufferedImage> panels = new ArrayList<>();
        int emptyBins = 0;
        // How each group's panels were drawn: the clip level of the density's y axis (null: none), the
        // clipped spikes' centres and true heights (null: a bin of zero width), and the histogram of the
        // samples with the one expected, on equal bars.
        ResultsSection plotted = context.results().data().section("densityPanel");
        for (int g = 0; g < layout.groupCount(); g++) {
            ParameterLayout.Group grp = layout.group(g);
            k.put(grp.name(), knots[g]);
            double[] sampled = Arrays.copyOfRange(w0, grp.offset(), grp.end());
            emptyBins += emptyBins(knots[g], sampled);
            panels.add(densityChart(grp.name(), knots[g], plotted.section(grp.name())));
            panels.add(histogramChart(grp.name(), knots[g], sampled, plotted.section(grp.name())));
            panels.add(gradientChart(grp.name(), Arrays.copyOfRange(firstW0, grp.offset(), grp.end()),
                    Arrays.copyOfRange(firstGradient, grp.offset(), grp.end())));
        }
        saveGradientByMagnitude(context, layout, firstW0, firstGradient);
        context.saveFigure("init-dist.png", "Left: the learned density of each group's initial values (a step"
                + " per bin of the inverse CDF; gaps are bins of zero width). Where its spikes would flatten the"
                + " rest, the y axis is clipped (its title says where): the bins above it run flat at the clip, and"
                + " each run of them is marked at its centre and labelled with its highest density (inf: a bin of"
                + " zero width). Middle: the histogram of the values sampled from it (grey) and the histogram the"
                + " density should give on the same bars (dashed), on a scale of their own. Right: the hypergradient"
                + " of every initial value at the first meta-iteration against the value.",
                Panels.grid(3, panels.toArray(BufferedImage[]::new)));
        List<BufferedImage> curves = new ArrayList<>(List.of(MetaFigures.learningCurves(history, "Learning curves"),
                MetaFigures.metaCurve(history, "Meta-learning curve", "Training loss after training",
                        new String[] {"trainLoss"}, new String[] {"Training loss"})));
        if (config.shared()) {
            curves.add(knotsChart(history, config.bins() + 1));
        }
        context.saveFigure("init-dist-learning-curves.png", "Top: training loss per step, one curve per"
                + " meta-iteration (light: first, dark: last). Then the meta-learning curve" + (config.shared()
                ? "; bottom: the shared inverse CDF's knots against their uniform level, one curve per meta-iteration"
                : "") + ".", Panels.column(curves.toArray(BufferedImage[]::new)));
        context.results().summary("training loss before", history.first("trainLoss"))
                .summary("training loss after", history.last("trainLoss"))
                .summary("inverse-CDF bins that no sampled value falls in", emptyBins);
    }

    /** Bins of |w0| in the gradient-by-magnitude panel. */
    static final int MAGNITUDE_BINS = 12;

    /**
     * The log's plan of Jan 11, "gradient w.r.t. individual weights as a function of their magnitude": the
     * mean |d loss / d w0| of the initial values in each of {@link #MAGNITUDE_BINS} equal bins of |w0|, per
     * group, at the first meta-iteration (recorded with the bins' centres and counts).
     */
    private static void saveGradientByMagnitude(ExperimentContext context, ParameterLayout layout, double[] w0,
            double[] gradient) throws IOException {
        ResultsSection section = context.results().data().section("gradientByMagnitude");
        LineChart c = LineChart.titled("|Hypergradient| of the initial values by their magnitude (first meta-iteration)")
                .axes("|initial value| (bin centre)", "mean |d loss / d initial value|").markers(true).legendAt("outside");
        for (int g = 0; g < layout.groupCount(); g++) {
            ParameterLayout.Group grp = layout.group(g);
            double[][] binned = binnedMagnitude(Arrays.copyOfRange(w0, grp.offset(), grp.end()),
                    Arrays.copyOfRange(gradient, grp.offset(), grp.end()), MAGNITUDE_BINS);
            section.section(grp.name()).put("binCentre", binned[0]).put("meanAbsGradient", binned[1])
                    .put("count", binned[2]);
            c.series(grp.name(), binned[0], binned[1], Palette.categorical(g));
        }
        context.saveFigure("init-dist-gradient-by-magnitude.png", "Mean |hypergradient| of the initial values in"
                + " equal bins of their magnitude |w0|, one curve per group, at the first meta-iteration (the log's"
                + " plan of Jan 11). Empty bins are gaps.", c.render(MetaFigures.WIDTH, MetaFigures.HEIGHT));
    }

    /** Rows: bin centres, mean |gradient| per bin (NaN when empty), counts; bins split [0, max |w|] equally. */
    static double[][] binnedMagnitude(double[] w, double[] gradient, int bins) {
        double max = 0;
        for (double v : w) {
            max = Math.max(max, Math.abs(v));
        }
        double width = max > 0 ? max / bins : 1;
        double[] centre = new double[bins], sum = new double[bins], count = new double[bins];
        for (int b = 0; b < bins; b++) {
            centre[b] = (b + 0.5) * width;
        }
        for (int i = 0; i < w.length; i++) {
            int b = (int) Math.min(bins - 1, Math.floor(Math.abs(w[i]) / width));
            sum[b] += Math.abs(gradient[i]);
            count[b]++;
        }
        double[] mean = new double[bins];
        for (int b = 0; b < bins; b++) {
            mean[b] = count[b] > 0 ? sum[b] / count[b] : Double.NaN;
        }
        return new double[][] {centre, mean, count};
    }

    /** The log's "Inverse CDF Height" panel: knot j at uniform level j / bins, one curve per meta-iteration. */
    private static BufferedImage knotsChart(MetaHistory history, int knots) {
        LineChart c = LineChart.titled("Inverse CDF of the shared distribution").axes("Uniform level u",
                "Initial value F^-1(u)").markers(true).legendAt("NW");
        double[] u = new double[knots];
        for (int j = 0; j < knots; j++) {
            u[j] = j / (knots - 1.0);
        }
        int n = history.size();
        for (int i = 0; i < n; i++) {
            double[] y = new double[knots];
            for (int j = 0; j < knots; j++) {
                y[j] = history.metric(knotName(j))[i];
            }
            c.series("meta-iteration " + i, u, y, Palette.ordered(i, n), i == 0 || i == n - 1);
        }
        return c.render(MetaFigures.WIDTH, MetaFigures.HEIGHT);
    }

    private static int emptyBins(double[] knots, double[] sampled) {
        int empty = 0;
        for (int j = 0; j + 1 < knots.length; j++) {
            boolean any = false;
            for (double v : sampled) {
                if (v >= knots[j] && v <= knots[j + 1]) {
                    any = true;
                    break;
                }
            }
            empty += any ? 0 : 1;
        }
        return empty;
    }

    /** Size of each panel of init-dist.png, in pixels. */
    private static final int PANEL_WIDTH = 470, PANEL_HEIGHT = 320;

    /**
     * The learned density, a step per bin. Where its spikes would flatten the rest, the y axis is clipped
     * ({@link SampledDensity#clip}): the clipped bins run flat at the clip level, each run of them is
     * marked at its centre and labelled with its true height, and the axis title and legend say so. The
     * clip and the spikes are recorded in {@code record}.
     */
    private static BufferedImage densityChart(String group, double[] knots, ResultsSection record) {
        double[] density = InverseCdfInit.binDensities(knots);
        SampledDensity.Clip clip = SampledDensity.clip(knots, density);
        double level = clip.level();
        double[] x = new double[2 * density.length], y = new double[2 * density.length];
        for (int j = 0; j < density.length; j++) {
            x[2 * j] = knots[j];
            x[2 * j + 1] = knots[j + 1];
            // A bin of zero width (infinite density) is a gap unless the axis is clipped, where it is a spike.
            y[2 * j] = y[2 * j + 1] = Double.isFinite(density[j]) || clip.clipped() ? Math.min(density[j], level)
                    : Double.NaN;
        }
        String levelText = clip.clipped() ? new SampledDensity.Spike(0, 0, level).label() : "";
        LineChart c = LineChart.titled("Learned initial density of " + group).axes("Initial value", clip.clipped()
                ? "Density (axis clipped at " + levelText + ")" : "Density").markers(false).legendAt("below")
                .series(clip.clipped() ? "density, clipped at " + levelText : "density", x, y, Palette.categorical(0));
        record.put("clipLevel", clip.clipped() ? level : Double.NaN);
        if (clip.clipped()) {
            List<SampledDensity.Spike> spikes = clip.spikes();
            double[] sx = new double[spikes.size()], sy = new double[spikes.size()], sh = new double[spikes.size()];
            for (int s = 0; s < spikes.size(); s++) {
                sx[s] = spikes.get(s).centre();
                sy[s] = level;
                sh[s] = spikes.get(s).height();
            }
            // About 55 pixels per label of the ~400-pixel plot: labels closer than that go to another row.
            int[] rows = SampledDensity.labelRows(sx, 55.0 / 400 * (knots[knots.length - 1] - knots[0]), 3);
            for (int s = 0; s < spikes.size(); s++) {
                c.label(spikes.get(s).label(), sx[s], level * (1.07 + 0.09 * rows[s]));
            }
            c.points("bins above the clip (label: highest)", sx, sy, Palette.categorical(1))
                    .yRange(new AxisRange(0, level * 1.33));
            record.put("spikeCentre", sx).put("spikeHeight", sh);
        } else {
            double top = Arrays.stream(density).filter(Double::isFinite).max().orElse(0);
            if (top > 0) {
                c.yRange(new AxisRange(0, 1.08 * top)); // from zero, so the bins' heights compare
            }
        }
        return c.render(PANEL_WIDTH, PANEL_HEIGHT);
    }

    /**
     * The histogram of the values sampled from the learned distribution beside the histogram it should
     * have (the distribution's mass in each bar over the bar's width), on the same bars and on a scale of
     * their own, so neither is flattened by the density's spikes. Recorded in {@code record}.
     */
    private static BufferedImage histogramChart(String group, double[] knots, double[] sampled, ResultsSection record) {
        double lo = knots[0], hi = knots[knots.length - 1];
        int bars = Math.max(5, Math.min(40, sampled.length / 5));
        double[] heights = SampledDensity.histogram(sampled, lo, hi, bars);
        double[] expected = SampledDensity.expectedHistogram(knots, lo, hi, bars);
        double width = (hi - lo) / bars;
        double[] hx = new double[2 * bars], hy = new double[2 * bars], ey = new double[2 * bars];
        for (int b = 0; b < bars; b++) {
            hx[2 * b] = lo + b * width;
            hx[2 * b + 1] = lo + (b + 1) * width;
            hy[2 * b] = hy[2 * b + 1] = heights[b];
            ey[2 * b] = ey[2 * b + 1] = expected[b];
        }
        record.put("histogramBars", bars).put("histogram", heights).put("expectedHistogram", expected);
        double top = Math.max(Arrays.stream(heights).max().orElse(0), Arrays.stream(expected).max().orElse(0));
        LineChart c = LineChart.titled("Sampled initial values of " + group + " (" + sampled.length + ")")
                .axes("Initial value (" + bars + " equal bars)", "Density (own scale)").markers(false).legendAt("below")
                .series("histogram of samples", hx, hy, new Color(0x777777))
                .dashed("learned density, mean per bar", hx, ey, Palette.categorical(0));
        if (top > 0) {
            c.yRange(new AxisRange(0, 1.08 * top)); // bars from zero, so their heights compare
        }
        return c.render(PANEL_WIDTH, PANEL_HEIGHT);
    }

    private static BufferedImage gradientChart(String group, double[] w0, double[] gradient) {
        return LineChart.titled("Hypergradient of " + group + "'s initial values").axes("Initial value",
                "d loss / d initial value").legend(false).points(group, w0, gradient, Palette.categorical(2))
                .render(PANEL_WIDTH, PANEL_HEIGHT);
    }
}
