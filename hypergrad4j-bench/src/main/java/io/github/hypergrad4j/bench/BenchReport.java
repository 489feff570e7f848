package io.github.hypergrad4j.bench;

import java.util.List;

/**
 * Everything one run of the suite measured: what {@code bench.json} holds and {@code bench.md}
 * shows.
 *
 * @param schema format name and version of this record
 * @param date when the run started (ISO-8601, UTC)
 * @param quick whether this was a {@code --quick} run (toy sizes: timings mean nothing)
 * @param machine where it ran
 * @param config the sizes it ran at
 * @param loadAverageStart one-minute load average before the run (other processes compete for cores)
 * @param loadAverageEnd one-minute load average after it
 * @param totalSeconds wall time of the whole suite
 * @param reproduce the command that reproduces it
 * @param paperSetting section 1
 * @param memoryScaling section 2
 * @param bufferEfficiency section 3
 * @param reverseStep section 4
 * @param convnet section 5
 * @param adam section 6, exactly reversible Adam
 * @param targets the targets, each met or missed
 */
public record BenchReport(
        String schema,
        String date,
        boolean quick,
        Machine machine,
        BenchConfig config,
        double loadAverageStart,
        double loadAverageEnd,
        double totalSeconds,
        String reproduce,
        PaperSettingSection.Result paperSetting,
        MemoryScalingSection.Result memoryScaling,
        BufferEfficiencySection.Result bufferEfficiency,
        ReverseStepSection.Result reverseStep,
        ConvnetSection.Result convnet,
        AdamSection.Result adam,
        List<Target> targets) {

    static final String SCHEMA = "hypergrad4j-bench/2";

    /**
     * One of the targets.
     *
     * @param name what is measured
     * @param goal the target
     * @param measured the measurement, in words
     * @param met whether it was met; null when not evaluated (e.g. the T = 10,000 run in a quick run)
     */
    public record Target(String name, String goal, String measured, Boolean met) {}
}
