package io.github.hypergrad4j.experiments.meta;

import io.github.hypergrad4j.plot.LineChart;
import io.github.hypergrad4j.plot.Palette;
import io.github.hypergrad4j.experiments.sweep.SeedBand;
import io.github.hypergrad4j.plot.Panels;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The panels of a meta-optimisation figure: learning curves per meta-iteration and meta-learning curves,
 * and the mean meta-learning curves over seeds with their band ({@code --seeds}, {@link MetaSeeds}).
 */
public final class MetaFigures {
    public static final int WIDTH = 1000;
    public static final int HEIGHT = 320;

    private MetaFigures() {}

    /** Training loss per step, one curve per meta-iteration, light (first) to dark (last). */
    public static BufferedImage learningCurves(MetaHistory h, String title) {
        double[][] curves = h.curves();
        LineChart c = LineChart.titled(title).axes("Step number", "Minibatch training loss + penalty").markers(false)
                .legendAt("NE");
        for (int i = 0; i < curves.length; i++) {
            double[] steps = new double[curves[i].length];
            for (int t = 0; t < steps.length; t++) {
                steps[t] = t;
            }
            boolean ends = i == 0 || i == curves.length - 1;
            c.series("meta-iteration " + i, steps, curves[i], Palette.ordered(i, curves.length), ends);
        }
        return c.render(WIDTH, HEIGHT);
    }

    /**
     * Metrics against the meta-iteration number.
     *
     * @param names metric names as recorded in the history
     * @param labels their legend labels
     */
    public static BufferedImage metaCurve(MetaHistory h, String title, String yLabel, String[] names, String[] labels) {
        LineChart c = LineChart.titled(title).axes("Meta-iteration", yLabel).legendAt("outside");
        for (int k = 0; k < names.length; k++) {
            c.series(labels[k], h.iterations(), h.metric(names[k]), Palette.categorical(k));
        }
        return c.render(WIDTH, HEIGHT);
    }

    private static final String[] LOSSES = {"trainLoss", "validationLoss", "testLoss"};
    private static final String[] ERRORS = {"trainError", "validationError", "testError"};

    /**
     * The metrics the band figure over seeds draws, in this order: the headline metric (the
     * meta-objective), and those of the training, validation and test losses and error rates that were
     * recorded.
     */
    public static List<String> bandMetrics(String headline, Collection<String> recorded) {
        List<String> out = new ArrayList<>(List.of(headline));
        for (String[] group : new String[][] {LOSSES, ERRORS}) {
            for (String name : group) {
                if (recorded.contains(name) && !out.contains(name)) {
                    out.add(name);
                }
            }
        }
        return out;
    }

    /**
     * The mean meta-learning curves over seeds (solid) with dashed lines at the mean +- 1 standard
     * deviation: one panel of losses (with the headline metric, unless it is an error rate), and one of error
     * rates when any were recorded.
     *
     * @param bands the band of every recorded metric, by name
     * @param headline the meta-objective's metric
     * @param seeds the number of seeds
     */
    public static BufferedImage seedBand(Map<String, SeedBand.Curve> bands, String headline, int seeds) {
        List<String> losses = new ArrayList<>(), errors = new ArrayList<>();
        for (String name : bandMetrics(headline, bands.keySet())) {
            (List.of(ERRORS).contains(name) ? errors : losses).add(name);
        }
        String band = "mean of " + seeds + " seeds, dashed: +- 1 sd";
        List<BufferedImage> panels = new ArrayList<>();
        if (!losses.isEmpty()) {
            panels.add(bandChart("Meta-learning curve, " + band, "Loss", losses, bands, headline));
        }
        if (!errors.isEmpty()) {
            panels.add(bandChart("Error rates, " + band, "Error rate", errors, bands, headline));
        }
        return Panels.column(panels.toArray(BufferedImage[]::new));
    }

    private static BufferedImage bandChart(String title, String yLabel, List<String> names,
            Map<String, SeedBand.Curve> bands, String headline) {
        LineChart c = LineChart.titled(title).axes("Meta-iteration", yLabel).legendAt("outside");
        for (int k = 0; k < names.size(); k++) {
            SeedBand.Curve b = bands.get(names.get(k));
            double[] it = new double[b.mean().length];
            for (int i = 0; i < it.length; i++) {
                it[i] = i;
            }
            String label = label(names.get(k)) + (names.get(k).equals(headline) ? " (objective)" : "") + ", mean";
            java.awt.Color colour = Palette.categorical(colourOf(names.get(k)));
            c.series(label, it, b.mean(), colour);
            c.band(label, it, b.meanPlus(-1), b.meanPlus(1), colour);
        }
        return c.render(WIDTH, HEIGHT);
    }

    /** One colour per split in both panels: training, validation, test; anything else a fourth. */
    private static int colourOf(String metric) {
        for (int k = 0; k < 3; k++) {
            if (metric.equals(LOSSES[k]) || metric.equals(ERRORS[k])) {
                return k;
            }
        }
        return 3;
    }

    /** "validationLoss" as "Validation loss", "trainError" as "Training error". */
    static String label(String metric) {
        String words = MetaTraining.words(metric).replaceFirst("^train ", "training ");
        return words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
    }
}
