package io.github.hypergrad4j.experiments.sweep;

import io.github.hypergrad4j.report.Results;
import io.github.hypergrad4j.report.ResultsSection;

/**
 * Loss and exact derivative at every point of a sweep, one row per iteration count. NaN marks a run
 * that diverged (fixed-point overflow or a non-finite loss).
 *
 * @param x the swept values
 * @param iterations the iteration counts, one per row
 * @param loss loss[row][point]
 * @param derivative derivative[row][point] with respect to x
 */
public record SweepResult(double[] x, int[] iterations, double[][] loss, double[][] derivative) {

    /** Number of runs that diverged. */
    public int diverged() {
        int n = 0;
        for (double[] row : loss) {
            for (double v : row) {
                if (Double.isNaN(v)) {
                    n++;
                }
            }
        }
        return n;
    }

    /** Row index of an iteration count. */
    public int row(int iterationCount) {
        for (int i = 0; i < iterations.length; i++) {
            if (iterations[i] == iterationCount) {
                return i;
            }
        }
        throw new IllegalArgumentException("no row for " + iterationCount + " iterations");
    }

    /** Records every number under {@code section}. */
    public void record(ResultsSection section, String variable) {
        section.put(variable, x).put("iterations", iterations).put("loss", loss).put("derivative", derivative)
                .put("diverged", diverged());
    }

    /** Adds the lowest loss of every row, where it is, and the number of diverged runs to the summary. */
    public void summarise(Results results, String symbol, String sweepName) {
        for (int k = 0; k < iterations.length; k++) {
            double best = Double.NaN, at = Double.NaN;
            for (int i = 0; i < x.length; i++) {
                double v = loss[k][i];
                if (Double.isFinite(v) && (Double.isNaN(best) || v < best)) {
                    best = v;
                    at = x[i];
                }
            }
            String t = label(iterations[k]);
            results.summary("lowest loss after " + t, best).summary("lowest loss after " + t + ": at " + symbol, at);
        }
        results.summary("diverged runs (" + sweepName + ")", diverged());
    }

    /** "1 iter", "20 iters": how figures and summaries name an iteration count. */
    public static String label(int iterations) {
        return iterations + (iterations == 1 ? " iter" : " iters");
    }
}
