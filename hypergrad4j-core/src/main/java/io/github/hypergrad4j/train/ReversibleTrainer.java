package io.github.hypergrad4j.train;

import io.github.hypergrad4j.exact.FixedPointFormat;
import io.github.hypergrad4j.exact.FixedPointOverflowException;
import io.github.hypergrad4j.model.ParameterLayout;
import io.github.hypergrad4j.tensor.Parallelism;
import io.github.hypergrad4j.tensor.Tensor;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An optimiser ({@link Optimizer}: SGD with momentum by default, Adam, AdamW, RMSprop with momentum)
 * run on exact fixed-point state, and its exact reverse.
 *
 * <p>For SGD with momentum, forward step t, per group g with alpha = alpha[t][g] and beta = beta[t][g]
 * = n / 2^16: {@code g_t = grad L(w_t); v = beta v - (1 - beta) g_t; w = w + alpha v}. Multiplying by
 * beta destroys bits; the {@link io.github.hypergrad4j.exact.InformationBuffer} keeps them, so the
 * reverse pass can run the steps backwards from w_T, v_T, recomputing each gradient on the way and
 * accumulating the hypergradients (Maclaurin, Duvenaud and Adams 2015, "Gradient-based hyperparameter optimization through
 * reversible learning", algorithms 1-3 and section 2.3); the other optimisers work the
 * same way (see {@link Optimizer}). At the end the initial state must come back bit for bit; a hash
 * of the state kept per step (8 bytes each) names the first step that did not. This class owns the
 * loop (gradients, chunks, threads, timings, checks); an {@link ExactRule} does each optimiser's
 * arithmetic.
 *
 * <p>Plain SGD without momentum cannot be run backwards this way: undoing w_{t+1} = w_t - alpha grad
 * L(w_t) needs w_t itself.
 */
public final class ReversibleTrainer {
    private final ParameterLayout layout;
    private final TrainingLoss loss;
    private final FixedPointFormat format;
    private final Optimizer optimizer;
    private final long bufferMemory;
    private final Path spillDirectory;
    private final Divergence divergence;

    /**
     * A trainer of the parameters in {@code layout} on {@code loss}, in the default fixed-point format.
     *
     * @param layout the model's parameters and their groups (one learning rate and momentum per group)
     * @param loss the training loss; must be deterministic
     */
    public ReversibleTrainer(ParameterLayout layout, TrainingLoss loss) {
        this(layout, loss, FixedPointFormat.DEFAULT, Optimizer.sgdMomentum(), 0, null);
    }

    /**
     * SGD with momentum in another fixed-point format.
     *
     * @deprecated nothing in hypergrad4j uses another format; the information buffer's overflow messages
     *     are worded in the default one. Use {@link #ReversibleTrainer(ParameterLayout, TrainingLoss)}.
     * @param layout the model's parameters and their groups
     * @param loss the training loss; must be deterministic
     * @param format the exact representation of weights and velocities
     */
    @Deprecated
    public ReversibleTrainer(ParameterLayout layout, TrainingLoss loss, FixedPointFormat format) {
        this(layout, loss, format, Optimizer.sgdMomentum(), 0, null);
    }

    /**
     * A trainer that runs the given optimiser exactly, forwards and backwards, in the default
     * fixed-point format.
     *
     * @param layout the model's parameters and their groups (the schedule gives every hyperparameter
     *     per group)
     * @param loss the training loss; must be deterministic (same bits on every call), or reversal fails
     * @param optimizer the update rule, e.g. {@code Optimizer.adam()}; not null
     */
    public ReversibleTrainer(ParameterLayout layout, TrainingLoss loss, Optimizer optimizer) {
        this(layout, loss, FixedPointFormat.DEFAULT, optimizer, 0, null);
    }

    private ReversibleTrainer(ParameterLayout layout, TrainingLoss loss, FixedPointFormat format, Optimizer optimizer,
            long bufferMemory, Path spillDirectory) {
        this.layout = layout;
        this.loss = loss;
        this.format = format;
        this.optimizer = java.util.Objects.requireNonNull(optimizer, "the optimiser, e.g. Optimizer.adam()");
        this.bufferMemory = bufferMemory;
        this.spillDirectory = spillDirectory;
        this.divergence = new Divergence(layout, format, this.optimizer);
    }

    /**
     * This trainer with the information buffer's words limited to {@code bytes} in memory (all chunks
     * together); beyond that the oldest words spill to temporary files in {@code directory} and are read
     * back in the reverse pass. Results are bit-identical; the files are deleted when the run ends,
     * also when it fails.
     *
     * @param bytes the most memory the buffer's words may take, positive
     * @param directory where spill files go; must exist and be writable
     * @return a new trainer, this one is unchanged
     */
    public ReversibleTrainer withBufferMemory(long bytes, Path directory) {
        if (bytes <= 0) {
            throw new IllegalArgumentException("buffer memory must be positive, got " + bytes + " bytes");
        }
        java.util.Objects.requireNonNull(directory, "the directory for spill files");
        return new ReversibleTrainer(layout, loss, format, optimizer, bytes, directory);
    }

    /**
     * The parameter layout this trainer was made for.
     *
     * @return the layout whose size and groups the weights and schedules must match
     */
    public ParameterLayout layout() {
        return layout;
    }

    /**
     * The update rule this trainer runs.
     *
     * @return the optimiser given at construction (SGD with momentum by default)
     */
    public Optimizer optimizer() {
        return optimizer;
    }

    /**
     * Trains forwards only and returns the final weights (w_T), e.g. to evaluate a setting.
     *
     * @param w0 the initial weights, one per parameter; not modified
     * @param v0 the initial velocity, usually zeros; not modified
     * @param schedule learning rates and momentums per step and group
     * @param theta the hyperparameters the loss reads
     * @param listener called after every step, or {@link StepListener#NONE}
     * @return w_T, a new array
     * @throws TrainingDivergedException on a non-finite loss or a value outside the fixed-point range
     * @throws NonFiniteInputException if w0, v0, a hyperparameter or the training data hold NaN or an
     *     infinity
     */
    public double[] train(double[] w0, double[] v0, Schedule schedule, Theta theta, StepListener listener) {
        ExactRun run = forward(w0, v0, schedule, theta, listener, null);
        run.close();
        double[] w = new double[run.state.w.length];
        format.toDouble(run.state.w, w);
        return w;
    }

    /**
     * Trains forwards for {@code schedule.steps()} steps from (w0, v0), then runs backwards and
     * returns the exact gradient of {@code objective(w_T, theta)} with respect to everything. v0 is
     * the initial velocity, or Adam's initial first moment (usually zeros); the second moment starts
     * at zero.
     *
     * @throws TrainingDivergedException on a non-finite loss or a value outside the fixed-point range
     * @throws ReversalException when the reverse pass does not recover the forward states exactly
     * @param w0 the initial weights, one per parameter; not modified
     * @param v0 the initial velocity, usually zeros; not modified
     * @param schedule learning rates and momentums per step and group (momentums are used as n / 2^16, see
     *     {@link Schedule})
     * @param theta the hyperparameters the loss and objective read
     * @param objective f(w_T, theta), e.g. the validation loss
     * @param listener called after every forward step, or {@link StepListener#NONE}
     * @return the objective and its gradients with respect to w0, v0, every learning rate and momentum, and
     *     every hyperparameter
     * @throws IllegalArgumentException when the schedule does not fit the model or the optimiser
     */
    public Hypergradient hypergradient(double[] w0, double[] v0, Schedule schedule, Theta theta, Objective objective,
            StepListener listener) {
        return hypergradient(w0, v0, schedule, theta, objective, listener, null);
    }

    /**
     * {@link #hypergradient(double[], double[], Schedule, Theta, Objective, StepListener)} that also
     * adds the time of each phase to {@code times} (when not null). The result is the same bits;
     * timing costs an extra plain gradient per reverse step for SGD with momentum (see {@link
     * PhaseTimes}).
     *
     * @param w0 the initial weights, one per parameter; not modified
     * @param v0 the initial velocity, usually zeros; not modified
     * @param schedule learning rates and momentums per step and group
     * @param theta the hyperparameters the loss and objective read
     * @param objective f(w_T, theta)
     * @param listener called after every forward step, or {@link StepListener#NONE}
     * @param times accumulates the time of each phase, or null for no timing
     * @return the same hypergradient as without timing, bit for bit
     */
    public Hypergradient hypergradient(double[] w0, double[] v0, Schedule schedule, Theta theta, Objective objective,
            StepListener listener, PhaseTimes times) {
        ExactRun run = forward(w0, v0, schedule, theta, listener, times);
        try {
            Hypergradient h = reverse(run, schedule.steps(), theta, objective, times);
            if (times != null) {
                times.countRun();
            }
            return h;
        } catch (ReversalException e) {
            run.close();
            throw firstDifference(e, run, w0, v0, schedule, theta);
        } finally {
            run.close();
        }
    }

    /**
     * Where the non-determinism began. The reverse pass notices a difference at the last step whose
     * gradient did not reproduce, which for a loss that is never reproducible is the last step of
     * the run; so this trains forwards a second time from the same state and compares the two runs
     * step by step (loss and state hash), which names the first step that differs. If the second
     * run reproduces the first exactly, the loss differs only when evaluated as the reverse pass
     * evaluates it (hyperparameters differentiable, a direction), at the step the reverse pass found.
     */
    private ReversalException firstDifference(ReversalException found, ExactRun first, double[] w0, double[] v0,
            Schedule schedule, Theta theta) {
        if (found.step() < 0) {
            return found;
        }
        int steps = schedule.steps();
        ExactRun again = null;
        try {
            again = forward(w0, v0, schedule, theta, StepListener.NONE, null);
        } catch (TrainingDivergedException e) {
            if (e.step() >= 0) {
                return new ReversalException(e.step(), "training is not reproducible: run again from the same"
                        + " initial state, it failed at step " + e.step() + " (" + e.getMessage() + ") where the"
                        + " first run did not", found);
            }
            return found;
        } finally {
            if (again != null) {
                again.close();
            }
        }
        for (int t = 0; t < steps; t++) {
            if (Double.doubleToRawLongBits(again.losses[t]) != Double.doubleToRawLongBits(first.losses[t])) {
                return new ReversalException(t, "training is not reproducible: run again from the same initial"
                        + " state, the training loss at step " + t + " is " + again.losses[t] + " instead of "
                        + first.losses[t] + " (every earlier step was identical; the reverse pass noticed at step "
                        + found.step() + ")", found);
            }
            if (again.stateHashes[t + 1] != first.stateHashes[t + 1]) {
                return new ReversalException(t, "training is not reproducible: run again from the same initial"
                        + " state, the same loss at step " + t + " gave a different gradient, so the weights and"
                        + " velocity after step " + t + " differ (every earlier step was identical; the reverse"
                        + " pass noticed at step " + found.step() + ")", found);
            }
        }
        return new ReversalException(found.step(), "a second forward run reproduces the first exactly, but at step "
                + found.step() + " the gradient evaluated as the reverse pass does (with the hyperparameters"
                + " differentiable and, for Hessian-vector products, a direction) differs from the plain one; every"
                + " primitive must give the same value bits whether or not its inputs carry tangents", found);
    }

    private void checkInputs(double[] w0, double[] v0, Schedule schedule, Theta theta) {
        if (w0.length != layout.size() || v0.length != layout.size()) {
            throw new IllegalArgumentException("initial weights (" + w0.length + ") and velocity (" + v0.length
                    + ") must both have the layout's " + layout.size() + " parameters " + layout);
        }
        if (schedule.steps() > 0 && schedule.groups() != layout.groupCount()) {
            throw new IllegalArgumentException("schedule has " + schedule.groups() + " parameter groups but the model has "
                    + layout.groupCount() + " " + layout.names() + "; give one learning rate and momentum per group");
        }
        FiniteInputs.requireFinite("the initial weights w0", w0, layout, FiniteInputs.INITIAL_STATE_ADVICE);
        FiniteInputs.requireFinite("the initial velocity v0", v0, layout, FiniteInputs.INITIAL_STATE_ADVICE);
        FiniteInputs.requireFinite(theta);
    }

    /** The exact state after the forward pass, with what the reverse pass needs to check itself. */
    private static final class ExactRun {
        ExactState state;
        ExactRule rule;
        ParameterChunk[] chunks;
        long[] stateHashes;
        double[] losses;
        double bufferBits;

        /** Deletes the buffers' spill files, if any. */
        void close() {
            if (chunks != null) {
                for (ParameterChunk chunk : chunks) {
                    chunk.close();
                }
            }
        }
    }

    private ExactRun forward(double[] w0, double[] v0, Schedule schedule, Theta theta, StepListener listener,
            PhaseTimes times) {
        checkInputs(w0, v0, schedule, theta);
        int p = layout.size();
        ExactRun run = new ExactRun();
        run.rule = optimizer.exactRule(optimizer.resolve(schedule), format);
        long[] w = new long[p], m = new long[p];
        try {
            format.toFixed(w0, w);
            run.rule.firstMomentFormat().toFixed(v0, m);
        } catch (FixedPointOverflowException e) {
            throw divergence.of(e, -1);
        }
        run.state = new ExactState(w, m, run.rule.hasSecondMoment());
        run.chunks = ParameterChunk.split(layout, bufferMemory, spillDirectory);
        try {
            forwardSteps(run, schedule.steps(), theta, listener, times);
        } catch (RuntimeException | Error e) {
            run.close();
            throw e;
        }
        return run;
    }

    private void forwardSteps(ExactRun run, int steps, Theta theta, StepListener listener, PhaseTimes times) {
        int p = layout.size();
        ExactRule rule = run.rule;
        ExactState st = run.state;
        run.stateHashes = new long[steps + 1];
        run.losses = new double[steps];
        long[][] hashes = new long[run.chunks.length][3];
        double[] wd = new double[p];
        format.toDouble(st.w, wd);
        run.stateHashes[0] = StateFingerprint.of(st);
        for (int t = 0; t < steps; t++) {
            long t0 = clock(times);
            LossDerivatives d = LossDerivatives.gradient(loss, t, wd, theta);
            long t1 = clock(times), t2 = t1;
            if (!Double.isFinite(d.loss)) {
                // Non-finite data were reported by LossDerivatives; with finite inputs this is divergence.
                String why = t == 0
                        ? ", before any update, although the weights, hyperparameters and data are finite: the loss"
                                + " overflows at the initial weights; lower the initial scale (or look for an overflow"
                                + " in the loss, such as exp of a large value)"
                        : " (it was " + run.losses[t - 1] + " at step " + (t - 1) + ") although the hyperparameters"
                                + " and data are finite: training diverged; lower the learning rate or the initial scale";
                throw new TrainingDivergedException(t, "the training loss is " + d.loss + " at step " + t + why, null);
            }
            run.losses[t] = d.loss;
            int step = t;
            try {
                // Per chunk: every moment times its factor (the lost bits into the chunk's buffer), then
                // the additions and the weight step, the new weights as doubles for the next gradient and
                // the chunk's part of the state hash. Timed, the multiplications of all chunks run as a
                // pass of their own first; the buffers see the same order either way, so the bits agree.
                if (times == null) {
                    forEachChunk(run, (c, chunk) -> {
                        rule.forwardMultiply(st, chunk, step);
                        rule.forwardUpdate(st, chunk, step, d.gradient);
                        finishChunk(st, chunk, wd, hashes[c]);
                    });
                } else {
                    forEachChunk(run, (c, chunk) -> rule.forwardMultiply(st, chunk, step));
                    t2 = clock(times);
                    forEachChunk(run, (c, chunk) -> {
                        rule.forwardUpdate(st, chunk, step, d.gradient);
                        finishChunk(st, chunk, wd, hashes[c]);
                    });
                }
            } catch (FixedPointOverflowException e) {
                throw divergence.of(e, t);
            } catch (StateOverflowException e) {
                throw divergence.of(e, t);
            }
            run.stateHashes[t + 1] = StateFingerprint.combine(hashes);
            if (times != null) {
                long t3 = clock(times);
                times.add(PhaseTimes.Phase.FORWARD_GRADIENT, t1 - t0);
                times.add(PhaseTimes.Phase.FORWARD_BUFFER, t2 - t1);
                times.add(PhaseTimes.Phase.FORWARD_EXACT, t3 - t2);
            }
            if (listener != StepListener.NONE) {
                listener.onStep(t, d.loss, wd);
                format.toDouble(st.w, wd); // in case the listener wrote into the shared array
            }
        }
        for (ParameterChunk chunk : run.chunks) {
            run.bufferBits += chunk.buffer.storedBits();
        }
    }

    /** The chunk's weights as doubles and its part of the state hash, after a step. */
    private void finishChunk(ExactState st, ParameterChunk chunk, double[] wd, long[] hash) {
        format.toDouble(st.w, wd, chunk.from, chunk.to);
        StateFingerprint.part(st, chunk.from, chunk.to, hash);
    }

    private Hypergradient reverse(ExactRun run, int steps, Theta theta, Objective objective, PhaseTimes times) {
        int p = layout.size(), groups = layout.groupCount();
        ExactRule rule = run.rule;
        ExactState st = run.state;
        long start = clock(times);
        double[] wd = new double[p];
        format.toDouble(st.w, wd);
        double[] finalWeights = wd.clone();
        LossDerivatives.ObjectiveDerivatives f = LossDerivatives.objective(objective, wd, theta);
        if (times != null) {
            times.add(PhaseTimes.Phase.OBJECTIVE, clock(times) - start);
        }
        double[] dw = f.dWeights();
        Map<String, Tensor> dTheta = new LinkedHashMap<>();
        f.dTheta().forEach((k, t) -> dTheta.put(k, t.copy()));
        ExactRule.Outputs out = ExactRule.Outputs.zeros(steps, groups);
        ParameterChunk[] chunks = run.chunks;
        int countBefore = rule.sumsBeforeGradient(), countAfter = rule.sumsAfterGradient();
        // Per chunk and piece: partial sums of the per-group hypergradients, added per group in a fixed order.
        double[][] before = new double[chunks.length][], after = new double[chunks.length][];
        for (int c = 0; c < chunks.length; c++) {
            before[c] = new double[chunks[c].pieces() * countBefore];
            after[c] = new double[chunks[c].pieces() * countAfter];
        }
        double[][] sumsBefore = new double[groups][countBefore], sumsAfter = new double[groups][countAfter];
        long[][] hashes = new long[chunks.length][3];
        ExactRule.Adjoints b = new ExactRule.Adjoints(dw, new double[p], rule.hasSecondMoment() ? new double[p] : null,
                new double[p]);
        boolean gradientFirst = rule.directionNeedsGradient();

        for (int t = steps - 1; t >= 0; t--) {
            int step = t;
            long t0 = clock(times), t1;
            // Before the gradient: what the weight step contributes, and its exact undo, with w_t as doubles.
            if (times == null) {
                forEachChunk(run, (c, chunk) -> {
                    rule.accumulateBeforeGradient(st, chunk, step, b, before[c]);
                    rule.undoWeights(st, chunk, step, b, before[c]);
                    format.toDouble(st.w, wd, chunk.from, chunk.to);
                });
                t1 = t0;
            } else {
                forEachChunk(run, (c, chunk) -> rule.accumulateBeforeGradient(st, chunk, step, b, before[c]));
                t1 = clock(times);
                forEachChunk(run, (c, chunk) -> {
                    rule.undoWeights(st, chunk, step, b, before[c]);
                    format.toDouble(st.w, wd, chunk.from, chunk.to);
                });
            }
            sumPerGroup(chunks, before, countBefore, sumsBefore);
            long t2 = clock(times);
            // The gradient at w_t: from a recorded pass first when the direction needs it (Adam,
            // RMSprop), whose tangents are replayed once the direction is known; or from the dual pass
            // itself (SGD with momentum, whose direction is known already). Timed, SGD also takes a
            // plain gradient, to split the dual pass's time into gradient and Hessian parts.
            double[] gradient = null;
            LossDerivatives.Recording recording = null;
            if (gradientFirst) {
                recording = LossDerivatives.recorded(loss, t, wd, theta);
                gradient = recording.gradient;
            } else if (times != null) {
                gradient = LossDerivatives.gradient(loss, t, wd, theta).gradient;
            }
            long t3 = clock(times);
            LossDerivatives d = null;
            if (!gradientFirst) {
                d = LossDerivatives.withDirection(loss, t, wd, theta, b.u());
                gradient = d.gradient;
            }
            long t4 = clock(times), t5, t6;
            double[] g = gradient;
            // After it: the moments' exact undo (additions, then the buffer's divisions), their
            // hypergradient parts and the direction u, and the chunk's part of the state hash.
            if (times == null) {
                forEachChunk(run, (c, chunk) -> {
                    rule.undoMomentAdditions(st, chunk, step, g, b);
                    rule.undoMomentMultiplications(st, chunk, step);
                    rule.accumulateAfterGradient(st, chunk, step, g, b, after[c]);
                    StateFingerprint.part(st, chunk.from, chunk.to, hashes[c]);
                });
                t5 = t4;
                t6 = t4;
            } else {
                forEachChunk(run, (c, chunk) -> rule.undoMomentAdditions(st, chunk, step, g, b));
                t5 = clock(times);
                forEachChunk(run, (c, chunk) -> rule.undoMomentMultiplications(st, chunk, step));
                t6 = clock(times);
                forEachChunk(run, (c, chunk) -> {
                    rule.accumulateAfterGradient(st, chunk, step, g, b, after[c]);
                    StateFingerprint.part(st, chunk.from, chunk.to, hashes[c]);
                });
            }
            if (StateFingerprint.combine(hashes) != run.stateHashes[t]) {
                throw new ReversalException(t, "the recomputed weights and velocity differ from the forward pass's");
            }
            sumPerGroup(chunks, after, countAfter, sumsAfter);
            long t7 = clock(times);
            if (gradientFirst) {
                d = recording.withDirection(b.u());
            }
            long t8 = clock(times);
            double[] hu = d.hessianTimesU;
            for (int i = 0; i < p; i++) {
                dw[i] -= hu[i];
            }
            d.mixedTimesU.forEach((name, m) -> {
                double[] acc = dTheta.get(name).data(), x = m.data();
                for (int i = 0; i < acc.length; i++) {
                    acc[i] -= x[i];
                }
            });
            rule.finishStep(t, sumsBefore, sumsAfter, out);
            if (times != null) {
                long t9 = clock(times), hessian = gradientFirst ? t8 - t7 : (t4 - t3) - (t3 - t2);
                times.add(PhaseTimes.Phase.REVERSE_BOOKKEEPING, (t1 - t0) + (t7 - t6) + (t9 - t8));
                times.add(PhaseTimes.Phase.REVERSE_EXACT, (t2 - t1) + (t5 - t4));
                times.add(PhaseTimes.Phase.REVERSE_GRADIENT, t3 - t2);
                times.add(PhaseTimes.Phase.REVERSE_HESSIAN, hessian);
                times.add(PhaseTimes.Phase.REVERSE_BUFFER, t6 - t5);
            }
        }
        if (!st.isAtStart()) {
            throw new ReversalException(0, "the initial weights or velocity were not recovered");
        }
        for (ParameterChunk chunk : run.chunks) {
            if (!chunk.buffer.isAtInitialState()) {
                throw new ReversalException(-1, "the information buffer is not empty after the reverse pass");
            }
        }
        return new Hypergradient(f.value(), finalWeights, dw, b.dm(), out.dAlpha(), out.dBeta(), dTheta, run.losses,
                run.bufferBits, out.dBeta2(), out.dEps(), out.dWeightDecay());
    }

    /** out[g][j] = sum j of the partials of group g's pieces, chunk by chunk: a fixed order. */
    private static void sumPerGroup(ParameterChunk[] chunks, double[][] partial, int count, double[][] out) {
        for (double[] row : out) {
            java.util.Arrays.fill(row, 0);
        }
        for (int c = 0; c < chunks.length; c++) {
            for (int k = 0; k < chunks[c].pieces(); k++) {
                double[] row = out[chunks[c].group[k]];
                for (int j = 0; j < count; j++) {
                    row[j] += partial[c][k * count + j];
                }
            }
        }
    }

    /** The time now when timing, 0 otherwise. */
    private static long clock(PhaseTimes times) {
        return times == null ? 0 : System.nanoTime();
    }

    /** A body run for one chunk, given its index. */
    @FunctionalInterface
    private interface ChunkBody {
        void run(int index, ParameterChunk chunk);
    }

    /** Runs the body for every chunk, in parallel when there are several; rethrows the first failure. */
    private static void forEachChunk(ExactRun run, ChunkBody body) {
        if (run.chunks.length == 1) {
            body.run(0, run.chunks[0]);
            return;
        }
        java.util.List<Runnable> tasks = new java.util.ArrayList<>();
        for (int c = 0; c < run.chunks.length; c++) {
            int index = c;
            tasks.add(() -> body.run(index, run.chunks[index]));
        }
        Parallelism.get().runAll(tasks);
    }
}
