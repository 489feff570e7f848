package io.github.hypergrad4j.hyper;

import io.github.hypergrad4j.model.ParameterLayout;
import java.util.SplittableRandom;

/**
 * Initial weights w_0 = scale_g * z with fixed standard normal noise z (drawn once from a seed) and
 * one scale per parameter group. Keeping z fixed makes w_0 a smooth function of the scales, so
 * df/dscale_g = sum over group g of df/dw_0 * z.
 */
public final class InitialWeights {
    private final ParameterLayout layout;
    private final double[] noise;

    /**
     * Fixed noise z for a layout, drawn from a seed; w_0 = scale_g * z for each group g.
     *
     * @param layout the parameters and their groups
     * @param seed the seed of the noise
     */
    public InitialWeights(ParameterLayout layout, long seed) {
        this.layout = layout;
        this.noise = standardNormal(layout.size(), seed);
    }

    /**
     * n independent standard normal draws from a seed (Box-Muller over SplittableRandom, fully specified).
     *
     * @param n the number of draws
     * @param seed the seed
     * @return a new array of n values
     */
    public static double[] standardNormal(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] z = new double[n];
        for (int i = 0; i < n; i += 2) {
            double u1 = 1.0 - r.nextDouble(), u2 = r.nextDouble();
            double radius = Math.sqrt(-2 * Math.log(u1)), angle = 2 * Math.PI * u2;
            z[i] = radius * Math.cos(angle);
            if (i + 1 < n) {
                z[i + 1] = radius * Math.sin(angle);
            }
        }
        return z;
    }

    /**
     * The fixed noise z (a copy).
     *
     * @return a new array, one value per parameter
     */
    public double[] noise() {
        return noise.clone();
    }

    /**
     * w_0 for one scale per group.
     *
     * @param scales one scale per parameter group
     * @return a new array, scale_g * z_i for each parameter i of group g
     */
    public double[] weights(double[] scales) {
        if (scales.length != layout.groupCount()) {
            throw new IllegalArgumentException(scales.length + " initial scales for " + layout.groupCount() + " groups " + layout.names());
        }
        double[] w = new double[noise.length];
        for (int g = 0; g < scales.length; g++) {
            ParameterLayout.Group grp = layout.group(g);
            for (int i = grp.offset(); i < grp.end(); i++) {
                w[i] = scales[g] * noise[i];
            }
        }
        return w;
    }

    /**
     * w_0 with one scale for every group.
     *
     * @param scale the scale of every group
     * @return a new array, scale * z
     */
    public double[] weights(double scale) {
        double[] s = new double[layout.groupCount()];
        java.util.Arrays.fill(s, scale);
        return weights(s);
    }

    /**
     * df/dscale_g from df/dw_0.
     *
     * @param dWeights0 the gradient with respect to w_0, e.g. {@link
     *     io.github.hypergrad4j.train.Hypergradient#dWeights0()}
     * @return one derivative per group: the sum of df/dw_0,i z_i over the group
     */
    public double[] scaleGradient(double[] dWeights0) {
        double[] d = new double[layout.groupCount()];
        for (int g = 0; g < d.length; g++) {
            ParameterLayout.Group grp = layout.group(g);
            double s = 0;
            for (int i = grp.offset(); i < grp.end(); i++) {
                s += dWeights0[i] * noise[i];
            }
            d[g] = s;
        }
        return d;
    }
}
