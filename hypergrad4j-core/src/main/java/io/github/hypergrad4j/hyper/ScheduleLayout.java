package io.github.hypergrad4j.hyper;

import java.io.Serializable;

/**
 * The one home of the schedule vector's layout {@code [logAlpha (T x G) | logitBeta (T x G) | logScale (G)]}:
 * a learning rate and a momentum for every step t and parameter group g, in unconstrained coordinates
 * (log alpha, logit beta), then one log initial scale per group. Every reader and writer of such a
 * vector goes through the index methods here instead of writing the arithmetic out.
 *
 * @param steps T, training steps
 * @param groups G, parameter groups
 */
public record ScheduleLayout(int steps, int groups) implements Serializable {
    /** The three blocks, in order: learning rates, momentums, initial scales. */
    public enum Block {
        /** log alpha, T x G. */
        LOG_ALPHA,
        /** logit beta, T x G. */
        LOGIT_BETA,
        /** log initial scale, G. */
        LOG_SCALE
    }

    public ScheduleLayout {
        if (steps < 1 || groups < 1) {
            throw new IllegalArgumentException("need at least one step and one group, got " + steps + " x " + groups);
        }
    }

    /** Length of the vector: 2 T G + G. */
    public int size() {
        return 2 * steps * groups + groups;
    }

    /** Index of log alpha at step t, group g. */
    public int logAlpha(int t, int g) {
        return cell(0, t, g);
    }

    /** Index of logit beta at step t, group g. */
    public int logitBeta(int t, int g) {
        return cell(1, t, g);
    }

    /** Index of the log initial scale of group g. */
    public int logScale(int g) {
        checkGroup(g);
        return 2 * steps * groups + g;
    }

    /** Index of block {@code b}'s entry at step t, group g (t is ignored for {@link Block#LOG_SCALE}). */
    public int index(Block b, int t, int g) {
        return switch (b) {
            case LOG_ALPHA -> logAlpha(t, g);
            case LOGIT_BETA -> logitBeta(t, g);
            case LOG_SCALE -> logScale(g);
        };
    }

    /** First index of a block. */
    public int offset(Block b) {
        return switch (b) {
            case LOG_ALPHA -> 0;
            case LOGIT_BETA -> steps * groups;
            case LOG_SCALE -> 2 * steps * groups;
        };
    }

    /** The vector of these rows ([t][g]) and scales. */
    public double[] pack(double[][] logAlpha, double[][] logitBeta, double[] logScale) {
        requireRows(logAlpha, "log alpha");
        requireRows(logitBeta, "logit beta");
        if (logScale.length != groups) {
            throw new IllegalArgumentException(logScale.length + " log scales for " + groups + " groups");
        }
        double[] x = new double[size()];
        for (int t = 0; t < steps; t++) {
            for (int g = 0; g < groups; g++) {
                x[logAlpha(t, g)] = logAlpha[t][g];
                x[logitBeta(t, g)] = logitBeta[t][g];
            }
        }
        for (int g = 0; g < groups; g++) {
            x[logScale(g)] = logScale[g];
        }
        return x;
    }

    /** Block {@code b} of {@code x} as rows [t][g] (T rows of G; one row of G for the scales). */
    public double[][] rows(double[] x, Block b) {
        requireSize(x);
        int rows = b == Block.LOG_SCALE ? 1 : steps;
        double[][] out = new double[rows][groups];
        for (int t = 0; t < rows; t++) {
            for (int g = 0; g < groups; g++) {
                out[t][g] = x[index(b, t, g)];
            }
        }
        return out;
    }

    /** The log initial scales of {@code x}, one per group. */
    public double[] logScales(double[] x) {
        return rows(x, Block.LOG_SCALE)[0];
    }

    /** Checks that {@code x} has this layout's length. */
    public void requireSize(double[] x) {
        if (x.length != size()) {
            throw new IllegalArgumentException(x.length + " hyperparameters for a schedule of " + steps + " steps x "
                    + groups + " groups (" + size() + ")");
        }
    }

    private int cell(int block, int t, int g) {
        if (t < 0 || t >= steps) {
            throw new IndexOutOfBoundsException("step " + t + " outside 0.." + (steps - 1));
        }
        checkGroup(g);
        return block * steps * groups + t * groups + g;
    }

    private void checkGroup(int g) {
        if (g < 0 || g >= groups) {
            throw new IndexOutOfBoundsException("group " + g + " outside 0.." + (groups - 1));
        }
    }

    private void requireRows(double[][] rows, String what) {
        if (rows.length != steps) {
            throw new IllegalArgumentException(rows.length + " rows of " + what + " for " + steps + " steps");
        }
        for (double[] r : rows) {
            if (r.length != groups) {
                throw new IllegalArgumentException("a row of " + what + " has " + r.length + " values for " + groups
                        + " groups");
            }
        }
    }
}
