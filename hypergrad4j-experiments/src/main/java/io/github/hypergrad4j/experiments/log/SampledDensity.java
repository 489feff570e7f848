package io.github.hypergrad4j.experiments.log;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The numbers of init-dist's density panels: where to clip the learned density's y axis so that its tall
 * spikes (bins of nearly zero width) do not flatten the rest of it (the clipped bins come back as spikes
 * with their true heights, so the panel marks and labels them rather than hides them); and the histogram
 * of the values sampled from it beside the histogram it should have, both on the same bars and so on a
 * scale of their own.
 */
final class SampledDensity {
    /** The density is clipped only if its highest bin is more than this many times its bulk height. */
    static final double CLIP_WHEN_ABOVE = 10;
    /** The clip level, in bulk heights. */
    static final double CLIP_AT = 5;

    private SampledDensity() {}

    /**
     * A run of consecutive bins of the density above the clip level.
     *
     * @param from the left edge of the run's first bin
     * @param to the right edge of its last bin
     * @param height the highest density in the run (infinite for a bin of zero width, a point mass)
     */
    record Spike(double from, double to, double height) {
        /** Where the marker and label go. */
        double centre() {
            return (from + to) / 2;
        }

        /** The height as a label: "32,941", "47", "8.3"; "inf" for a bin of zero width. */
        String label() {
            if (Double.isInfinite(height)) {
                return "inf";
            }
            return height >= 1_000 ? String.format(Locale.ROOT, "%,.0f", height)
                    : String.format(Locale.ROOT, height >= 10 ? "%.0f" : "%.2g", height);
        }
    }

    /**
     * Where the density's axis is clipped and what lies above it.
     *
     * @param level the clip level; +infinity when nothing needs clipping
     * @param spikes the runs of bins above the level, left to right (empty when not clipped)
     */
    record Clip(double level, List<Spike> spikes) {
        boolean clipped() {
            return Double.isFinite(level);
        }
    }

    /**
     * Histogram of {@code samples} on {@code bars} equal bins of [lo, hi], as a density (count / (n *
     * width), so the bars' areas add up to 1); values outside go to the end bins. If the range is empty
     * (hi == lo) every value is in the first bin, of height 0.
     */
    static double[] histogram(double[] samples, double lo, double hi, int bars) {
        if (bars < 1) {
            throw new IllegalArgumentException("need at least one bar, got " + bars);
        }
        double width = (hi - lo) / bars;
        double[] heights = new double[bars];
        if (!(width > 0) || samples.length == 0) {
            return heights;
        }
        for (double v : samples) {
            heights[(int) Math.min(bars - 1, Math.max(0, Math.floor((v - lo) / width)))]++;
        }
        for (int b = 0; b < bars; b++) {
            heights[b] /= samples.length * width;
        }
        return heights;
    }

    /**
     * The expected histogram of a sample from the learned distribution on the same bars: the distribution's
     * mass in each bar over the bar's width, so it reads on the histogram's own scale (a spike of the
     * density is averaged over its bar, a bin of zero width adds its mass 1/B to the bar holding it).
     *
     * @param knots the B + 1 knots of the inverse CDF, increasing (equal knots: a bin of zero width)
     */
    static double[] expectedHistogram(double[] knots, double lo, double hi, int bars) {
        double width = (hi - lo) / bars;
        double[] heights = new double[bars];
        if (!(width > 0)) {
            return heights;
        }
        for (int b = 0; b < bars; b++) {
            double from = b == 0 ? Double.NEGATIVE_INFINITY : lo + b * width;
            double to = b == bars - 1 ? Double.POSITIVE_INFINITY : lo + (b + 1) * width;
            heights[b] = (cdf(knots, to) - cdf(knots, from)) / width;
        }
        return heights;
    }

    /** The distribution function of the piecewise-uniform distribution with these knots, at x (right-continuous). */
    static double cdf(double[] knots, double x) {
        int bins = knots.length - 1;
        if (x < knots[0]) {
            return 0;
        }
        if (x >= knots[bins]) {
            return 1;
        }
        int j = bins - 1;
        while (knots[j] > x) {
            j--; // the last knot at or below x: its bin [k_j, k_j+1) holds x and has positive width
        }
        return (j + (x - knots[j]) / (knots[j + 1] - knots[j])) / bins;
    }

    /**
     * The height most of the axis shows: the density that half the range's width lies at or below (a
     * median weighted by the bins' widths, so that many narrow spikes do not count as the bulk).
     */
    static double bulkHeight(double[] knots, double[] density) {
        Integer[] order = new Integer[density.length];
        double total = 0;
        for (int j = 0; j < density.length; j++) {
            order[j] = j;
            total += knots[j + 1] - knots[j];
        }
        Arrays.sort(order, (p, q) -> Double.compare(density[p], density[q]));
        double covered = 0;
        for (int j : order) {
            covered += knots[j + 1] - knots[j];
            if (covered >= total / 2) {
                return density[j];
            }
        }
        return 0;
    }

    /**
     * The clip of a piecewise-constant density: none while its highest bin is at most
     * {@link #CLIP_WHEN_ABOVE} times its {@link #bulkHeight}; otherwise the axis is cut at
     * {@link #CLIP_AT} bulk heights and every maximal run of consecutive bins above that is a spike.
     *
     * @param knots the B + 1 bin edges, increasing
     * @param density the B densities (+infinity for a bin of zero width)
     */
    static Clip clip(double[] knots, double[] density) {
        if (knots.length != density.length + 1) {
            throw new IllegalArgumentException(knots.length + " knots for " + density.length + " bins");
        }
        double bulk = bulkHeight(knots, density);
        double max = Arrays.stream(density).max().orElse(0);
        if (!(bulk > 0) || !Double.isFinite(bulk) || max <= CLIP_WHEN_ABOVE * bulk) {
            return new Clip(Double.POSITIVE_INFINITY, List.of());
        }
        double level = CLIP_AT * bulk;
        List<Spike> spikes = new ArrayList<>();
        for (int j = 0; j < density.length; j++) {
            if (density[j] > level) {
                int end = j;
                double height = density[j];
                while (end + 1 < density.length && density[end + 1] > level) {
                    height = Math.max(height, density[++end]);
                }
                spikes.add(new Spike(knots[j], knots[end + 1], height));
                j = end;
            }
        }
        return new Clip(level, List.copyOf(spikes));
    }

    /**
     * Rows for labels at increasing positions xs, so that no two in a row are closer than {@code gap}:
     * each label takes the lowest row whose last label is far enough, or, if none is, the row whose last
     * label is farthest.
     */
    static int[] labelRows(double[] xs, double gap, int rows) {
        double[] last = new double[rows];
        Arrays.fill(last, Double.NEGATIVE_INFINITY);
        int[] row = new int[xs.length];
        for (int i = 0; i < xs.length; i++) {
            int chosen = 0;
            for (int r = 0; r < rows; r++) {
                if (xs[i] - last[r] >= gap) {
                    chosen = r;
                    break;
                }
                if (last[r] < last[chosen]) {
                    chosen = r;
                }
            }
            row[i] = chosen;
            last[chosen] = xs[i];
        }
        return row;
    }
}
