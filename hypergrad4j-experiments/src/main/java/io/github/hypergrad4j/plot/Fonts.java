package io.github.hypergrad4j.plot;

import java.awt.Font;

/** The fonts of every figure: the logical sans-serif font, which is DejaVu Sans on Debian. */
final class Fonts {
    private Fonts() {}

    static Font title() {
        return new Font(Font.SANS_SERIF, Font.PLAIN, 16);
    }

    static Font label() {
        return new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    }

    static Font tick() {
        return new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    }
}
