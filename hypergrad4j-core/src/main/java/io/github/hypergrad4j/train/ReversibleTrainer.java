package io.github.hypergrad4j.train;

import io.github.hypergrad4j.exact.FixedPointFormat;
import io.github.hypergrad4j.exact.FixedPointOverflowException;
import io.github.hypergrad4j.exact.RationalFactor;
import io.github.hypergrad4j.model.ParameterLayout;
import io.github.hypergrad4j.tensor.Parallelism;
import io.github.hypergrad4j.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * SGD with momentum on exact fixed-point weights and velocities, and its exact reverse.
 *
 * <p>Forward step t, per group g with alpha = alpha[t][g] and beta = beta[t][g] = n / 2^16:
 * {@code g_t = grad L(w_t); v = beta v - (1 - beta) g_t; w = w + alpha v}. Multiplying by beta
 * destroys bits; the {@link InformationBuffer} keeps them, so the reverse pass can run the steps
 * backwards from w_T, v_T, recomputing each gradient on the way and accumulating the hypergradients
 * (see DESIGN.md, "The mathematics"). At the end the initial state must come back bit for bit; a
 * hash of (w_t, v_t) kept per step (8 bytes each) names the first step that did not.
 */
public final class ReversibleTrainer {
    private final ParameterLayout layout;
    private final TrainingLoss loss;
    private final FixedPointFormat format;

    public ReversibleTrainer(ParameterLayout layout, TrainingLoss loss) {
        this(layout, loss, FixedPointFormat.DEFAULT);
    }

    public ReversibleTrainer(ParameterLayout layout, TrainingLoss loss, FixedPointFormat format) {
        this.layout = layout;
        this.loss = loss;
        this.format = format;
    }

    public ParameterLayout layout() {
        return layout;
    }

    /** Trains forwards only and returns the final weights (w_T), e.g. to evaluate a setting. */
    public double[] train(double[] w0, double[] v0, Schedule schedule, Theta theta, StepListener listener) {
        ExactRun run = forward(w0, v0, schedule, theta, listener, null);
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
        Hypergradient h = reverse(run, schedule, theta, objective, times);
        if (times != null) {
            times.countRun();
        }
        return h;
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
    }

    private ExactRun forward(double[] w0, double[] v0, Schedule schedule, Theta theta, StepListener listener,
            PhaseTimes times) {
        checkInputs(w0, v0, schedule);
        int p = layout.size(), steps = schedule.steps();
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
        run.chunks = ParameterChunk.split(layout, Parallelism.get().threads());
        run.stateHashes = new long[steps + 1];
        run.losses = new double[steps];
        RationalFactor[][] betas = factors(schedule);
        double[] wd = new double[p];
        for (int t = 0; t < steps; t++) {
            long t0 = clock(times);
            run.stateHashes[t] = hash(run);
            format.toDouble(run.w, wd);
            long t1 = clock(times);
            LossDerivatives d = LossDerivatives.gradient(loss, t, wd, theta);
            long t2 = clock(times);
            if (!Double.isFinite(d.loss)) {
                throw new TrainingDivergedException(t, "the training loss is " + d.loss + " at step " + t
                        + ": training diverged or the data contains NaN; lower the learning rate or initial scale,"
                        + " or check the inputs", null);
            }
            run.losses[t] = d.loss;
            int step = t;
            try {
                if (times == null) {
                    forEachChunk(run, chunk -> {
                        for (int k = 0; k < chunk.pieces(); k++) {
                            int g = chunk.group[k], from = chunk.pieceFrom[k], to = chunk.pieceTo[k];
                            RationalFactor beta = betas[step][g];
                            chunk.buffer.multiplyInPlace(run.v, from, to, beta);
                            format.subtractScaledInPlace(run.v, beta.oneMinus(), d.gradient, from, to);
                            format.addScaledInPlace(run.w, schedule.alpha(step, g), run.v, from, to);
                        }
                    });
                } else {
                    // The same operations in two passes, to time them apart: every piece's multiply
                    // still comes first for that piece and the buffer sees the same order.
                    forEachChunk(run, chunk -> {
                        for (int k = 0; k < chunk.pieces(); k++) {
                            chunk.buffer.multiplyInPlace(run.v, chunk.pieceFrom[k], chunk.pieceTo[k], betas[step][chunk.group[k]]);
                        }
                    });
                    long t3 = clock(times);
                    forEachChunk(run, chunk -> {
                        for (int k = 0; k < chunk.pieces(); k++) {
                            int g = chunk.group[k], from = chunk.pieceFrom[k], to = chunk.pieceTo[k];
                            format.subtractScaledInPlace(run.v, betas[step][g].oneMinus(), d.gradient, from, to);
                            format.addScaledInPlace(run.w, schedule.alpha(step, g), run.v, from, to);
                        }
                    });
                    long t4 = clock(times);
                    times.add(PhaseTimes.Phase.FORWARD_GRADIENT, t2 - t1);
                    times.add(PhaseTimes.Phase.FORWARD_BUFFER, t3 - t2);
                    times.add(PhaseTimes.Phase.FORWARD_EXACT, (t1 - t0) + (t4 - t3));
                }
            } catch (FixedPointOverflowException e) {
                throw diverged(e, t);
            }
            if (listener != StepListener.NONE) {
                format.toDouble(run.w, wd);
                listener.onStep(t, d.loss, wd);
            }
        }
        run.stateHashes[steps] = hash(run);
        for (ParameterChunk chunk : run.chunks) {
            run.bufferBits += chunk.buffer.storedBits();
        }
        return run;
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
        double[] vd = new double[p];
        Map<String, Tensor> dTheta = new LinkedHashMap<>();
        f.dTheta().forEach((k, t) -> dTheta.put(k, t.copy()));
        double[][] dAlpha = new double[steps][groups], dBeta = new double[steps][groups];
        RationalFactor[][] betas = factors(schedule);

        for (int t = steps - 1; t >= 0; t--) {
            long t0 = clock(times);
            format.toDouble(run.v, vd);
            for (int g = 0; g < groups; g++) {
                ParameterLayout.Group grp = layout.group(g);
                dAlpha[t][g] = dot(dw, vd, grp.offset(), grp.end());
                double a = schedule.alpha(t, g), oneMinus = betas[t][g].oneMinus();
                for (int i = grp.offset(), end = grp.end(); i < end; i++) {
                    dv[i] += a * dw[i];
                    u[i] = oneMinus * dv[i];
                }
            }
            long t1 = clock(times);
            int step = t;
            forEachChunk(run, chunk -> {
                for (int k = 0; k < chunk.pieces(); k++) {
                    format.subtractScaledInPlace(run.w, schedule.alpha(step, chunk.group[k]), run.v, chunk.pieceFrom[k], chunk.pieceTo[k]);
                }
            });
            format.toDouble(run.w, wd);
            long t2 = clock(times);
            if (times != null) {
                LossDerivatives.gradient(loss, t, wd, theta);
            }
            long t3 = clock(times);
            LossDerivatives d = LossDerivatives.withDirection(loss, t, wd, theta, u);
            long t4 = clock(times), t5 = t4;
            if (times == null) {
                forEachChunk(run, chunk -> {
                    for (int k = chunk.pieces() - 1; k >= 0; k--) {
                        RationalFactor beta = betas[step][chunk.group[k]];
                        format.addScaledInPlace(run.v, beta.oneMinus(), d.gradient, chunk.pieceFrom[k], chunk.pieceTo[k]);
                        chunk.buffer.divideInPlace(run.v, chunk.pieceFrom[k], chunk.pieceTo[k], beta);
                    }
                });
            } else {
                // Two passes, to time them apart; each piece's add still precedes its divide, and the
                // buffer sees the pieces in the same (descending) order.
                forEachChunk(run, chunk -> {
                    for (int k = chunk.pieces() - 1; k >= 0; k--) {
                        format.addScaledInPlace(run.v, betas[step][chunk.group[k]].oneMinus(), d.gradient, chunk.pieceFrom[k], chunk.pieceTo[k]);
                    }
                });
                t5 = clock(times);
                forEachChunk(run, chunk -> {
                    for (int k = chunk.pieces() - 1; k >= 0; k--) {
                        chunk.buffer.divideInPlace(run.v, chunk.pieceFrom[k], chunk.pieceTo[k], betas[step][chunk.group[k]]);
                    }
                });
            }
            long t6 = clock(times);
            if (hash(run) != run.stateHashes[t]) {
                throw new ReversalException(t, "the recomputed weights and velocity differ from the forward pass's");
            }
            format.toDouble(run.v, vd);
            double[] grad = d.gradient, hu = d.hessianTimesU;
            for (int g = 0; g < groups; g++) {
                ParameterLayout.Group grp = layout.group(g);
                double s = 0, b = betas[t][g].value();
                for (int i = grp.offset(), end = grp.end(); i < end; i++) {
                    s += dv[i] * (vd[i] + grad[i]);
                    dw[i] -= hu[i];
                    dv[i] *= b;
                }
                dBeta[t][g] = s;
            }
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

    private static double dot(double[] a, double[] b, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** Runs the body for every chunk, in parallel when there are several; rethrows the first failure. */
    private static void forEachChunk(ExactRun run, java.util.function.Consumer<ParameterChunk> body) {
        if (run.chunks.length == 1) {
            body.accept(run.chunks[0]);
            return;
        }
        java.util.List<Runnable> tasks = new java.util.ArrayList<>();
        for (ParameterChunk chunk : run.chunks) {
            tasks.add(() -> body.accept(chunk));
        }
        Parallelism.get().runAll(tasks);
    }

    /**
     * A 64-bit fingerprint of the exact state. Any change to a single entry changes it (multiplying by
     * an odd constant is invertible modulo 2^64); the sums have no serial dependency, so the JIT can
     * vectorise them and the check stays far below the cost of a gradient.
     */
    private static long hash(ExactRun run) {
        long[] w = run.w, v = run.v;
        long a = 0, b = 0;
        for (int i = 0; i < w.length; i++) {
            a += w[i] * 0x9E3779B97F4A7C15L;
            b += v[i] * 0xC2B2AE3D27D4EB4FL;
        }
        return a * 31 + b;
    }
}
