package io.github.hypergrad4j.exact;

import java.util.SplittableRandom;

/**
 * The trainer's use of this package in miniature: SGD with momentum on fixed-point w and v over
 * parameter groups, with a deterministic pseudo-gradient (a fixed function of w), so that tests
 * and the timing main can run forward and reverse steps exactly as the trainer will.
 */
final class MomentumSgdFixture {
    final FixedPointFormat format = FixedPointFormat.DEFAULT;
    final int[] groupStarts;
    final RationalFactor[][] betas;
    final double[][] alphas;
    final long[] w;
    final long[] v;
    final InformationBuffer buffer;
    private final double[] wDouble;
    private final double[] grad;

    /**
     * @param groupStarts group g is {@code [groupStarts[g], groupStarts[g + 1])}; the last entry is
     *     the parameter count
     * @param betas {@code betas[t][g]}, one per step and group
     * @param alphas {@code alphas[t][g]}
     */
    MomentumSgdFixture(int[] groupStarts, RationalFactor[][] betas, double[][] alphas, long seed) {
        this.groupStarts = groupStarts;
        this.betas = betas;
        this.alphas = alphas;
        int p = groupStarts[groupStarts.length - 1];
        SplittableRandom rnd = new SplittableRandom(seed);
        w = new long[p];
        v = new long[p];
        for (int i = 0; i < p; i++) {
            w[i] = format.toFixed(rnd.nextDouble(-1, 1));
            v[i] = format.toFixed(rnd.nextDouble(-0.01, 0.01));
        }
        buffer = new InformationBuffer(p);
        wDouble = new double[p];
        grad = new double[p];
    }

    /** Random per-step, per-group schedules with beta in [betaLow, betaHigh] and alpha in [0.01, 0.3]. */
    static MomentumSgdFixture random(int[] groupStarts, int steps, double betaLow, double betaHigh, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int groups = groupStarts.length - 1;
        RationalFactor[][] betas = new RationalFactor[steps][groups];
        double[][] alphas = new double[steps][groups];
        for (int t = 0; t < steps; t++) {
            for (int g = 0; g < groups; g++) {
                betas[t][g] = RationalFactor.of(betaLow == betaHigh ? betaLow : rnd.nextDouble(betaLow, betaHigh));
                alphas[t][g] = rnd.nextDouble(0.01, 0.3);
            }
        }
        return new MomentumSgdFixture(groupStarts, betas, alphas, seed + 1);
    }

    int groups() {
        return groupStarts.length - 1;
    }

    int steps() {
        return betas.length;
    }

    /** Forward step t: v = beta v - (1 - beta) g(w); w = w + alpha v, groups ascending. */
    void forward(int t) {
        gradient();
        for (int g = 0; g < groups(); g++) {
            int from = groupStarts[g];
            int to = groupStarts[g + 1];
            RationalFactor beta = betas[t][g];
            buffer.multiplyInPlace(v, from, to, beta);
            format.subtractScaledInPlace(v, beta.oneMinus(), grad, from, to);
            format.addScaledInPlace(w, alphas[t][g], v, from, to);
        }
    }

    /** Reverse step t: undo every group's w update, recompute g(w) bit for bit, then undo v. */
    void reverse(int t) {
        for (int g = groups() - 1; g >= 0; g--) {
            format.subtractScaledInPlace(w, alphas[t][g], v, groupStarts[g], groupStarts[g + 1]);
        }
        gradient();
        for (int g = groups() - 1; g >= 0; g--) {
            int from = groupStarts[g];
            int to = groupStarts[g + 1];
            RationalFactor beta = betas[t][g];
            format.addScaledInPlace(v, beta.oneMinus(), grad, from, to);
            buffer.divideInPlace(v, from, to, beta);
        }
    }

    /**
     * A deterministic, bounded-ish pseudo-gradient: pulls w toward 0 with wiggles and a coupling
     * to the neighbour, so velocities stay busy but the run stays in range.
     */
    private void gradient() {
        format.toDouble(w, wDouble);
        int p = w.length;
        for (int i = 0; i < p; i++) {
            double x = wDouble[i];
            grad[i] = 0.5 * x + Math.sin(3 * x) + 0.1 * Math.cos(wDouble[(i + 1) % p]);
        }
    }
}
