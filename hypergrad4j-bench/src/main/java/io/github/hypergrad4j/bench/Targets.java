package io.github.hypergrad4j.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The targets, evaluated against a run's results. Benchmark figures, never test assertions. */
final class Targets {
    private Targets() {}

    static final double MAX_HYPERGRADIENT_SECONDS = 0.5;
    static final double MAX_RATIO = 3.0;
    static final double MIN_DGEMM_SHARE = 0.35;
    static final double MAX_BUFFER_OVERHEAD = 1.05;
    static final int LONG_RUN_STEPS = 10_000;
    static final int LONG_RUN_WIDTH = 500;
    static final long LONG_RUN_MEMORY = 2L << 30;
    static final double MAX_ADAM_OVER_SGD = 1.15;

    static List<BenchReport.Target> evaluate(PaperSettingSection.Result paper, MemoryScalingSection.Result memory,
            BufferEfficiencySection.Result buffer, AdamSection.Result adam) {
        List<BenchReport.Target> t = new ArrayList<>();
        double hg = paper.hypergradient().bestSeconds();
        t.add(new BenchReport.Target("paper setting: hypergradient time", "<= 0.5 s",
                fmt("%.3f s", hg), hg <= MAX_HYPERGRADIENT_SECONDS));
        t.add(new BenchReport.Target("paper setting: hypergradient / forward training", "<= 3",
                fmt("%.2f", paper.ratio()), paper.ratio() <= MAX_RATIO));
        t.add(new BenchReport.Target("paper setting: share of the measured dgemm rate", ">= 35%",
                fmt("%.0f%% of all-threads dgemm (%.1f of %.1f GFLOP/s); %.0f%% of one-thread dgemm",
                        100 * paper.efficiency(), paper.hypergradientGflops(), paper.dgemm().allThreadsGflops(),
                        100 * paper.efficiencySingleThread()),
                paper.efficiency() >= MIN_DGEMM_SHARE));
        double worst = 0;
        StringBuilder which = new StringBuilder();
        for (BufferEfficiencySection.Row r : buffer.rows()) {
            if (r.beta() >= 0.9 && r.ratio() > worst) {
                worst = r.ratio();
                which.setLength(0);
                which.append(fmt(" (beta %.2f)", r.beta()));
            }
        }
        t.add(new BenchReport.Target("buffer: bits per parameter per step for beta >= 0.9", "<= 1.05 x log2(1/beta)",
                fmt("worst %.3f x", worst) + which, worst <= MAX_BUFFER_OVERHEAD));
        MemoryScalingSection.Row longRun = null;
        for (MemoryScalingSection.Row r : memory.rows()) {
            if (r.steps() == LONG_RUN_STEPS) {
                longRun = r;
            }
        }
        boolean applicable = memory.sizes()[1] == LONG_RUN_WIDTH && longRun != null;
        if (!applicable) {
            t.add(new BenchReport.Target("T = 10,000 at width 500", "completes in < 2 GiB",
                    "not run at these sizes", null));
        } else if (longRun.exact() == null) {
            t.add(new BenchReport.Target("T = 10,000 at width 500", "completes in < 2 GiB", "failed: " + longRun.note(), false));
        } else {
            MemoryProbe.Measurement m = longRun.exact();
            long used = Math.max(m.peakBytes(), m.peakRssBytes());
            t.add(new BenchReport.Target("T = 10,000 at width 500", "completes in < 2 GiB",
                    fmt("completed in %.0f s; peak live heap %s, peak process RSS %s", m.seconds(),
                            ReportWriter.bytes(m.peakBytes()), ReportWriter.bytes(m.peakRssBytes())),
                    used < LONG_RUN_MEMORY));
        }
        t.add(new BenchReport.Target("Adam, paper setting: hypergradient / SGD-momentum hypergradient", "<= 1.15",
                fmt("%.2f (%.3f s; %.2f x its own forward training)", adam.ratioToSgdMomentum(),
                        adam.hypergradient().bestSeconds(), adam.ratioToForward()),
                adam.ratioToSgdMomentum() <= MAX_ADAM_OVER_SGD));
        t.add(new BenchReport.Target("Adam: buffer bits per parameter per step", "<= 1.05 x (log2(1/beta1) + log2(1/beta2))",
                fmt("%.4f bits, %.3f x the ideal %.4f", adam.bitsPerParameterStep(), adam.bufferRatio(), adam.idealBits()),
                adam.bufferRatio() <= MAX_BUFFER_OVERHEAD));
        return t;
    }

    private static String fmt(String f, Object... args) {
        return String.format(Locale.ROOT, f, args);
    }
}
