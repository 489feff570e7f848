package io.github.hypergrad4j.experiments.sweep;

import io.github.hypergrad4j.plot.AxisRange;
import io.github.hypergrad4j.plot.LineChart;
import io.github.hypergrad4j.plot.Palette;
import io.github.hypergrad4j.plot.Panels;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * The figures of a sweep, as in the log's Jan 9 and Jan 14 entries: loss against the hyperparameter
 * over its derivative, one curve per iteration count; and the zoomed view with the loss's
 * high-pass-filtered wiggles.
 */
public final class SweepFigures {
    public static final int WIDTH = 760;
    public static final int HEIGHT = 380;
    private static final String LOSS = "Training loss per example";
    private static final String DERIVATIVE = "d loss / d ";

    private SweepFigures() {}

    /** Loss (top) and its exact derivative (bottom) against x, one curve per iteration count. */
    public static BufferedImage lossAndDerivative(SweepResult r, String name, String axis, String symbol) {
        return Panels.column(lossPanel(r, "Loss vs " + name, axis), derivativePanel(r, "Derivative of the loss vs " + name,
                axis, symbol));
    }

    /**
     * The mean loss (top) and derivative (bottom) over seeds, one curve per iteration count, with dashed
     * lines at the mean plus and minus one standard deviation.
     */
    public static BufferedImage seedBand(SeedBand b, String name, String axis, String symbol) {
        SweepResult m = b.mean();
        LineChart loss = lossChart(m, "Loss vs " + name + ", mean of " + b.seeds() + " seeds +- 1 sd", axis);
        LineChart derivative = derivativeChart(m, "Derivative vs " + name + ", mean of " + b.seeds() + " seeds +- 1 sd",
                axis, symbol);
        for (int k = 0; k < m.iterations().length; k++) {
            String label = SweepResult.label(m.iterations()[k]);
            loss.band(label, m.x(), shift(m.loss()[k], b.lossSd()[k], -1), shift(m.loss()[k], b.lossSd()[k], 1),
                    Palette.categorical(k));
            derivative.band(label, m.x(), shift(m.derivative()[k], b.derivativeSd()[k], -1),
                    shift(m.derivative()[k], b.derivativeSd()[k], 1), Palette.categorical(k));
        }
        return Panels.column(loss.render(WIDTH, HEIGHT), derivative.render(WIDTH, HEIGHT));
    }

    private static double[] shift(double[] mean, double[] sd, double sign) {
        double[] out = new double[mean.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = mean[i] + sign * sd[i];
        }
        return out;
    }

    /** Loss, loss minus its moving average, and derivative, in a 2 x 2 grid as in the log's zoomed figure. */
    public static BufferedImage zoomed(SweepResult r, double[][] highPass, String name, String axis, String symbol,
            String filterAxis) {
        int w = WIDTH * 2 / 3 + 40;
        LineChart filtered = LineChart.titled("Loss vs " + name + ", high-pass filtered")
                .axes(axis, filterAxis).markers(r.x().length <= 60).legendAt("outside");
        for (int k = 0; k < r.iterations().length; k++) {
            filtered.series(SweepResult.label(r.iterations()[k]), r.x(), highPass[k], Palette.categorical(k));
        }
        return Panels.grid(2, lossChart(r, "Loss vs " + name, axis).render(w, HEIGHT), filtered.render(w, HEIGHT),
                derivativeChart(r, "Derivative of the loss vs " + name, axis, symbol).render(w, HEIGHT));
    }

    private static BufferedImage lossPanel(SweepResult r, String title, String axis) {
        return lossChart(r, title, axis).render(WIDTH, HEIGHT);
    }

    private static BufferedImage derivativePanel(SweepResult r, String title, String axis, String symbol) {
        return derivativeChart(r, title, axis, symbol).render(WIDTH, HEIGHT);
    }

    private static LineChart lossChart(SweepResult r, String title, String axis) {
        LineChart c = LineChart.titled(title).axes(axis, LOSS).markers(r.x().length <= 60).legendAt("outside");
        double lo = Double.POSITIVE_INFINITY, hi = 0;
        for (int k = 0; k < r.iterations().length; k++) {
            c.series(SweepResult.label(r.iterations()[k]), r.x(), r.loss()[k], Palette.categorical(k));
            for (double v : r.loss()[k]) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (lo > 0 && hi / lo > 30) {
            c.logY(); // losses spanning decades: a linear axis would flatten the interesting part
        }
        return c;
    }

    private static LineChart derivativeChart(SweepResult r, String title, String axis, String symbol) {
        AxisRange range = AxisRange.robust(r.derivative(), 8, 0.25);
        LineChart c = LineChart.titled(title).axes(axis, DERIVATIVE + symbol).markers(r.x().length <= 60)
                .yRange(range).legendAt("outside");
        for (int k = 0; k < r.iterations().length; k++) {
            c.series(SweepResult.label(r.iterations()[k]), r.x(), r.derivative()[k], Palette.categorical(k));
        }
        List<Double> dx = new ArrayList<>();
        for (double[] row : r.loss()) {
            for (int i = 0; i < row.length; i++) {
                if (Double.isNaN(row[i])) {
                    dx.add(r.x()[i]);
                }
            }
        }
        if (!dx.isEmpty()) {
            double[] xs = dx.stream().mapToDouble(Double::doubleValue).toArray();
            double[] ys = new double[xs.length];
            java.util.Arrays.fill(ys, range.min() + 0.04 * (range.max() - range.min()));
            c.points("diverged", xs, ys, Color.BLACK);
        }
        return c;
    }

    /**
     * The log's box-filter high-pass (Jan 9, figure 2): each point minus the mean of the {@code window}
     * points around it, the window starting {@code window - 1 - window / 2} points before (where numpy's
     * 'valid' convolution with the log's filter puts its output). NaN where the window does not fit.
     */
    public static double[][] boxHighPass(double[][] loss, int window) {
        int before = window - 1 - window / 2; // the log's np.convolve(y, filter, 'valid') centres its output here
        double[][] out = new double[loss.length][];
        for (int k = 0; k < loss.length; k++) {
            double[] y = loss[k];
            double[] f = new double[y.length];
            for (int i = 0; i < y.length; i++) {
                int first = i - before;
                if (first < 0 || first + window > y.length) {
                    f[i] = Double.NaN;
                    continue;
                }
                double sum = 0;
                for (int j = first; j < first + window; j++) {
                    sum += y[j];
                }
                f[i] = y[i] - sum / window;
            }
            out[k] = f;
        }
        return out;
    }

    /**
     * The loss minus a local quadratic trend (a Savitzky-Golay smoothing over {@code 2 * half + 1} points):
     * what is left are the wiggles on a scale shorter than the window, without the bias a plain moving
     * average has where the curve bends. NaN where the window does not fit.
     */
    public static double[][] highPass(double[][] loss, int half) {
        // Weights of the quadratic least-squares fit's value at the window's centre.
        double m = half;
        double norm = (2 * m + 1) * (4 * m * m + 4 * m - 3);
        double[] weight = new double[2 * half + 1];
        for (int j = -half; j <= half; j++) {
            weight[j + half] = (3 * (3 * m * m + 3 * m - 1) - 15.0 * j * j) / norm;
        }
        double[][] out = new double[loss.length][];
        for (int k = 0; k < loss.length; k++) {
            double[] y = loss[k];
            double[] f = new double[y.length];
            for (int i = 0; i < y.length; i++) {
                if (i < half || i + half >= y.length) {
                    f[i] = Double.NaN;
                    continue;
                }
                double trend = 0;
                for (int j = -half; j <= half; j++) {
                    trend += weight[j + half] * y[i + j];
                }
                f[i] = y[i] - trend;
            }
            out[k] = f;
        }
        return out;
    }
}
