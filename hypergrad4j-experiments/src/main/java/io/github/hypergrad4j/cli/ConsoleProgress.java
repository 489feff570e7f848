package io.github.hypergrad4j.cli;

import io.github.hypergrad4j.experiments.Progress;
import java.io.PrintStream;
import java.util.Locale;

/**
 * A progress bar on the terminal: label, bar, percentage, the loop's current status (e.g. the loss)
 * and the estimated time left, redrawn in place. When the stream is not a terminal it prints a plain
 * line at every tenth of the work instead.
 */
final class ConsoleProgress implements Progress {
    private static final int BAR = 24;
    private static final int WIDTH = 118;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintStream out;
    private final boolean interactive;

    ConsoleProgress(PrintStream out, boolean interactive) {
        this.out = out;
        this.interactive = interactive;
    }

    @Override
    public Task start(String label, long total) {
        return new Bar(label, Math.max(1, total));
    }

    private final class Bar implements Task {
        private final String label;
        private final long total;
        private final long start = System.nanoTime();
        private long done;
        private long lastDraw;
        private int lastTenth = -1;
        private String status = "";

        Bar(String label, long total) {
            this.label = label;
            this.total = total;
            draw(true);
        }

        @Override
        public void advance(long units, String newStatus) {
            done = Math.min(total, done + units);
            status = newStatus;
            draw(done == total);
        }

        @Override
        public void close() {
            if (interactive) {
                draw(true);
                out.println();
            } else if (lastTenth < 10) {
                line();
            }
            out.flush();
        }

        private void draw(boolean force) {
            if (!interactive) {
                int tenth = (int) (10 * done / total);
                if (tenth > lastTenth) {
                    lastTenth = tenth;
                    line();
                }
                return;
            }
            long now = System.nanoTime();
            if (!force && now - lastDraw < REDRAW_NANOS) {
                return;
            }
            lastDraw = now;
            int filled = (int) (BAR * done / total);
            String text = String.format(Locale.ROOT, "%s [%s%s] %3d%% %s %s", label, "#".repeat(filled),
                    ".".repeat(BAR - filled), 100 * done / total, status, eta());
            if (text.length() > WIDTH) {
                text = text.substring(0, WIDTH);
            }
            out.print("\r" + text + " ".repeat(Math.max(0, WIDTH - text.length())));
            out.flush();
        }

        private void line() {
            out.println(String.format(Locale.ROOT, "%s: %3d%% %s %s", label, 100 * done / total, status, eta()).trim());
            out.flush();
        }

        private String eta() {
            double elapsed = (System.nanoTime() - start) / 1e9;
            if (done == total) {
                return "(" + duration(elapsed) + ")";
            }
            if (done == 0) {
                return "";
            }
            return "ETA " + duration(elapsed * (total - done) / done);
        }
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return (s / 60) + "m" + String.format(Locale.ROOT, "%02d", s % 60) + "s";
        }
        return (s / 3600) + "h" + String.format(Locale.ROOT, "%02d", (s % 3600) / 60) + "m";
    }
}
