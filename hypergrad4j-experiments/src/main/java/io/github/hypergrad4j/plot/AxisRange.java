package io.github.hypergrad4j.plot;

import java.util.Arrays;

/**
 * Limits of a value axis.
 *
 * @param min lower limit
 * @param max upper limit
 */
public record AxisRange(double min, double max) {
    public AxisRange {
        if (!(min < max)) {
            throw new IllegalArgumentException("axis range needs min < max, got " + min + ", " + max);
        }
    }

    /**
     * A range that shows the bulk of the finite values and lets outliers run off the plot, as a chaotic
     * derivative does: the median plus or minus {@code width} median absolute deviations, widened to
     * include zero and the {@code q} and {@code 1 - q} quantiles (so a smooth curve that merely spans a
     * wide range is not cut). Falls back to [-1, 1] when there are no finite values.
     */
    public static AxisRange robust(double[][] values, double width, double q) {
        double[] all = Arrays.stream(values).flatMapToDouble(Arrays::stream).filter(Double::isFinite).sorted()
                .toArray();
        if (all.length == 0) {
            return new AxisRange(-1, 1);
        }
        double median = quantile(all, 0.5);
        double[] deviations = Arrays.stream(all).map(v -> Math.abs(v - median)).sorted().toArray();
        double half = width * quantile(deviations, 0.5);
        double lo = Math.min(Math.min(median - half, quantile(all, q)), 0);
        double hi = Math.max(Math.max(median + half, quantile(all, 1 - q)), 0);
        double pad = 0.05 * (hi - lo);
        if (!(pad > 0)) {
            pad = Math.max(Math.abs(median), 1e-12);
        }
        return new AxisRange(lo - pad, hi + pad);
    }

    private static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int i = (int) Math.floor(pos);
        int j = Math.min(i + 1, sorted.length - 1);
        return sorted[i] + (pos - i) * (sorted[j] - sorted[i]);
    }
}
