package io.github.hypergrad4j.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.hypergrad4j.model.Activation;
import io.github.hypergrad4j.model.Mlp;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Section 2, memory scaling: the peak live heap of the exact reversible hypergradient and of the
 * stored-trajectory reference (which keeps (w_t, v_t) as float64 for every step, 16 bytes per
 * parameter per step; with Adam (w_t, m_t, s_t), 24 bytes) for growing T, each configuration in a child JVM of its own (see {@link
 * MemoryProbe}). The reference is run while its trajectory fits the configured budget and
 * extrapolated linearly beyond, marked as such.
 */
final class MemoryScalingSection {
    private MemoryScalingSection() {}

    private static final long CHILD_TIMEOUT_MINUTES = 240;

    /**
     * @param steps T
     * @param exact the exact reversible run (null if it failed, see note)
     * @param exactExtraBytes exact peak minus its baseline
     * @param reference the reference run, or null when extrapolated or failed
     * @param referencePeakBytes the reference's peak, measured or extrapolated
     * @param referenceExtraBytes the reference's peak minus its baseline, measured or extrapolated
     * @param referenceExtrapolated whether the reference numbers are extrapolated
     * @param note why something was not measured, or null
     */
    record Row(int steps, MemoryProbe.Measurement exact, Double exactExtraBytes, MemoryProbe.Measurement reference,
            Double referencePeakBytes, Double referenceExtraBytes, boolean referenceExtrapolated, String note) {}

    /**
     * @param optimizer "sgd" (SGD with momentum) or "adam"
     * @param sizes layer sizes of the MLP
     * @param parameters weights and biases
     * @param examples training and validation examples each
     * @param exactHeap -Xmx of the exact runs
     * @param referenceBudgetBytes trajectory size up to which the reference is run
     * @param referenceBytesPerStep slope of the reference's line (fitted or analytic)
     * @param rows one per T
     */
    record Result(String optimizer, int[] sizes, int parameters, int examples, String exactHeap, long referenceBudgetBytes,
            double referenceBytesPerStep, List<Row> rows) {}

    static Result run(BenchConfig config, Progress progress) throws IOException, InterruptedException {
        return run(config, progress, "sgd", config.memorySteps());
    }

    /** Told the table so far after each T: measured rows and the reference fitted to them. */
    interface RowListener {
        void completed(Result soFar) throws IOException;
    }

    /** The section for an optimiser ("sgd" or "adam") at the given T. */
    static Result run(BenchConfig config, Progress progress, String optimizer, int[] stepCounts)
            throws IOException, InterruptedException {
        return run(config, progress, optimizer, stepCounts, soFar -> { });
    }

    /** As {@link #run(BenchConfig, Progress, String, int[])}, telling {@code listener} the table after each T. */
    static Result run(BenchConfig config, Progress progress, String optimizer, int[] stepCounts, RowListener listener)
            throws IOException, InterruptedException {
        int hidden = config.memoryHidden();
        Mlp model = new Mlp(Activation.TANH, 784, hidden, hidden, hidden, 10);
        int p = model.layout().size();
        double analyticSlope = statesPerStep(optimizer) * 8.0 * p;
        List<Row> rows = new ArrayList<>();
        List<double[]> measuredReference = new ArrayList<>(); // {T, peak, baseline}
        for (int steps : stepCounts) {
            String note = null;
            progress.note("memory scaling (" + optimizer + "): exact, width " + hidden + ", T = " + steps);
            MemoryProbe.Measurement exact = null;
            try {
                exact = probe("exact", hidden, steps, config.memoryExamples(), config.exactHeap(), optimizer);
                progress.note(String.format(Locale.ROOT, "  exact: peak heap %s (baseline %s), buffer %s, peak RSS %s, %.1f s",
                        ReportWriter.bytes(exact.peakBytes()), ReportWriter.bytes(exact.baselineBytes()),
                        ReportWriter.bytes(exact.bufferBytes()), ReportWriter.bytes(exact.peakRssBytes()), exact.seconds()));
            } catch (ProbeFailed e) {
                note = "exact run failed: " + e.getMessage();
            }
            long trajectory = (long) (analyticSlope * (steps + 1));
            MemoryProbe.Measurement reference = null;
            if (trajectory <= config.referenceBudgetBytes()) {
                long heap = (long) (trajectory * 1.3) + parseBytes(config.exactHeap());
                progress.note("memory scaling: stored-trajectory reference, T = " + steps + ", -Xmx" + (heap >> 20) + "m");
                try {
                    reference = probe("reference", hidden, steps, config.memoryExamples(), (heap >> 20) + "m", optimizer);
                    progress.note(String.format(Locale.ROOT, "  reference: peak heap %s (baseline %s), %.1f s",
                            ReportWriter.bytes(reference.peakBytes()), ReportWriter.bytes(reference.baselineBytes()),
                            reference.seconds()));
                    measuredReference.add(new double[] {steps, reference.peakBytes(), reference.baselineBytes()});
                } catch (ProbeFailed e) {
                    note = (note == null ? "" : note + "; ") + "reference run failed, extrapolated: " + e.getMessage();
                }
            } else {
                note = (note == null ? "" : note + "; ") + String.format(Locale.ROOT,
                        "reference extrapolated: its trajectory alone (%.1f GiB) exceeds the %.1f GiB budget",
                        trajectory / (double) (1L << 30), config.referenceBudgetBytes() / (double) (1L << 30));
            }
            rows.add(new Row(steps, exact, exact == null ? null : (double) (exact.peakBytes() - exact.baselineBytes()),
                    reference, null, null, reference == null, note));
            listener.completed(complete(optimizer, model, config, analyticSlope, rows, measuredReference));
        }
        return complete(optimizer, model, config, analyticSlope, rows, measuredReference);
    }

    /** The rows so far with the reference's peak filled in: measured, or on the line fitted to the measured ones. */
    private static Result complete(String optimizer, Mlp model, BenchConfig config, double analyticSlope, List<Row> rows,
            List<double[]> measuredReference) {
        int p = model.layout().size();
        // Fit peak = a + b T to the measured reference runs (b analytic when fewer than two).
        double slope = analyticSlope, intercept = Double.NaN, baseline = Double.NaN;
        if (measuredReference.size() >= 2) {
            double n = measuredReference.size(), st = 0, sp = 0, stt = 0, stp = 0;
            for (double[] m : measuredReference) {
                st += m[0];
                sp += m[1];
                stt += m[0] * m[0];
                stp += m[0] * m[1];
            }
            slope = (n * stp - st * sp) / (n * stt - st * st);
            intercept = (sp - slope * st) / n;
        } else if (measuredReference.size() == 1) {
            intercept = measuredReference.get(0)[1] - slope * measuredReference.get(0)[0];
        }
        if (!measuredReference.isEmpty()) {
            baseline = measuredReference.get(measuredReference.size() - 1)[2];
        }
        List<Row> completed = new ArrayList<>();
        for (Row r : rows) {
            if (r.reference() != null) {
                completed.add(new Row(r.steps(), r.exact(), r.exactExtraBytes(), r.reference(),
                        (double) r.reference().peakBytes(),
                        (double) (r.reference().peakBytes() - r.reference().baselineBytes()), false, r.note()));
            } else {
                double base = !Double.isNaN(baseline) ? baseline : r.exact() != null ? r.exact().baselineBytes() : 0;
                double peak = !Double.isNaN(intercept) ? intercept + slope * r.steps() : base + analyticSlope * (r.steps() + 1);
                completed.add(new Row(r.steps(), r.exact(), r.exactExtraBytes(), null, peak, peak - base, true, r.note()));
            }
        }
        return new Result(optimizer, model.sizes(), p, config.memoryExamples(), config.exactHeap(), config.referenceBudgetBytes(),
                slope, completed);
    }

    /** A child run that did not produce a measurement (out of memory, crash). */
    static final class ProbeFailed extends Exception {
        ProbeFailed(String message) {
            super(message);
        }
    }

    /** Float64 vectors the stored-trajectory reference keeps per step: (w, v), or Adam's (w, m, s). */
    static int statesPerStep(String optimizer) {
        return optimizer.equals("adam") ? 3 : 2;
    }

    private static MemoryProbe.Measurement probe(String method, int hidden, int steps, int examples, String heap,
            String optimizer) throws IOException, InterruptedException, ProbeFailed {
        ChildJvm.Outcome o = ChildJvm.run(MemoryProbe.class, heap,
                List.of(method, Integer.toString(hidden), Integer.toString(steps), Integer.toString(examples), optimizer),
                CHILD_TIMEOUT_MINUTES);
        for (String line : o.stdout()) {
            if (line.startsWith(MemoryProbe.MARKER)) {
                return new ObjectMapper().readValue(line.substring(MemoryProbe.MARKER.length()), MemoryProbe.Measurement.class);
            }
        }
        if (o.outOfMemory()) {
            throw new ProbeFailed("out of memory with -Xmx" + heap);
        }
        throw new ProbeFailed("exit code " + o.exitCode() + ": " + o.stderrTail());
    }

    /** Bytes of a -Xmx value such as {@code 1536m} or {@code 2g}. */
    static long parseBytes(String heap) {
        String h = heap.trim().toLowerCase(Locale.ROOT);
        long unit = 1;
        switch (h.charAt(h.length() - 1)) {
            case 'k' -> unit = 1L << 10;
            case 'm' -> unit = 1L << 20;
            case 'g' -> unit = 1L << 30;
            default -> { }
        }
        return Long.parseLong(unit == 1 ? h : h.substring(0, h.length() - 1)) * unit;
    }
}
