package io.github.hypergrad4j.hyper;

import io.github.hypergrad4j.model.ParameterLayout;
import java.util.SplittableRandom;

/**
 * Initial weights drawn from a learned distribution: w_0,i = F_g^{-1}(u_i) with fixed uniform draws
 * u_i (from a seed) and, for each parameter group g, a piecewise-linear inverse CDF through knots
 * {@code v_0 <= ... <= v_B} at the quantile levels 0, 1/B, ..., 1. The knots are the hyperparameters: w_0 is
 * linear in them, so df/dv_j is a sum of df/dw_0 weighted by each weight's position in its bin. The
 * density of the learned distribution is (1/B) / (v_{j+1} - v_j) on bin j.
 */
public final class InverseCdfInit {
    private final ParameterLayout layout;
    private final int bins;
    private final double[] uniform;

    /**
     * Fixed uniform draws for a layout, for an inverse CDF of {@code bins} pieces per group.
     *
     * @param layout the parameters and their groups
     * @param bins B, the number of pieces of each inverse CDF
     * @param seed the seed of the uniform draws
     */
    public InverseCdfInit(ParameterLayout layout, int bins, long seed) {
        if (bins < 1) {
            throw new IllegalArgumentException("need at least one bin, got " + bins);
        }
        this.layout = layout;
        this.bins = bins;
        SplittableRandom r = new SplittableRandom(seed);
        this.uniform = new double[layout.size()];
        for (int i = 0; i < uniform.length; i++) {
            uniform[i] = r.nextDouble();
        }
    }

    /**
     * The number of pieces of each inverse CDF.
     *
     * @return B; each group has B + 1 knots
     */
    public int bins() {
        return bins;
    }

    /**
     * Knots of a normal distribution N(0, scale^2), with the two end bins cut at +-3 scale.
     *
     * @param scale the normal's standard deviation
     * @return B + 1 non-decreasing knots
     */
    public double[] normalKnots(double scale) {
        double[] v = new double[bins + 1];
        for (int j = 0; j <= bins; j++) {
            double q = Math.min(Math.max((double) j / bins, 0.00135), 1 - 0.00135);
            v[j] = scale * NormalQuantile.of(q);
        }
        return v;
    }

    /**
     * w_0 for knots[g][0..B] per group; each knot row must be non-decreasing.
     *
     * @param knots one row of B + 1 non-decreasing knots per group
     * @return a new array of initial weights
     */
    public double[] weights(double[][] knots) {
        check(knots);
        double[] w = new double[uniform.length];
        for (int g = 0; g < layout.groupCount(); g++) {
            ParameterLayout.Group grp = layout.group(g);
            double[] v = knots[g];
            for (int i = grp.offset(); i < grp.end(); i++) {
                double pos = uniform[i] * bins;
                int j = Math.min((int) pos, bins - 1);
                double lambda = pos - j;
                w[i] = v[j] + lambda * (v[j + 1] - v[j]);
            }
        }
        return w;
    }

    /**
     * df/dknots[g][j] from df/dw_0.
     *
     * @param dWeights0 the gradient with respect to w_0
     * @return a new array, one row of B + 1 derivatives per group
     */
    public double[][] knotGradient(double[] dWeights0) {
        double[][] d = new double[layout.groupCount()][bins + 1];
        for (int g = 0; g < layout.groupCount(); g++) {
            ParameterLayout.Group grp = layout.group(g);
            for (int i = grp.offset(); i < grp.end(); i++) {
                double pos = uniform[i] * bins;
                int j = Math.min((int) pos, bins - 1);
                double lambda = pos - j;
                d[g][j] += (1 - lambda) * dWeights0[i];
                d[g][j + 1] += lambda * dWeights0[i];
            }
        }
        return d;
    }

    /**
     * The density of group g's learned distribution on each bin: (1/B) / (v_{j+1} - v_j).
     *
     * @param knots one group's B + 1 knots, increasing
     * @return B densities
     */
    public static double[] binDensities(double[] knots) {
        int b = knots.length - 1;
        double[] density = new double[b];
        for (int j = 0; j < b; j++) {
            double width = knots[j + 1] - knots[j];
            density[j] = width > 0 ? 1.0 / b / width : Double.POSITIVE_INFINITY;
        }
        return density;
    }

    private void check(double[][] knots) {
        if (knots.length != layout.groupCount()) {
            throw new IllegalArgumentException(knots.length + " knot rows for " + layout.groupCount() + " parameter groups");
        }
        for (int g = 0; g < knots.length; g++) {
            if (knots[g].length != bins + 1) {
                throw new IllegalArgumentException("group " + g + " has " + knots[g].length + " knots; " + bins + " bins need " + (bins + 1));
            }
            for (int j = 0; j < bins; j++) {
                if (!(knots[g][j] <= knots[g][j + 1])) {
                    throw new IllegalArgumentException("knots of group " + layout.group(g).name() + " must be non-decreasing (an"
                            + " inverse CDF); knot " + j + " is " + knots[g][j] + " and knot " + (j + 1) + " is " + knots[g][j + 1]
                            + ": sort them after each meta-step or use a smaller meta step");
                }
            }
        }
    }
}
