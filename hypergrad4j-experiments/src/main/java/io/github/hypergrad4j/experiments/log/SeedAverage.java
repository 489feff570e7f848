package io.github.hypergrad4j.experiments.log;

import io.github.hypergrad4j.meta.SeedResult;

/**
 * lr-schedule's hypergradient at the starting hyperparameters: for two single seeds, for the means of
 * two disjoint halves of the seeds, and for all of them.
 */
record SeedAverage(SeedResult singleA, SeedResult singleB, SeedResult halfA, SeedResult halfB, SeedResult mean,
        int seeds) {}
