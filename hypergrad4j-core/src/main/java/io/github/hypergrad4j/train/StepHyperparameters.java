package io.github.hypergrad4j.train;

import io.github.hypergrad4j.exact.RationalFactor;

/**
 * The hyperparameters an optimiser actually uses at each step and group, resolved once per run from
 * a {@link Schedule} and the {@link Optimizer}'s defaults: the factors as exact rationals n / 2^16,
 * the decoupled-decay contraction, and Adam's bias corrections. The exact trainer and the float64
 * reference both read them here, so they use the same values.
 */
final class StepHyperparameters {
    /** Below this, 1 - alpha lambda rounds to 1: no contraction happens at 2^-16 resolution. */
    static final double SMALLEST_DECAY = 0x1p-17;

    final int steps;
    final int groups;
    final double[][] alpha;
    final RationalFactor[][] beta1;
    /** Null without a second moment. */
    final RationalFactor[][] beta2;
    final double[][] eps;
    /** The contraction rho = 1 - alpha lambda used (AdamW), null entries where there is none. */
    final RationalFactor[][] decay;
    /** Products of beta1 (beta2) over steps 0..t, per group, and the bias corrections 1 minus them. */
    final double[][] product1;
    final double[][] product2;
    final double[][] c1;
    final double[][] c2;

    StepHyperparameters(Optimizer optimizer, Schedule schedule, double beta2Default, double epsDefault,
            double weightDecayDefault) {
        steps = schedule.steps();
        groups = schedule.groups();
        alpha = schedule.alphas();
        beta1 = new RationalFactor[steps][groups];
        boolean moments = optimizer.hasSecondMoment();
        beta2 = moments ? new RationalFactor[steps][groups] : null;
        eps = new double[steps][groups];
        decay = new RationalFactor[steps][groups];
        product1 = new double[steps][groups];
        product2 = new double[steps][groups];
        c1 = new double[steps][groups];
        c2 = new double[steps][groups];
        double resolution = optimizer.secondMomentFormat().resolution();
        for (int t = 0; t < steps; t++) {
            for (int g = 0; g < groups; g++) {
                beta1[t][g] = RationalFactor.of(schedule.beta(t, g));
                product1[t][g] = (t == 0 ? 1 : product1[t - 1][g]) * beta1[t][g].value();
                c1[t][g] = 1 - product1[t][g];
                if (moments) {
                    beta2[t][g] = RationalFactor.of(schedule.beta2(t, g, beta2Default));
                    eps[t][g] = schedule.eps(t, g, epsDefault);
                    product2[t][g] = (t == 0 ? 1 : product2[t - 1][g]) * beta2[t][g].value();
                    c2[t][g] = 1 - product2[t][g];
                    checkResolution(t, g, resolution);
                }
                if (!Double.isNaN(weightDecayDefault)) {
                    decay[t][g] = contraction(t, g, alpha[t][g] * schedule.weightDecay(t, g, weightDecayDefault));
                }
            }
        }
    }

    /** Refuses eps and beta2 for which a gradient of magnitude eps would leave no trace in s. */
    private void checkResolution(int t, int g, double resolution) {
        double smallest = beta2[t][g].oneMinus() * eps[t][g] * eps[t][g];
        if (smallest < resolution) {
            double need = Math.sqrt(resolution / beta2[t][g].oneMinus());
            throw new IllegalArgumentException("at step " + t + ", group " + g + ", eps = " + eps[t][g] + " with beta2 = "
                    + beta2[t][g].value() + " is too small for the second moment's resolution " + resolution
                    + ": gradients between eps and " + (float) need + " would leave no trace in it; use eps >= "
                    + (float) need + ", or more second-moment fraction bits (Optimizer.withSecondMomentFractionBits)");
        }
    }

    /** rho = 1 - alpha lambda as n / 2^16, or null when alpha lambda is 0. */
    private static RationalFactor contraction(int t, int g, double perStep) {
        if (perStep == 0) {
            return null;
        }
        if (!(perStep >= SMALLEST_DECAY && perStep < 1)) {
            throw new IllegalArgumentException("weight decay per step, alpha * lambda = " + perStep + " at step " + t
                    + ", group " + g + ", must lie in [2^-17, 1): the exact contraction 1 - alpha lambda is a multiple of"
                    + " 2^-16, so smaller decays would round to none; raise lambda, or use Adam without decay");
        }
        return RationalFactor.of(1 - perStep);
    }
}
