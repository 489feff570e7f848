package io.github.hypergrad4j.train;

import io.github.hypergrad4j.exact.FixedPointFormat;
import io.github.hypergrad4j.exact.FixedPointOverflowException;
import io.github.hypergrad4j.exact.RationalFactor;
import io.github.hypergrad4j.model.ParameterLayout;
import io.github.hypergrad4j.tensor.Parallelism;
import io.github.hypergrad4j.tensor.Tensor;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * SGD with momentum on exact fixed-point weights and velocities, and its exact reverse.
 *
 * <p>Forward step t, per group g with alpha = alpha[t][g] and beta = beta[t][g] = n / 2^16:
 * {@code g_t = grad L(w_t); v = beta v - (1 - beta) g_t; w = w + alpha v}. Multiplying by beta
 * destroys bits; the {@link InformationBuffer} keeps them, so the reverse pass can run the steps
 * backwards from w_T, v_T, recomputing each gradient on the way and accumulating the hypergradients
 * (Maclaurin, Duvenaud and Adams 2015, "Gradient-based hyperparameter optimization through reversible
 * learning", algorithms 1-3 and section 2.3). At the end the initial state must come back bit for bit; a
 * hash of (w_t, v_t) kept per step (8 bytes each) names the first step that did not.
 */
public final class ReversibleTrainer {
    private final ParameterLayout layout;
    private final TrainingLoss loss;
    private final FixedPointFormat format;
    private final long bufferMemory;
    private final Path spillDirectory;

    /** A trainer of the parameters in {@code layout} on {@code loss}, in the default fixed-point format. */
    public ReversibleTrainer(ParameterLayout layout, TrainingLoss loss) {
        this(layout, loss, FixedPointFormat.DEFAULT, 0, null);
    }

    /**
     * A trainer in another fixed-point format.
     *
     * @deprecated nothing in hypergrad4j uses another format; the information buffer's overflow messages
     *     are worded in the default one. Use {@link #ReversibleTrainer(ParameterLayout, TrainingLoss)}.
     */
    @Deprecated
    public ReversibleTrainer(ParameterLayout layout, TrainingLoss loss, FixedPointFormat format) {
        this(layout, loss, format, 0, null);
    }

    private ReversibleTrainer(ParameterLayout layout, TrainingLoss loss, FixedPointFormat format, long bufferMemory,
            Path spillDirectory) {
        this.layout = layout;
        this.loss = loss;
        this.format = format;
        this.bufferMemory = bufferMemory;
        this.spillDirectory = spillDirectory;
    }

    /**
     * This trainer with the information buffer's words limited to {@code bytes} in memory (all chunks
     * together); beyond that the oldest words spill to temporary files in {@code directory} and are read
     * back in the reverse pass. Results are bit-identical; the files are deleted when the run ends,
     * also when it fails.
     */
    public ReversibleTrainer withBufferMemory(long bytes, Path directory) {
        if (bytes <= 0) {
            throw new IllegalArgumentException("buffer memory must be positive, got " + bytes + " bytes");
        }
        java.util.Objects.requireNonNull(directory, "the directory for spill files");
        return new ReversibleTrainer(layout, loss, format, bytes, directory);
    }

    public ParameterLayout layout() {
        return layout;
    }

    /** Trains forwards only and returns the final weights (w_T), e.g. to evaluate a setting. */
    public double[] train(double[] w0, double[] v0, Schedule schedule, Theta theta, StepListener listener) {
        ExactRun run = forward(w0, v0, schedule, theta, listener, null);
        run.close();
        double[] w = new double[run.w.length];
        format.toDouble(run.w, w);
        return w;
    }

    /**
     * Trains forwards for {@code schedule.steps()} steps from (w0, v0), then runs backwards and
     * returns the exact gradient of {@code objective(w_T, theta)} with respect to everything.
     *
     * @throws TrainingDivergedException on a non-finite loss or a value outside the fixed-point range
     * @throws ReversalException when the reverse pass does not recover the forward states exactly
     */
    public Hypergradient hypergradient(double[] w0, double[] v0, Schedule schedule, Theta theta, Objective objective,
            StepListener listener) {
        return hypergradient(w0, v0, schedule, theta, objective, listener, null);
    }

    /**
     * {@link #hypergradient(double[], double[], Schedule, Theta, Objective, StepListener)} that also
     * adds the time of each phase to {@code times} (when not null). The result is the same bits;
     * timing costs an extra plain gradient per reverse step (see {@link PhaseTimes}).
     */
    public Hypergradient hypergradient(double[] w0, double[] v0, Schedule schedule, Theta theta, Objective objective,
            StepListener listener, PhaseTimes times) {
        ExactRun run = forward(w0, v0, schedule, theta, listener, times);
        try {
            Hypergradient h = reverse(run, schedule, theta, objective, times);
            if (times != null) {
                times.countRun();
            }
            return h;
        } finally {
            run.close();
        }
    }

    private void checkInputs(double[] w0, double[] v0, Schedule schedule) {
        if (w0.length != layout.size() || v0.length != layout.size()) {
            throw new IllegalArgumentException("initial weights (" + w0.length + ") and velocity (" + v0.length
                    + ") must both have the layout's " + layout.size() + " parameters " + layout);
        }
        if (schedule.steps() > 0 && schedule.groups() != layout.groupCount()) {
            throw new IllegalArgumentException("schedule has " + schedule.groups() + " parameter groups but the model has "
                    + layout.groupCount() + " " + layout.names() + "; give one learning rate and momentum per group");
        }
    }

    /** The exact state after the forward pass, with what the reverse pass needs to check itself. */
    private static final class ExactRun {
        long[] w;
        long[] v;
        long[] w0;
        long[] v0;
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
        checkInputs(w0, v0, schedule);
        int p = layout.size();
        ExactRun run = new ExactRun();
        run.w = new long[p];
        run.v = new long[p];
        try {
            format.toFixed(w0, run.w);
            format.toFixed(v0, run.v);
        } catch (FixedPointOverflowException e) {
            throw diverged(e, -1);
        }
        run.w0 = run.w.clone();
        run.v0 = run.v.clone();
        run.chunks = ParameterChunk.split(layout, bufferMemory, spillDirectory);
        try {
            forwardSteps(run, schedule, theta, listener, times);
        } catch (RuntimeException | Error e) {
            run.close();
            throw e;
        }
        return run;
    }

    private void forwardSteps(ExactRun run, Schedule schedule, Theta theta, StepListener listener, PhaseTimes times) {
        int p = layout.size(), steps = schedule.steps();
        run.stateHashes = new long[steps + 1];
        run.losses = new double[steps];
        RationalFactor[][] betas = factors(schedule);
        long[][] hashes = new long[run.chunks.length][2];
        double[] wd = new double[p];
        format.toDouble(run.w, wd);
        run.stateHashes[0] = hash(run);
        for (int t = 0; t < steps; t++) {
            long t0 = clock(times);
            LossDerivatives d = LossDerivatives.gradient(loss, t, wd, theta);
            long t1 = clock(times), t2 = t1;
            if (!Double.isFinite(d.loss)) {
                throw new TrainingDivergedException(t, "the training loss is " + d.loss + " at step " + t
                        + ": training diverged or the data contains NaN; lower the learning rate or initial scale,"
                        + " or check the inputs", null);
            }
            run.losses[t] = d.loss;
            int step = t;
            try {
                // Per chunk: the exact step of each piece (v = beta v - (1 - beta) g with the lost bits
                // into the chunk's buffer, w += alpha v), then the new weights as doubles for the next
                // gradient and the chunk's part of the state hash. Timed, the buffer's multiplications
                // run as a pass of their own first (each piece's multiply still precedes its other
                // updates, and the buffer sees the same order, so the bits are the same).
                if (times == null) {
                    forEachChunk(run, (c, chunk) -> {
                        for (int k = 0; k < chunk.pieces(); k++) {
                            multiplyPiece(run, chunk, k, betas[step]);
                            updatePiece(run, chunk, k, d.gradient, schedule, betas[step], step);
                        }
                        finishChunk(run, chunk, wd, hashes[c]);
                    });
                } else {
                    forEachChunk(run, (c, chunk) -> {
                        for (int k = 0; k < chunk.pieces(); k++) {
                            multiplyPiece(run, chunk, k, betas[step]);
                        }
                    });
                    t2 = clock(times);
                    forEachChunk(run, (c, chunk) -> {
                        for (int k = 0; k < chunk.pieces(); k++) {
                            updatePiece(run, chunk, k, d.gradient, schedule, betas[step], step);
                        }
                        finishChunk(run, chunk, wd, hashes[c]);
                    });
                }
            } catch (FixedPointOverflowException e) {
                throw diverged(e, t);
            }
            run.stateHashes[t + 1] = combine(hashes);
            if (times != null) {
                long t3 = clock(times);
                times.add(PhaseTimes.Phase.FORWARD_GRADIENT, t1 - t0);
                times.add(PhaseTimes.Phase.FORWARD_BUFFER, t2 - t1);
                times.add(PhaseTimes.Phase.FORWARD_EXACT, t3 - t2);
            }
            if (listener != StepListener.NONE) {
                listener.onStep(t, d.loss, wd);
                format.toDouble(run.w, wd); // in case the listener wrote into the shared array
            }
        }
        for (ParameterChunk chunk : run.chunks) {
            run.bufferBits += chunk.buffer.storedBits();
        }
    }

    /** v *= beta exactly over piece k of a chunk, the lost bits into the chunk's buffer. */
    private static void multiplyPiece(ExactRun run, ParameterChunk chunk, int k, RationalFactor[] betas) {
        chunk.buffer.multiplyInPlace(run.v, chunk.pieceFrom[k], chunk.pieceTo[k], betas[chunk.group[k]]);
    }

    /** v -= (1 - beta) g, then w += alpha v, exactly over piece k of a chunk. */
    private void updatePiece(ExactRun run, ParameterChunk chunk, int k, double[] gradient, Schedule schedule,
            RationalFactor[] betas, int step) {
        int g = chunk.group[k], from = chunk.pieceFrom[k], to = chunk.pieceTo[k];
        format.subtractScaledInPlace(run.v, betas[g].oneMinus(), gradient, from, to);
        format.addScaledInPlace(run.w, schedule.alpha(step, g), run.v, from, to);
    }

    /** The chunk's weights as doubles and its part of the state hash, after a step. */
    private void finishChunk(ExactRun run, ParameterChunk chunk, double[] wd, long[] hash) {
        format.toDouble(run.w, wd, chunk.from, chunk.to);
        hashPart(run, chunk.from, chunk.to, hash);
    }

    private TrainingDivergedException diverged(FixedPointOverflowException e, int step) {
        int g = e.index() >= 0 && e.index() < layout.size() ? layout.groupOf(e.index()) : -1;
        String where = (step >= 0 ? "at step " + step : "in the initial state") + ", parameter group "
                + (g >= 0 ? "'" + layout.group(g).name() + "'" : "?") + " (parameter " + e.index() + ")";
        return new TrainingDivergedException(step, "a weight or velocity left the fixed-point range of +-"
                + format.maxMagnitude() + " " + where + " (value " + e.value() + "): the learning rate or the initial"
                + " scale is too large for this run; lower it", e);
    }

    private Hypergradient reverse(ExactRun run, Schedule schedule, Theta theta, Objective objective, PhaseTimes times) {
        int p = layout.size(), steps = schedule.steps(), groups = layout.groupCount();
        long start = clock(times);
        double[] wd = new double[p];
        format.toDouble(run.w, wd);
        double[] finalWeights = wd.clone();
        LossDerivatives.ObjectiveDerivatives f = LossDerivatives.objective(objective, wd, theta);
        if (times != null) {
            times.add(PhaseTimes.Phase.OBJECTIVE, clock(times) - start);
        }
        double[] dw = f.dWeights();
        double[] dv = new double[p];
        double[] u = new double[p];
        Map<String, Tensor> dTheta = new LinkedHashMap<>();
        f.dTheta().forEach((k, t) -> dTheta.put(k, t.copy()));
        double[][] dAlpha = new double[steps][groups], dBeta = new double[steps][groups];
        RationalFactor[][] betas = factors(schedule);
        ParameterChunk[] chunks = run.chunks;
        // Per chunk and piece: partial sums of dalpha and dbeta, added per group in a fixed order.
        double[][] partial = new double[chunks.length][];
        for (int c = 0; c < chunks.length; c++) {
            partial[c] = new double[chunks[c].pieces()];
        }
        long[][] hashes = new long[chunks.length][2];
        ReverseBuffers b = new ReverseBuffers(dw, dv, u);

        for (int t = steps - 1; t >= 0; t--) {
            int step = t;
            long t0 = clock(times), t1, t2;
            // Before the gradient: dalpha_t = dw . v_{t+1}, dv += alpha dw, u = (1 - beta) dv, and the
            // exact undo of the weight update, w_t = w_{t+1} - alpha v_{t+1}, with w_t as doubles.
            if (times == null) {
                forEachChunk(run, (c, chunk) -> {
                    accumulateBeforeGradient(run, chunk, b, schedule, betas[step], step, partial[c]);
                    undoWeights(run, chunk, wd, schedule, step);
                });
                t1 = t0;
            } else {
                forEachChunk(run, (c, chunk) -> accumulateBeforeGradient(run, chunk, b, schedule, betas[step], step, partial[c]));
                t1 = clock(times);
                forEachChunk(run, (c, chunk) -> undoWeights(run, chunk, wd, schedule, step));
            }
            sumPerGroup(chunks, partial, dAlpha[t]);
            t2 = clock(times);
            if (times != null) {
                LossDerivatives.gradient(loss, t, wd, theta);
            }
            long t3 = clock(times);
            LossDerivatives d = LossDerivatives.withDirection(loss, t, wd, theta, u);
            long t4 = clock(times), t5, t6;
            // After it: v_t = (v_{t+1} + (1 - beta) g_t) / beta exactly, then dbeta_t = dv . (v_t + g_t),
            // dw -= H u, dv *= beta, and the chunk's part of the state hash.
            if (times == null) {
                forEachChunk(run, (c, chunk) -> {
                    for (int k = chunk.pieces() - 1; k >= 0; k--) {
                        addGradientPiece(run, chunk, k, d.gradient, betas[step]);
                        dividePiece(run, chunk, k, betas[step]);
                    }
                    accumulateAfterGradient(run, chunk, b, d, betas[step], partial[c], hashes[c]);
                });
                t5 = t4;
                t6 = t4;
            } else {
                // Timed: all additions, then all divisions (each piece's addition still precedes its
                // division, and the buffer sees the pieces in the same descending order).
                forEachChunk(run, (c, chunk) -> {
                    for (int k = chunk.pieces() - 1; k >= 0; k--) {
                        addGradientPiece(run, chunk, k, d.gradient, betas[step]);
                    }
                });
                t5 = clock(times);
                forEachChunk(run, (c, chunk) -> {
                    for (int k = chunk.pieces() - 1; k >= 0; k--) {
                        dividePiece(run, chunk, k, betas[step]);
                    }
                });
                t6 = clock(times);
                forEachChunk(run, (c, chunk) -> accumulateAfterGradient(run, chunk, b, d, betas[step], partial[c], hashes[c]));
            }
            if (combine(hashes) != run.stateHashes[t]) {
                throw new ReversalException(t, "the recomputed weights and velocity differ from the forward pass's");
            }
            sumPerGroup(chunks, partial, dBeta[t]);
            d.mixedTimesU.forEach((name, m) -> {
                double[] acc = dTheta.get(name).data(), x = m.data();
                for (int i = 0; i < acc.length; i++) {
                    acc[i] -= x[i];
                }
            });
            if (times != null) {
                long t7 = clock(times);
                times.add(PhaseTimes.Phase.REVERSE_BOOKKEEPING, (t1 - t0) + (t7 - t6));
                times.add(PhaseTimes.Phase.REVERSE_EXACT, (t2 - t1) + (t5 - t4));
                times.add(PhaseTimes.Phase.REVERSE_GRADIENT, t3 - t2);
                times.add(PhaseTimes.Phase.REVERSE_HESSIAN, (t4 - t3) - (t3 - t2));
                times.add(PhaseTimes.Phase.REVERSE_BUFFER, t6 - t5);
            }
        }
        if (!java.util.Arrays.equals(run.w, run.w0) || !java.util.Arrays.equals(run.v, run.v0)) {
            throw new ReversalException(0, "the initial weights or velocity were not recovered");
        }
        for (ParameterChunk chunk : run.chunks) {
            if (!chunk.buffer.isAtInitialState()) {
                throw new ReversalException(-1, "the information buffer is not empty after the reverse pass");
            }
        }
        return new Hypergradient(f.value(), finalWeights, dw, dv, dAlpha, dBeta, dTheta, run.losses, run.bufferBits);
    }

    /** The reverse pass's per-parameter accumulators, shared by the chunks (each writes its own range). */
    private record ReverseBuffers(double[] dw, double[] dv, double[] u) {}

    /** dalpha parts, dv += alpha dw and u = (1 - beta) dv over a chunk, with v = v_{t+1}. */
    private void accumulateBeforeGradient(ExactRun run, ParameterChunk chunk, ReverseBuffers b, Schedule schedule,
            RationalFactor[] betas, int step, double[] partial) {
        long[] v = run.v;
        double[] dw = b.dw(), dv = b.dv(), u = b.u();
        double ulp = format.resolution();
        for (int k = 0; k < chunk.pieces(); k++) {
            int g = chunk.group[k];
            double a = schedule.alpha(step, g), oneMinus = betas[g].oneMinus(), s = 0;
            for (int i = chunk.pieceFrom[k], end = chunk.pieceTo[k]; i < end; i++) {
                s += dw[i] * (v[i] * ulp);
                double dvi = dv[i] + a * dw[i];
                dv[i] = dvi;
                u[i] = oneMinus * dvi;
            }
            partial[k] = s;
        }
    }

    /** w_t = w_{t+1} - alpha v_{t+1} exactly over a chunk, and w_t as doubles for the gradient. */
    private void undoWeights(ExactRun run, ParameterChunk chunk, double[] wd, Schedule schedule, int step) {
        for (int k = 0; k < chunk.pieces(); k++) {
            format.subtractScaledInPlace(run.w, schedule.alpha(step, chunk.group[k]), run.v, chunk.pieceFrom[k],
                    chunk.pieceTo[k]);
        }
        format.toDouble(run.w, wd, chunk.from, chunk.to);
    }

    /** v += (1 - beta) g exactly over piece k of a chunk: undoes the forward step's subtraction. */
    private void addGradientPiece(ExactRun run, ParameterChunk chunk, int k, double[] gradient, RationalFactor[] betas) {
        format.addScaledInPlace(run.v, betas[chunk.group[k]].oneMinus(), gradient, chunk.pieceFrom[k], chunk.pieceTo[k]);
    }

    /** v /= beta exactly over piece k of a chunk, taking the bits back from the chunk's buffer. */
    private static void dividePiece(ExactRun run, ParameterChunk chunk, int k, RationalFactor[] betas) {
        chunk.buffer.divideInPlace(run.v, chunk.pieceFrom[k], chunk.pieceTo[k], betas[chunk.group[k]]);
    }

    /** dbeta parts, dw -= H u, dv *= beta over a chunk, with v = v_t; and the chunk's part of the hash. */
    private void accumulateAfterGradient(ExactRun run, ParameterChunk chunk, ReverseBuffers b, LossDerivatives d,
            RationalFactor[] betas, double[] partial, long[] hash) {
        long[] v = run.v;
        double[] dw = b.dw(), dv = b.dv(), grad = d.gradient, hu = d.hessianTimesU;
        double ulp = format.resolution();
        for (int k = 0; k < chunk.pieces(); k++) {
            double beta = betas[chunk.group[k]].value(), s = 0;
            for (int i = chunk.pieceFrom[k], end = chunk.pieceTo[k]; i < end; i++) {
                s += dv[i] * (v[i] * ulp + grad[i]);
                dw[i] -= hu[i];
                dv[i] *= beta;
            }
            partial[k] = s;
        }
        hashPart(run, chunk.from, chunk.to, hash);
    }

    /** out[g] = the sum of the partials of group g's pieces, chunk by chunk: a fixed order. */
    private static void sumPerGroup(ParameterChunk[] chunks, double[][] partial, double[] out) {
        java.util.Arrays.fill(out, 0);
        for (int c = 0; c < chunks.length; c++) {
            for (int k = 0; k < chunks[c].pieces(); k++) {
                out[chunks[c].group[k]] += partial[c][k];
            }
        }
    }

    /** The time now when timing, 0 otherwise. */
    private static long clock(PhaseTimes times) {
        return times == null ? 0 : System.nanoTime();
    }

    private static RationalFactor[][] factors(Schedule schedule) {
        RationalFactor[][] f = new RationalFactor[schedule.steps()][schedule.groups()];
        for (int t = 0; t < f.length; t++) {
            for (int g = 0; g < schedule.groups(); g++) {
                f[t][g] = RationalFactor.of(schedule.beta(t, g));
            }
        }
        return f;
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

    /**
     * A 64-bit fingerprint of the exact state. Any change to a single entry changes it (multiplying by
     * an odd constant is invertible modulo 2^64); the sums have no serial dependency, so the JIT can
     * vectorise them and the check stays far below the cost of a gradient. Sums modulo 2^64 do not
     * depend on their order, so chunks compute parts ({@link #hashPart}) that {@link #combine} adds.
     */
    private static long hash(ExactRun run) {
        long[] part = new long[2];
        hashPart(run, 0, run.w.length, part);
        return combine(new long[][] {part});
    }

    /** Sets {@code part} to the two sums of the fingerprint over [from, to). */
    private static void hashPart(ExactRun run, int from, int to, long[] part) {
        long[] w = run.w, v = run.v;
        long a = 0, b = 0;
        for (int i = from; i < to; i++) {
            a += w[i] * 0x9E3779B97F4A7C15L;
            b += v[i] * 0xC2B2AE3D27D4EB4FL;
        }
        part[0] = a;
        part[1] = b;
    }

    /** The fingerprint from the parts of all chunks. */
    private static long combine(long[][] parts) {
        long a = 0, b = 0;
        for (long[] part : parts) {
            a += part[0];
            b += part[1];
        }
        return a * 31 + b;
    }
}
