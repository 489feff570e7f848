package io.github.hypergrad4j.experiments.meta;

import io.github.hypergrad4j.experiments.ConfigException;
import io.github.hypergrad4j.experiments.ExperimentContext;
import io.github.hypergrad4j.experiments.Progress;
import io.github.hypergrad4j.meta.ExplosionGuard;
import io.github.hypergrad4j.meta.MetaOptimizer;
import io.github.hypergrad4j.train.TrainingDivergedException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Hypergradient descent, the loop every meta-optimisation experiment shares: evaluate the
 * meta-objective and its hypergradient at x ({@link MetaStep}), record the learning curve and metrics,
 * step x with a {@link MetaOptimizer}, repeat; after the last update one more evaluation (without a
 * gradient) measures where x ended up.
 *
 * <p><b>Checkpoints.</b> After every meta-iteration the complete {@link LoopState} (x, the optimiser's
 * state, the explosion guard, the history) is written atomically to {@code checkpoint.json} in the
 * run's directory ({@link Checkpoint}); with {@code --resume} the loop starts from it, and because
 * every evaluation depends only on (seed, meta-iteration, x) the resumed run's numbers are bit-identical
 * to an uninterrupted one's.
 *
 * <p><b>Exploding hypergradients.</b> Unless switched off, an {@link ExplosionGuard} watches the norm
 * of each hypergradient. When it grows beyond the configured factor over the median of the earlier ones
 * while the meta-objective did not improve on the last accepted point's (or is not finite, or the
 * training run diverges), the loop either retakes the last accepted update with
 * a smaller meta step ({@code shrink}), stops and keeps the last accepted hyperparameters
 * ({@code stop}), or keeps the update and only records the event ({@code record}, to see the chaotic
 * step itself). Every such event goes into results.json ({@code events}) and the report.
 *
 * <p>Usage, in an experiment's {@code run}:
 *
 * <pre>{@code
 * double[] x = ...;                                  // initial hyperparameters, updated in place
 * MetaHistory history = new MetaLoop(context, "ARD meta-iterations", metaIterations, "validationLoss")
 *         .run(x, new SgdMomentum(step, 0), (hyper, i, withGradient) -> ...);
 * }</pre>
 */
public final class MetaLoop {
    private final ExperimentContext context;
    private final String label;
    private final int metaIterations;
    private final String headline;

    /**
     * The meta-optimisation loop of a run, with checkpoints in the run's directory and the explosion
     * guard configured on the command line.
     *
     * @param label the progress bar's label
     * @param metaIterations hypergradient steps (one more forward evaluation follows the last)
     * @param headline the metric shown in the progress line
     */
    public MetaLoop(ExperimentContext context, String label, int metaIterations, String headline) {
        if (metaIterations < 1) {
            throw new ConfigException("meta-iterations must be a positive number, got " + metaIterations);
        }
        this.context = context;
        this.label = label;
        this.metaIterations = metaIterations;
        this.headline = headline;
    }

    /**
     * Runs (or, with {@code --resume}, continues) the meta-optimisation.
     *
     * @param x the initial hyperparameters; on return, the final ones (updated in place)
     * @param optimizer a fresh meta-optimiser (its {@link MetaOptimizer#state()} goes into the checkpoint)
     * @param step evaluates the meta-objective
     * @return one record per evaluation: at most metaIterations + 1, fewer when the guard stopped early
     * @throws TrainingDivergedException if a training run diverges and the guard cannot recover
     * @throws IOException if a checkpoint cannot be written
     */
    public MetaHistory run(double[] x, MetaOptimizer optimizer, MetaStep step) throws IOException {
        ExplosionGuard guard = context.options().newGuard();
        Path file = context.directory().resolve(Checkpoint.FILE_NAME);
        LoopState state = new LoopState(x, optimizer, guard, context.dataFingerprints());
        if (context.options().resume() && Files.exists(file)) {
            resume(file, state, x.length);
        }
        try (Progress.Task task = context.progress().start(label, metaIterations + 1L)) {
            task.advance(state.next(), "");
            while (!state.finished()) {
                pause();
                int i = state.next();
                boolean last = state.lastIn(metaIterations);
                MetaResult r;
                try {
                    requireFinite(x);
                    r = step.evaluate(x.clone(), i, !last);
                } catch (TrainingDivergedException e) {
                    if (guard == null || last || !state.canStepBack()) {
                        throw new TrainingDivergedException(e.step(), "meta-iteration " + i + ": " + e.getMessage()
                                + (i > 0 ? "; the hyperparameters moved too far: try a smaller meta step" : ""), e);
                    }
                    r = null; // judged below as an explosion
                }
                if (r != null) {
                    state.record(r);
                    Double shown = r.metrics().get(headline);
                    task.advance(1, String.format(Locale.ROOT, "meta %d/%d %s %.4f", i, metaIterations,
                            MetaTraining.words(headline), shown != null ? shown : r.objective()));
                } else {
                    state.recordMissing();
                    task.advance(1, String.format(Locale.ROOT, "meta %d/%d diverged", i, metaIterations));
                }
                if (last) {
                    state.finish();
                } else {
                    double[] gradient = r == null ? null : r.gradient();
                    double norm = gradient == null ? Double.POSITIVE_INFINITY : ExplosionGuard.norm(gradient);
                    int eventsBefore = guard == null ? 0 : guard.events().size();
                    ExplosionGuard.Decision d = guard == null ? null
                            : guard.observe(i, norm, r == null ? Double.NaN : r.objective());
                    if (d != null && d.applyUpdate() && guard.events().size() > eventsBefore) {
                        context.info(guard.events().get(guard.events().size() - 1).message()); // recorded, or a new scale
                    }
                    if (d == null) {
                        state.accept(gradient);
                    } else if (d.applyUpdate()) {
                        state.accept(gradient, d.stepScale());
                    } else {
                        context.info(guard.events().get(guard.events().size() - 1).message());
                        if (!state.canStepBack()) {
                            throw new TrainingDivergedException(-1, "meta-iteration " + i + ": the hypergradient norm is "
                                    + norm + " before any update; the inner training is unstable: lower its learning"
                                    + " rate or initial scale", null);
                        }
                        state.stepBack(d);
                    }
                }
                state.advance();
                Checkpoint.write(file, context.identity(), state.snapshot());
            }
        }
        if (guard != null) {
            for (ExplosionGuard.Event e : guard.events()) {
                context.results().event(e.accepted() ? "hypergradient-scale-accepted" : "exploding-hypergradient",
                        e.metaIteration(), e.norm(), e.reference(), e.action().name().toLowerCase(Locale.ROOT), e.message());
            }
        }
        if (state.stopped()) {
            List<ExplosionGuard.Event> events = guard.events();
            context.results().summary("meta-optimisation stopped by the explosion guard at meta-iteration",
                    events.get(events.size() - 1).metaIteration());
        }
        if (state.history().metrics().containsKey(headline)) {
            context.recordMetaCurve(MetaCurve.of(headline, state.history())); // for --seeds (MetaSeeds)
        }
        return state.history();
    }

    /** Puts the checkpoint's state back after checking that it is whole and of this run and its data. */
    private void resume(Path file, LoopState state, int parameters) throws IOException {
        LoopState.Snapshot s = Checkpoint.read(file, context.identity());
        CheckpointValidation.check(file, s, parameters, metaIterations);
        if (!s.dataFingerprints().equals(context.dataFingerprints())) {
            throw new ConfigException("cannot resume: the data this run reads now is not the data the interrupted run"
                    + " read (data fingerprint " + shortly(context.dataFingerprints()) + " now, "
                    + shortly(s.dataFingerprints()) + " in " + file + "): the files of --data "
                    + context.dataSpec() + " were changed or replaced, or another dataset was found. Put the"
                    + " original files back and resume, or start again with --overwrite.");
        }
        try {
            state.restore(s);
        } catch (IllegalArgumentException e) {
            throw Checkpoint.damaged(file, "its optimiser state does not fit this run (" + e.getMessage() + ")");
        }
        context.info(String.format(Locale.ROOT, "resuming from %s after meta-iteration %d", file, s.nextMetaIteration() - 1));
    }

    /**
     * A meta step that leaves a hyperparameter infinite or NaN has diverged like a training run that
     * leaves the fixed-point range: the guard steps back from it (or the run ends with exit 4).
     */
    private static void requireFinite(double[] x) {
        for (int k = 0; k < x.length; k++) {
            if (!Double.isFinite(x[k])) {
                throw new TrainingDivergedException(-1, "hyperparameter " + k + " is " + x[k] + " after the meta step", null);
            }
        }
    }

    /** Fingerprints cut to 12 hexadecimal digits, enough to tell them apart in a message. */
    private static String shortly(List<String> fingerprints) {
        return fingerprints.stream().map(f -> f.substring(0, Math.min(12, f.length())))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    private void pause() {
        long ms = context.options().pauseMillis();
        if (ms > 0) {
            try {
                Thread.sleep(ms);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UncheckedIOException(new java.io.InterruptedIOException("interrupted"));
            }
        }
    }
}
