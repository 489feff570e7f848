package io.github.hypergrad4j.bench;

import java.io.IOException;

/**
 * Runs the six sections (the in-process timings first, while nothing else of the suite runs: paper
 * setting, buffer efficiency, reverse-step breakdown, convnet; then the memory runs, each in a child
 * JVM; then Adam's section, which has both) and evaluates the targets.
 */
final class BenchSuite {
    private BenchSuite() {}

    static BenchReport run(BenchConfig config, Progress progress, String reproduce) throws IOException, InterruptedException {
        String date = BenchCommand.now();
        long start = System.nanoTime();
        double loadStart = Timing.loadAverage();
        Machine machine = Machine.describe();
        progress.note("machine: " + machine.summary());
        if (!"1".equals(machine.openblasThreads()) && machine.blas().startsWith("native")) {
            progress.note("warning: OPENBLAS_NUM_THREADS is not 1, so products are not split over hypergrad4j's threads");
        }
        PaperSettingSection.Result paper = PaperSettingSection.run(config, progress);
        progress.note(String.format(java.util.Locale.ROOT,
                "paper setting: forward %.3f s, hypergradient %.3f s (ratio %.2f), %.1f GFLOP/s = %.0f%% of dgemm %.1f GFLOP/s",
                paper.forward().bestSeconds(), paper.hypergradient().bestSeconds(), paper.ratio(),
                paper.hypergradientGflops(), 100 * paper.efficiency(), paper.dgemm().allThreadsGflops()));
        BufferEfficiencySection.Result buffer = BufferEfficiencySection.run(config, progress);
        ReverseStepSection.Result reverse = ReverseStepSection.run(config, progress);
        progress.note(String.format(java.util.Locale.ROOT, "reverse step: %.2f ms, forward step %.2f ms",
                reverse.reverseMillisecondsPerStep(), reverse.forwardMillisecondsPerStep()));
        ConvnetSection.Result convnet = ConvnetSection.run(config, progress);
        progress.note(String.format(java.util.Locale.ROOT, "convnet: forward %.3f s, hypergradient %.3f s (ratio %.2f)",
                convnet.forward().bestSeconds(), convnet.hypergradient().bestSeconds(), convnet.ratio()));
        MemoryScalingSection.Result memory = MemoryScalingSection.run(config, progress);
        AdamSection.Result adam = AdamSection.run(config, progress);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new BenchReport(BenchReport.SCHEMA, date, config.quick(), machine, config, loadStart, Timing.loadAverage(),
                seconds, reproduce, paper, memory, buffer, reverse, convnet, adam,
                Targets.evaluate(paper, memory, buffer, adam));
    }
}
