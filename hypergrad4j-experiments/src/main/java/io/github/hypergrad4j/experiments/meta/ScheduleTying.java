package io.github.hypergrad4j.experiments.meta;

import io.github.hypergrad4j.experiments.ConfigException;
import io.github.hypergrad4j.hyper.ScheduleLayout;
import java.util.List;

/**
 * Which of a {@link io.github.hypergrad4j.meta.ScheduleProblem}'s hyperparameters
 * ({@link ScheduleLayout}: log alpha T x G, logit beta T x G, log scale G) are learned, and which share one value: the
 * meta-optimiser steps a short free vector z, {@link #expand} writes it into the full vector x (fixed
 * entries keep their starting values), and {@link #reduce} sums the hypergradient of every entry tied
 * to a free one (the exact gradient of a shared value).
 */
public final class ScheduleTying {
    private final double[] start;
    private final int[] free;
    private final int freeCount;

    /**
     * @param start the full starting vector
     * @param steps T
     * @param groups G
     * @param perGroup a separate learning rate (and momentum) per parameter group, else one shared by all
     * @param stepsPerValue consecutive steps that share one value (1: a value for every step; an epoch's
     *     steps: a piecewise-constant schedule)
     * @param learnRates learn the learning rates
     * @param learnMomentum learn the momentums
     * @param learnScales learn the initial scales (one per group)
     */
    public ScheduleTying(double[] start, int steps, int groups, boolean perGroup, int stepsPerValue, boolean learnRates,
            boolean learnMomentum, boolean learnScales) {
        ScheduleLayout layout = new ScheduleLayout(steps, groups);
        layout.requireSize(start);
        this.start = start.clone();
        this.free = new int[start.length];
        java.util.Arrays.fill(free, -1);
        int pieces = (steps + stepsPerValue - 1) / stepsPerValue, perPiece = perGroup ? groups : 1;
        int next = 0;
        for (ScheduleLayout.Block block : List.of(ScheduleLayout.Block.LOG_ALPHA, ScheduleLayout.Block.LOGIT_BETA)) {
            if (block == ScheduleLayout.Block.LOG_ALPHA ? !learnRates : !learnMomentum) {
                continue;
            }
            for (int t = 0; t < steps; t++) {
                for (int k = 0; k < groups; k++) {
                    free[layout.index(block, t, k)] = next + (t / stepsPerValue) * perPiece + (perGroup ? k : 0);
                }
            }
            next += pieces * perPiece;
        }
        if (learnScales) {
            for (int k = 0; k < groups; k++) {
                free[layout.logScale(k)] = next + k;
            }
            next += groups;
        }
        if (next == 0) {
            throw new ConfigException("nothing to learn: enable learning rates, momentums or initial scales");
        }
        this.freeCount = next;
    }

    /** Number of learned values. */
    public int size() {
        return freeCount;
    }

    /** The free vector at the start (each free value's first tied entry). */
    public double[] initialFree() {
        double[] z = new double[freeCount];
        boolean[] set = new boolean[freeCount];
        for (int i = 0; i < free.length; i++) {
            if (free[i] >= 0 && !set[free[i]]) {
                z[free[i]] = start[i];
                set[free[i]] = true;
            }
        }
        return z;
    }

    /** The full hyperparameter vector for free values z. */
    public double[] expand(double[] z) {
        double[] x = start.clone();
        for (int i = 0; i < x.length; i++) {
            if (free[i] >= 0) {
                x[i] = z[free[i]];
            }
        }
        return x;
    }

    /** d/dz from d/dx: the sum over the entries each free value is tied to. */
    public double[] reduce(double[] gradientX) {
        double[] g = new double[freeCount];
        for (int i = 0; i < free.length; i++) {
            if (free[i] >= 0) {
                g[free[i]] += gradientX[i];
            }
        }
        return g;
    }
}
