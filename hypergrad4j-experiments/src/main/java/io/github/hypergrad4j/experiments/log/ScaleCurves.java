package io.github.hypergrad4j.experiments.log;

import io.github.hypergrad4j.experiments.meta.MetaFigures;
import io.github.hypergrad4j.model.ParameterLayout;
import io.github.hypergrad4j.plot.LineChart;
import io.github.hypergrad4j.plot.Palette;
import io.github.hypergrad4j.report.ResultsSection;
import java.awt.image.BufferedImage;
import java.util.Arrays;

/**
 * The paper's init-scale figure, for init-scales and lr-schedule alike: the learned initial scale of each
 * layer's weights over the meta-iterations (log axis) with the 1/sqrt(fan-in) heuristic dashed in the
 * same colour, and the biases' scales; the curves and the heuristic are recorded in {@code section}.
 */
final class ScaleCurves {
    private final BufferedImage weights;
    private final BufferedImage biases;
    private final double[] heuristic;

    /**
     * @param layout the network's parameter groups
     * @param iterations the meta-iteration of each point
     * @param curves the scale of each group at each point, [group][point]
     * @param section where the curves, the group names and the heuristic are recorded
     */
    ScaleCurves(ParameterLayout layout, double[] iterations, double[][] curves, ResultsSection section) {
        int groups = layout.groupCount();
        heuristic = new double[groups];
        LineChart w = LineChart.titled("Initial scales of the weights").axes("Meta-iteration", "Scale")
                .markers(false).logY().legendAt("outside");
        LineChart b = LineChart.titled("Initial scales of the biases").axes("Meta-iteration", "Scale")
                .markers(false).legendAt("outside");
        int wc = 0, bc = 0;
        for (int k = 0; k < groups; k++) {
            ParameterLayout.Group g = layout.group(k);
            if (g.name().startsWith("W")) {
                heuristic[k] = 1 / Math.sqrt(g.shape()[0]);
                double[] flat = new double[iterations.length];
                Arrays.fill(flat, heuristic[k]);
                w.series(g.name(), iterations, curves[k], Palette.categorical(wc));
                w.dashed(g.name() + ": 1/sqrt(" + g.shape()[0] + ")", iterations, flat, Palette.categorical(wc++));
            } else {
                heuristic[k] = Double.NaN;
                b.series(g.name(), iterations, curves[k], Palette.categorical(bc++));
            }
        }
        section.put("groups", String.join(",", layout.names()));
        section.put("perMetaIteration", curves);
        section.put("fanInHeuristic", heuristic);
        weights = w.render(MetaFigures.WIDTH, MetaFigures.HEIGHT);
        biases = b.render(MetaFigures.WIDTH, MetaFigures.HEIGHT);
    }

    /** The weights' panel. */
    BufferedImage weights() {
        return weights;
    }

    /** The biases' panel. */
    BufferedImage biases() {
        return biases;
    }

    /** 1/sqrt(fan-in) of each group, NaN for biases. */
    double heuristic(int group) {
        return heuristic[group];
    }

    /** The summary label of a group's learned scale, with its heuristic when it has one. */
    static String label(String prefix, ParameterLayout.Group group, double heuristic) {
        return prefix + group.name() + (Double.isNaN(heuristic) ? ""
                : String.format(java.util.Locale.ROOT, " (1/sqrt(fan-in) %.4f)", heuristic));
    }
}
