package io.github.hypergrad4j.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * Writes a {@link BenchReport} as {@code bench.json} (every number) and {@code bench.md} (the tables
 * for people and the README), each atomically: written to a temporary file in the same directory,
 * then renamed over the old one, so a reader never sees half a report.
 */
final class ReportWriter {
    static final String JSON = "bench.json";
    static final String MARKDOWN = "bench.md";

    private ReportWriter() {}

    static void write(BenchReport report, Path dir) throws IOException {
        Files.createDirectories(dir);
        writeAtomically(dir.resolve(JSON), json(report));
        writeAtomically(dir.resolve(MARKDOWN), markdown(report));
    }

    static String json(Object report) throws IOException {
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report) + "\n";
    }

    static void writeAtomically(Path target, String content) throws IOException {
        Path tmp = Files.createTempFile(target.toAbsolutePath().getParent(), "." + target.getFileName(), ".tmp");
        try {
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** A memory-only run as Markdown: the same header and the memory table of the whole suite's report. */
    static String markdown(MemoryScalingRun r) {
        StringBuilder b = new StringBuilder();
        b.append("# hypergrad4j benchmark: memory scaling, ")
                .append(r.memory().optimizer().equals("adam") ? "Adam" : "SGD with momentum")
                .append(r.quick() ? " (--quick: toy sizes)" : "").append("\n\n");
        if (!r.complete()) {
            b.append(f("**Partial**: %d of the %d T values (%s) measured so far.%n%n", r.memory().rows().size(),
                    r.plannedSteps().length, java.util.Arrays.toString(r.plannedSteps())));
        }
        b.append("- Date: ").append(r.date()).append('\n');
        b.append("- Machine: ").append(r.machine().summary()).append('\n');
        b.append(f("- Load average (1 min, other processes): %.2f before, %.2f after; run took %.0f s%n",
                r.loadAverageStart(), r.loadAverageEnd(), r.totalSeconds()));
        b.append("- Reproduce: `").append(r.reproduce()).append("`\n\n");
        memoryTable(b, r.memory());
        return b.toString();
    }

    /** The report as Markdown: a header, the six sections' tables and the targets. */
    static String markdown(BenchReport r) {
        StringBuilder b = new StringBuilder();
        b.append("# hypergrad4j benchmark").append(r.quick() ? " (--quick: toy sizes, timings mean nothing)" : "").append("\n\n");
        b.append("- Date: ").append(r.date()).append('\n');
        b.append("- Machine: ").append(r.machine().summary()).append('\n');
        b.append(f("- Load average (1 min, other processes): %.2f before, %.2f after; suite took %.0f s%n",
                r.loadAverageStart(), r.loadAverageEnd(), r.totalSeconds()));
        b.append("- Reproduce: `").append(r.reproduce()).append("`\n\n");
        paper(b, r.paperSetting());
        memory(b, r.memoryScaling());
        buffer(b, r.bufferEfficiency());
        reverse(b, r.reverseStep());
        convnet(b, r.convnet());
        adam(b, r.adam());
        b.append("## Targets\n\n");
        if (r.quick()) {
            b.append("A --quick run uses toy sizes, not the settings the targets are about: no verdicts.\n\n");
        }
        b.append("| target | goal | measured | met |\n|---|---|---|---|\n");
        for (BenchReport.Target t : r.targets()) {
            b.append("| ").append(t.name()).append(" | ").append(t.goal()).append(" | ").append(t.measured()).append(" | ")
                    .append(r.quick() || t.met() == null ? "n/a" : t.met() ? "yes" : "**no**").append(" |\n");
        }
        return b.toString();
    }

    private static void paper(StringBuilder b, PaperSettingSection.Result p) {
        b.append(f("## 1. Paper setting%n%nMLP %s tanh, batch %d, T = %d, %,d training + %,d validation examples, float64, "
                + "%,d weights; hypergradient with respect to %,d hyperparameters (learning rates and momentums per step "
                + "and layer, initial scales).%n%n", join(p.sizes()), p.batch(), p.steps(), p.examples(), p.examples(),
                p.parameters(), p.hyperparameters()));
        b.append("| | best | median | process CPU (best run) | GFLOP | GFLOP/s |\n|---|---|---|---|---|---|\n");
        b.append(f("| forward training | %.3f s | %.3f s | %.3f s | %.2f | %.1f |%n", p.forward().bestSeconds(),
                p.forward().medianSeconds(), p.forward().cpuSeconds(), p.forwardGflop(), p.forwardGflops()));
        b.append(f("| hypergradient | %.3f s | %.3f s | %.3f s | %.2f | %.1f |%n", p.hypergradient().bestSeconds(),
                p.hypergradient().medianSeconds(), p.hypergradient().cpuSeconds(), p.hypergradientGflop(),
                p.hypergradientGflops()));
        b.append(f("%nHypergradient / forward training: **%.2f**. dgemm %d^3 in this process: %.1f GFLOP/s on one thread, "
                + "%.1f GFLOP/s split over %d threads; the hypergradient runs at **%.0f%%** of the latter (%.0f%% of "
                + "one thread). Flops are the matrix products' 2mnk, counted analytically. Information buffer: %.4f bits "
                + "per parameter per step; validation loss %.6f.%n%n", p.ratio(), p.dgemm().size(),
                p.dgemm().singleThreadGflops(), p.dgemm().allThreadsGflops(), p.dgemm().threads(), 100 * p.efficiency(),
                100 * p.efficiencySingleThread(), p.bitsPerParameterStep(), p.objective()));
    }

    private static void memory(StringBuilder b, MemoryScalingSection.Result m) {
        b.append("## 2. Memory scaling\n\n");
        memoryTable(b, m);
    }

    private static void memoryTable(StringBuilder b, MemoryScalingSection.Result m) {
        String states = MemoryScalingSection.statesPerStep(m.optimizer()) == 3 ? "(w_t, m_t, s_t)" : "(w_t, v_t)";
        b.append(f("MLP %s tanh (%,d weights), batch 200, %,d training + %,d validation examples, "
                + "each run in its own JVM (exact runs with -Xmx%s). Peak live heap: largest heap occupancy after a "
                + "garbage collection during the hypergradient; extra: above the heap after setup (data, model). "
                + "The stored-trajectory reference keeps %s for every step (%s per step).%n%n",
                join(m.sizes()), m.parameters(), m.examples(), m.examples(), m.exactHeap(), states,
                bytes(8.0 * MemoryScalingSection.statesPerStep(m.optimizer()) * m.parameters())));
        b.append("| T | exact: peak heap | exact: extra | information buffer | exact: peak RSS | exact: time "
                + "| reference: peak heap | reference: extra | reference / exact (extra) |\n|---|---|---|---|---|---|---|---|---|\n");
        boolean anyExtrapolated = false;
        for (MemoryScalingSection.Row r : m.rows()) {
            MemoryProbe.Measurement e = r.exact();
            String mark = r.referenceExtrapolated() ? "*" : "";
            anyExtrapolated |= r.referenceExtrapolated();
            b.append(f("| %,d | %s | %s | %s | %s | %s | %s%s | %s%s | %s |%n", r.steps(),
                    e == null ? "failed" : bytes(e.peakBytes()), e == null ? "-" : bytes(r.exactExtraBytes()),
                    e == null ? "-" : bytes(e.bufferBytes()), e == null ? "-" : bytes(e.peakRssBytes()),
                    e == null ? "-" : f("%.1f s", e.seconds()),
                    bytes(r.referencePeakBytes()), mark, bytes(r.referenceExtraBytes()), mark,
                    e == null || r.exactExtraBytes() <= 0 ? "-" : f("%.0fx", r.referenceExtraBytes() / r.exactExtraBytes())));
        }
        if (anyExtrapolated) {
            b.append(f("%n\\* extrapolated linearly (%s per step), not measured: the reference's trajectory exceeds the %s "
                    + "budget for running it.%n", bytes(m.referenceBytesPerStep()), bytes(m.referenceBudgetBytes())));
        }
        b.append('\n');
    }

    private static void buffer(StringBuilder b, BufferEfficiencySection.Result r) {
        b.append(f("## 3. Buffer efficiency%n%nBits the information buffer holds per parameter per step after training "
                + "(MLP width %d, %,d weights, T = %d, then reversed exactly), against log2(1/beta) for the beta used "
                + "(n / 2^16).%n%n", r.hidden(), r.parameters(), r.steps()));
        b.append("| beta | beta used | log2(1/beta) | stored bits / param / step | stored / ideal | buffer | float64 trajectory |\n"
                + "|---|---|---|---|---|---|---|\n");
        for (BufferEfficiencySection.Row row : r.rows()) {
            b.append(f("| %.2f | %.6f | %.4f | %.4f | %.3f | %s | %s |%n", row.beta(), row.betaUsed(), row.idealBits(),
                    row.bitsPerParameterStep(), row.ratio(), bytes(row.bufferBytes()), bytes(row.trajectoryBytes())));
        }
        b.append('\n');
    }

    private static void reverse(StringBuilder b, ReverseStepSection.Result r) {
        b.append(f("## 4. Where the time of a reverse step goes%n%nPaper setting, profiled (best of %d runs): %.2f ms per "
                + "reverse step, %.2f ms per forward step. \"Gradient recomputation\" is a plain gradient at the same "
                + "point, timed separately; \"Hessian-vector products\" is the dual pass minus that.%n%n", r.runs(),
                r.reverseMillisecondsPerStep(), r.forwardMillisecondsPerStep()));
        b.append("| pass | phase | ms per step | share of pass |\n|---|---|---|---|\n");
        for (ReverseStepSection.Row row : r.rows()) {
            b.append(f("| %s | %s | %.3f%s | %.0f%% |%n", row.pass(), row.phase(), row.millisecondsPerStep(),
                    row.pass().equals("objective") ? " (once)" : "", 100 * row.shareOfPass()));
        }
        b.append('\n');
    }

    private static void convnet(StringBuilder b, ConvnetSection.Result c) {
        b.append(f("## 5. Convnet%n%n%s: %,d weights, batch %d, T = %d, %,d training + %,d validation images (synthetic, "
                + "28x28), float64; hypergradient with respect to learning rates and momentums per step and layer and "
                + "initial scales. Convolutions are im2col products on the same BLAS.%n%n", c.architecture(), c.parameters(),
                c.batch(), c.steps(), c.examples(), c.examples()));
        b.append("| | best | median | process CPU (best run) |\n|---|---|---|---|\n");
        b.append(f("| forward training | %.3f s | %.3f s | %.3f s |%n", c.forward().bestSeconds(), c.forward().medianSeconds(),
                c.forward().cpuSeconds()));
        b.append(f("| hypergradient | %.3f s | %.3f s | %.3f s |%n", c.hypergradient().bestSeconds(),
                c.hypergradient().medianSeconds(), c.hypergradient().cpuSeconds()));
        b.append(f("%nHypergradient / forward training: **%.2f**. Information buffer: %.4f bits per parameter per step; "
                + "validation loss %.6f.%n%n", c.ratio(), c.bitsPerParameterStep(), c.objective()));
    }

    private static void adam(StringBuilder b, AdamSection.Result a) {
        b.append(f("## 6. Exactly reversible Adam%n%nThe paper setting of section 1 trained with Adam (learning rate 0.001, "
                + "beta1 0.9, beta2 0.999, eps 1e-7 inside the root); the hypergradient is also with respect to beta2, eps "
                + "and the weight decay per step and layer.%n%n"));
        b.append("| | best | median | process CPU (best run) |\n|---|---|---|---|\n");
        b.append(f("| forward training | %.3f s | %.3f s | %.3f s |%n", a.forward().bestSeconds(), a.forward().medianSeconds(),
                a.forward().cpuSeconds()));
        b.append(f("| hypergradient | %.3f s | %.3f s | %.3f s |%n", a.hypergradient().bestSeconds(),
                a.hypergradient().medianSeconds(), a.hypergradient().cpuSeconds()));
        b.append(f("| SGD-momentum hypergradient (in turn with Adam's) | %.3f s | %.3f s | %.3f s |%n",
                a.sgdHypergradient().bestSeconds(), a.sgdHypergradient().medianSeconds(), a.sgdHypergradient().cpuSeconds()));
        b.append(f("%nHypergradient / its forward training: **%.2f**; Adam's hypergradient / SGD-momentum's: **%.2f** "
                + "(process CPU: %.2f). Adam's reverse step needs g_t before its Hessian-vector product's direction, so "
                + "it records a gradient pass and then replays only that pass's tangents along the direction (the "
                + "tangent half of the dual pass SGD with momentum runs in one go). "
                + "Information buffer: %.4f bits per parameter per step, %.3f x log2(1/beta1) + log2(1/beta2) = "
                + "%.4f; validation loss %.6f.%n%n", a.ratioToForward(), a.ratioToSgdMomentum(), a.cpuRatioToSgdMomentum(),
                a.bitsPerParameterStep(),
                a.bufferRatio(), a.idealBits(), a.objective()));
        memoryTable(b, a.memory());
    }

    /** A byte count as MiB or GiB, or "-" for null. */
    static String bytes(Number n) {
        if (n == null || n.doubleValue() < 0) {
            return "-";
        }
        double v = n.doubleValue();
        if (v >= 10.0 * (1L << 30)) {
            return f("%.1f GiB", v / (1L << 30));
        }
        if (v >= 1L << 20) {
            return f("%,.0f MiB", v / (1L << 20));
        }
        return f("%.2f MiB", v / (1L << 20));
    }

    private static String join(int[] sizes) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < sizes.length; i++) {
            s.append(i == 0 ? "" : "-").append(sizes[i]);
        }
        return s.toString();
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
