package io.github.hypergrad4j.plot;

import java.awt.Color;

/**
 * Maps values in [min, max] to colours. Values outside the range take the end colours; NaN is drawn
 * in magenta so that it cannot be mistaken for data.
 *
 * @param map the colour map
 * @param min the value drawn with the first colour
 * @param max the value drawn with the last colour
 */
public record ColourScale(Map map, double min, double max) {
    /** Colour for values that are not numbers. */
    public static final Color NOT_A_NUMBER = new Color(0xff00ff);

    public ColourScale {
        if (!(Double.isFinite(min) && Double.isFinite(max))) {
            throw new IllegalArgumentException("colour scale limits must be finite, got " + min + ", " + max);
        }
        if (min == max) {
            min -= 0.5;
            max += 0.5;
        }
        if (min > max) {
            throw new IllegalArgumentException("colour scale minimum " + min + " is above its maximum " + max);
        }
    }

    /** Colour maps, each a piecewise-linear ramp through a few anchor colours. */
    public enum Map {
        /** Black to white: images such as digits. */
        GREYS(0x000000, 0xffffff),
        /** Blue through white to red: signed values centred on zero. */
        DIVERGING(0x2166ac, 0x92c5de, 0xf7f7f7, 0xf4a582, 0xb2182b),
        /** Dark purple through blue and green to yellow: magnitudes. */
        SEQUENTIAL(0x30123b, 0x3e5fcf, 0x1fa187, 0x9fd55a, 0xfde725),
        /** Light blue to dark red: an ordered family of curves. */
        ORDERED(0x9ecae1, 0x4292c6, 0x6a51a3, 0xa50f15, 0x67000d);

        private final int[] anchors;

        Map(int... anchors) {
            this.anchors = anchors;
        }

        /** The colour at position t in [0, 1] (clamped). */
        public Color colour(double t) {
            if (Double.isNaN(t)) {
                return NOT_A_NUMBER;
            }
            double x = Math.max(0, Math.min(1, t)) * (anchors.length - 1);
            int i = Math.min((int) x, anchors.length - 2);
            double f = x - i;
            int a = anchors[i], b = anchors[i + 1];
            return new Color(mix(a >> 16, b >> 16, f), mix(a >> 8, b >> 8, f), mix(a, b, f));
        }

        private static int mix(int a, int b, double f) {
            a &= 0xff;
            b &= 0xff;
            return (int) Math.round(a + (b - a) * f);
        }
    }

    /** A scale spanning the finite values of {@code values}; symmetric about zero if asked. */
    public static ColourScale spanning(Map map, double[][] values, boolean symmetric) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double[] row : values) {
            for (double v : row) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (lo > hi) {
            lo = 0;
            hi = 1;
        }
        if (symmetric) {
            double m = Math.max(Math.abs(lo), Math.abs(hi));
            return new ColourScale(map, -m, m);
        }
        return new ColourScale(map, lo, hi);
    }

    /** The colour of one value. */
    public Color colour(double value) {
        if (Double.isNaN(value)) {
            return NOT_A_NUMBER;
        }
        return map.colour((value - min) / (max - min));
    }
}
