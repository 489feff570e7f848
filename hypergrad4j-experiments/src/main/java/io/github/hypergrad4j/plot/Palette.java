package io.github.hypergrad4j.plot;

import java.awt.Color;

/** Colours for series: distinct ones for categories, a light-to-dark ramp for an ordered family of curves. */
public final class Palette {
    private static final Color[] CATEGORICAL = {
        new Color(0x3465a4), new Color(0x4e7d1e), new Color(0xe67e00), new Color(0x1a1a5e),
        new Color(0x2f5d50), new Color(0xcc0000), new Color(0x8f3b2b), new Color(0x75507b),
        new Color(0x00a0a0), new Color(0x555753),
    };

    private Palette() {}

    /** The i-th of ten distinct colours (cycling). */
    public static Color categorical(int i) {
        return CATEGORICAL[Math.floorMod(i, CATEGORICAL.length)];
    }

    /** Member i of n of an ordered family, from light blue (first) to dark red (last). */
    public static Color ordered(int i, int n) {
        double t = n <= 1 ? 1 : (double) i / (n - 1);
        return ColourScale.Map.ORDERED.colour(t);
    }
}
