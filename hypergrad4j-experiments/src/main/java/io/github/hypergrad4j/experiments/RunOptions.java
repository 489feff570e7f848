package io.github.hypergrad4j.experiments;

import io.github.hypergrad4j.meta.ExplosionGuard;
import java.nio.file.Path;

/**
 * How a run treats its output directory, a meta-optimisation's exploding hypergradients and the
 * information buffer's memory. None of these changes a result except the explosion guard, which is
 * therefore part of the settings a checkpoint must match, and the number of seeds, which repeats the
 * whole run for more seeds (each seed's run is the same as without it).
 *
 * @param resume continue from the checkpoint in the run's directory
 * @param overwrite allow running into a directory that holds an earlier run's files
 * @param explosionFactor a hypergradient norm over this factor times the median of earlier norms is an
 *     explosion
 * @param onExplosion what to do then, or null to switch the guard off
 * @param bufferMemory bytes of information-buffer words kept in memory before spilling to a file, or 0
 *     for no limit
 * @param bufferDirectory where spill files go
 * @param pauseMillis sleep at the start of every meta-iteration (for tests that interrupt a run)
 * @param seeds how many seeds (the run's seed and the next ones) a meta-optimisation experiment runs in turn,
 *     each in its own sub-directory, with a figure of the mean meta-learning curve and its band
 *     ({@link io.github.hypergrad4j.experiments.meta.MetaSeeds}); 1: one run, as without the option
 */
public record RunOptions(boolean resume, boolean overwrite, double explosionFactor, ExplosionGuard.Action onExplosion,
        long bufferMemory, Path bufferDirectory, long pauseMillis, int seeds) {
    /** The explosion guard's default factor. */
    public static final double DEFAULT_EXPLOSION_FACTOR = 10;
    /** The explosion guard's meta-iterations of warm-up before it can fire (except on non-finite norms). */
    public static final int EXPLOSION_WARMUP = 3;
    /** Factor of the meta step on each explosion with {@code SHRINK_STEP}. */
    public static final double EXPLOSION_SHRINK = 0.5;

    public RunOptions {
        if (resume && overwrite) {
            throw new ConfigException("--resume and --overwrite contradict each other: --resume continues the run in the"
                    + " output directory, --overwrite replaces it. Give one of them.");
        }
        if (!(explosionFactor > 1) || Double.isInfinite(explosionFactor)) {
            throw new ConfigException("--explosion-factor must be a number greater than 1, got " + explosionFactor);
        }
        if (bufferMemory < 0) {
            throw new ConfigException("--buffer-memory must be positive, got " + bufferMemory + " bytes");
        }
        if (pauseMillis < 0) {
            throw new ConfigException("the pause per meta-iteration must be >= 0 ms, got " + pauseMillis);
        }
        if (seeds < 1) {
            throw new ConfigException("--seeds must be a positive number of seeds to repeat the meta-optimisation"
                    + " for (1: the run's own --seed only), got " + seeds);
        }
        if (bufferDirectory == null) {
            bufferDirectory = Path.of(System.getProperty("java.io.tmpdir"));
        }
    }

    /** No resume or overwrite, guard at factor 10 shrinking the step, buffer in memory. */
    public static RunOptions defaults() {
        return new RunOptions(false, false, DEFAULT_EXPLOSION_FACTOR, ExplosionGuard.Action.SHRINK_STEP, 0, null, 0, 1);
    }

    public RunOptions withResume(boolean resume, boolean overwrite) {
        return new RunOptions(resume, overwrite, explosionFactor, onExplosion, bufferMemory, bufferDirectory, pauseMillis, seeds);
    }

    public RunOptions withExplosionGuard(double factor, ExplosionGuard.Action action) {
        return new RunOptions(resume, overwrite, factor, action, bufferMemory, bufferDirectory, pauseMillis, seeds);
    }

    public RunOptions withBufferMemory(long bytes, Path directory) {
        return new RunOptions(resume, overwrite, explosionFactor, onExplosion, bytes, directory, pauseMillis, seeds);
    }

    public RunOptions withPause(long millis) {
        return new RunOptions(resume, overwrite, explosionFactor, onExplosion, bufferMemory, bufferDirectory, millis, seeds);
    }

    /** With {@code n} seeds run in turn ({@link #seeds()}). */
    public RunOptions withSeeds(int n) {
        return new RunOptions(resume, overwrite, explosionFactor, onExplosion, bufferMemory, bufferDirectory, pauseMillis, n);
    }

    /** A fresh guard for one meta-optimisation, or null when switched off. */
    public ExplosionGuard newGuard() {
        return onExplosion == null ? null
                : new ExplosionGuard(explosionFactor, EXPLOSION_WARMUP, onExplosion, EXPLOSION_SHRINK);
    }

    /** The guard's setting as text, for the checkpoint's settings, e.g. {@code shrink_step x10.0}. */
    public String guardSetting() {
        return onExplosion == null ? "off" : onExplosion.name().toLowerCase(java.util.Locale.ROOT) + " x" + explosionFactor;
    }
}
