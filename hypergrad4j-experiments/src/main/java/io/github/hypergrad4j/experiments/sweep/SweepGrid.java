package io.github.hypergrad4j.experiments.sweep;

import io.github.hypergrad4j.experiments.ConfigException;
import java.util.Arrays;

/**
 * Where a one-dimensional sweep looks: {@code points} evenly spaced values from {@code from} to
 * {@code to} (both included), each trained for every count in {@code iterations}.
 *
 * @param from first value
 * @param to last value
 * @param points number of values, at least 2
 * @param iterations training lengths, each >= 0
 */
public record SweepGrid(double from, double to, int points, int[] iterations) {
    public SweepGrid {
        ConfigException.requireFinite("sweep start", from);
        ConfigException.requireFinite("sweep end", to);
        if (!(from < to)) {
            throw new ConfigException("a sweep range needs start < end, got " + from + " to " + to);
        }
        if (points < 2) {
            throw new ConfigException("a sweep needs at least 2 points, got " + points);
        }
        if (iterations == null || iterations.length == 0) {
            throw new ConfigException("give at least one iteration count to sweep");
        }
        for (int t : iterations) {
            if (t < 0) {
                throw new ConfigException("iteration counts must be >= 0, got " + t);
            }
        }
        iterations = iterations.clone();
    }

    @Override
    public int[] iterations() {
        return iterations.clone();
    }

    /** The swept values. */
    public double[] values() {
        double[] x = new double[points];
        for (int i = 0; i < points; i++) {
            x[i] = from + (to - from) * i / (points - 1);
        }
        return x;
    }

    /** Total training steps of the sweep (for progress). */
    public long totalSteps() {
        return (long) points * Arrays.stream(iterations).asLongStream().map(t -> t + 1).sum();
    }

    /** The same grid with another range and number of points. */
    public SweepGrid withRange(double newFrom, double newTo, int newPoints) {
        return new SweepGrid(newFrom, newTo, newPoints, iterations);
    }

    /** The same grid with other iteration counts. */
    public SweepGrid withIterations(int[] newIterations) {
        return new SweepGrid(from, to, points, newIterations);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SweepGrid g && g.from == from && g.to == to && g.points == points
                && Arrays.equals(g.iterations, iterations);
    }

    @Override
    public int hashCode() {
        return Double.hashCode(from) * 31 + Double.hashCode(to) * 17 + points + Arrays.hashCode(iterations);
    }

    @Override
    public String toString() {
        return "SweepGrid[" + from + " .. " + to + ", " + points + " points, iterations " + Arrays.toString(iterations) + "]";
    }
}
