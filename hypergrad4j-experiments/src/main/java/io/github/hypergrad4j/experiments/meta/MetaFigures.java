package io.github.hypergrad4j.experiments.meta;

import io.github.hypergrad4j.plot.LineChart;
import io.github.hypergrad4j.plot.Palette;
import java.awt.image.BufferedImage;

/** The panels of a meta-optimisation figure: learning curves per meta-iteration and meta-learning curves. */
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
}
