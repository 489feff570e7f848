package io.github.hypergrad4j.experiments.sweep;

import io.github.hypergrad4j.report.ResultsSection;
import java.util.List;

/**
 * The same sweep repeated for several seeds (the log's plan of Jan 11, "do each of these for a few random
 * seeds"): at every point and iteration count, the mean over the seeds whose run did not diverge and
 * the standard deviation around it (NaN where every seed diverged; 0 for a single seed).
 *
 * @param mean the mean loss and derivative, as a sweep result
 * @param lossSd the loss's standard deviation over seeds, [row][point]
 * @param derivativeSd the derivative's standard deviation over seeds
 * @param finiteSeeds how many seeds did not diverge, [row][point]
 * @param seeds the number of seeds
 */
public record SeedBand(SweepResult mean, double[][] lossSd, double[][] derivativeSd, int[][] finiteSeeds, int seeds) {

    /** The band of sweeps over the same grid, one per seed. */
    public static SeedBand of(List<SweepResult> runs) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("a band needs at least one sweep");
        }
        SweepResult first = runs.get(0);
        int rows = first.iterations().length, points = first.x().length;
        double[][] lossMean = new double[rows][points], lossSd = new double[rows][points];
        double[][] dMean = new double[rows][points], dSd = new double[rows][points];
        int[][] finite = new int[rows][points];
        for (int k = 0; k < rows; k++) {
            for (int i = 0; i < points; i++) {
                double[] l = new double[runs.size()], d = new double[runs.size()];
                int n = 0;
                for (SweepResult r : runs) {
                    if (Double.isFinite(r.loss()[k][i]) && Double.isFinite(r.derivative()[k][i])) {
                        l[n] = r.loss()[k][i];
                        d[n++] = r.derivative()[k][i];
                    }
                }
                finite[k][i] = n;
                lossMean[k][i] = mean(l, n);
                dMean[k][i] = mean(d, n);
                lossSd[k][i] = sd(l, n, lossMean[k][i]);
                dSd[k][i] = sd(d, n, dMean[k][i]);
            }
        }
        return new SeedBand(new SweepResult(first.x(), first.iterations(), lossMean, dMean), lossSd, dSd, finite,
                runs.size());
    }

    /**
     * Mean, standard deviation, lowest and highest value at every index of curves of one quantity, one curve
     * per seed (e.g. a meta-learning curve), over the seeds whose value there is finite; curves shorter than
     * the longest count as not finite past their end. The same mean and standard deviation as {@link #of}.
     *
     * @param mean the mean over the finite values (NaN where there is none)
     * @param sd their standard deviation, n - 1 in the denominator (0 for one value, NaN for none)
     * @param min the lowest finite value (NaN where there is none)
     * @param max the highest finite value
     * @param finiteSeeds how many seeds had a finite value
     */
    public record Curve(double[] mean, double[] sd, double[] min, double[] max, int[] finiteSeeds) {

        /** The band of these curves, in this order of seeds. */
        public static Curve across(List<double[]> curves) {
            if (curves.isEmpty()) {
                throw new IllegalArgumentException("a band needs at least one curve");
            }
            int length = curves.stream().mapToInt(c -> c.length).max().getAsInt();
            double[] mean = new double[length], sd = new double[length], min = new double[length], max = new double[length];
            int[] finite = new int[length];
            for (int i = 0; i < length; i++) {
                double[] v = new double[curves.size()];
                int n = 0;
                double lo = Double.NaN, hi = Double.NaN;
                for (double[] c : curves) {
                    if (i < c.length && Double.isFinite(c[i])) {
                        v[n++] = c[i];
                        lo = Double.isNaN(lo) ? c[i] : Math.min(lo, c[i]);
                        hi = Double.isNaN(hi) ? c[i] : Math.max(hi, c[i]);
                    }
                }
                finite[i] = n;
                mean[i] = SeedBand.mean(v, n);
                sd[i] = SeedBand.sd(v, n, mean[i]);
                min[i] = lo;
                max[i] = hi;
            }
            return new Curve(mean, sd, min, max, finite);
        }

        /** mean + sign * sd at every index. */
        public double[] meanPlus(double sign) {
            double[] out = new double[mean.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = mean[i] + sign * sd[i];
            }
            return out;
        }

        /** Records the mean, deviation, limits and counts under {@code section}. */
        public void record(ResultsSection section) {
            section.put("mean", mean).put("sd", sd).put("min", min).put("max", max)
                    .put("finiteSeeds", finiteSeeds);
        }
    }

    private static double mean(double[] v, int n) {
        if (n == 0) {
            return Double.NaN;
        }
        double s = 0;
        for (int j = 0; j < n; j++) {
            s += v[j];
        }
        return s / n;
    }

    private static double sd(double[] v, int n, double mean) {
        if (n == 0) {
            return Double.NaN;
        }
        double s = 0;
        for (int j = 0; j < n; j++) {
            s += (v[j] - mean) * (v[j] - mean);
        }
        return n == 1 ? 0 : Math.sqrt(s / (n - 1));
    }

    /** Records the means, deviations and counts under {@code section}. */
    public void record(ResultsSection section, String variable) {
        section.put(variable, mean.x()).put("iterations", mean.iterations()).put("seeds", seeds)
                .put("meanLoss", mean.loss()).put("lossSd", lossSd).put("meanDerivative", mean.derivative())
                .put("derivativeSd", derivativeSd);
        double[][] counts = new double[finiteSeeds.length][];
        for (int k = 0; k < counts.length; k++) {
            counts[k] = java.util.Arrays.stream(finiteSeeds[k]).asDoubleStream().toArray();
        }
        section.put("finiteSeeds", counts);
    }
}
