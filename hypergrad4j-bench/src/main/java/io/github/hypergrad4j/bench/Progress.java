package io.github.hypergrad4j.bench;

import java.io.PrintStream;
import java.util.Locale;

/** Progress lines on stderr while the suite runs (silent with {@code --quiet}). */
final class Progress {
    private final PrintStream out;
    private final long start = System.nanoTime();

    Progress(PrintStream out) {
        this.out = out;
    }

    static Progress silent() {
        return new Progress(null);
    }

    void note(String what) {
        if (out != null) {
            out.printf(Locale.ROOT, "[bench %6.1f s] %s%n", (System.nanoTime() - start) / 1e9, what);
            out.flush();
        }
    }
}
