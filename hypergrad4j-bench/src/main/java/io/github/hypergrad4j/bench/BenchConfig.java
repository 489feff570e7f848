package io.github.hypergrad4j.bench;

/**
 * The sizes the suite runs at. {@link #full()} is the real benchmark (minutes, dominated by the
 * T = 10,000 run at width 500); {@link #smoke()} runs every section at toy sizes in seconds, to
 * check in CI that the suite works: its timings mean nothing.
 *
 * @param quick whether this is the smoke-test configuration
 * @param paperHidden hidden width of the paper setting (50 in the paper)
 * @param paperSteps training steps T of the paper setting (100)
 * @param paperExamples training and validation examples each (10,000)
 * @param warmups untimed runs before measuring, so that the JIT has compiled the hot loops
 * @param runs timed runs; the suite reports the best and the median
 * @param dgemmSize size of the square product that gives the machine's dgemm rate (1000)
 * @param memoryHidden hidden width of the memory-scaling runs (500)
 * @param memorySteps the T of the memory-scaling runs
 * @param memoryExamples training and validation examples each in the memory-scaling runs
 * @param referenceBudgetBytes the stored-trajectory reference is run while its trajectory (16
 *     bytes per parameter per step) fits in this many bytes, and extrapolated beyond
 * @param exactHeap {@code -Xmx} of the child JVMs running the exact reversible hypergradient
 * @param betas momentums of the buffer-efficiency section
 * @param bufferHidden hidden width of the buffer-efficiency runs
 * @param bufferSteps steps of the buffer-efficiency runs
 * @param breakdownRuns profiled hypergradients of the reverse-step section (the best is reported)
 * @param convnetBatch minibatch size of the convnet section
 * @param convnetSteps training steps of the convnet section
 * @param convnetExamples training and validation images each of the convnet section
 * @param adamMemorySteps the T of Adam's memory-scaling runs
 */
public record BenchConfig(
        boolean quick,
        int paperHidden,
        int paperSteps,
        int paperExamples,
        int warmups,
        int runs,
        int dgemmSize,
        int memoryHidden,
        int[] memorySteps,
        int memoryExamples,
        long referenceBudgetBytes,
        String exactHeap,
        double[] betas,
        int bufferHidden,
        int bufferSteps,
        int breakdownRuns,
        int convnetBatch,
        int convnetSteps,
        int convnetExamples,
        int[] adamMemorySteps) {

    /** Momentums of the buffer-efficiency section. */
    static final double[] BETAS = {0.5, 0.9, 0.95, 0.98, 0.99};

    /** The benchmark as the issue specifies it. */
    public static BenchConfig full() {
        return new BenchConfig(false, 50, 100, 10_000, 5, 15, 1000,
                500, new int[] {100, 300, 1_000, 3_000, 10_000}, 10_000, 6L << 30, "1536m",
                BETAS, 50, 100, 5, 32, 10, 256, new int[] {100, 300, 1_000, 3_000, 10_000});
    }

    /** Toy sizes: every section and code path (child JVMs, extrapolation, reports) in seconds. */
    public static BenchConfig smoke() {
        // 44,860 parameters at width 50: 0.72 MB of trajectory per step, so a 24 MB budget runs the
        // reference at T = 10 and 30 and extrapolates T = 100.
        return new BenchConfig(true, 50, 10, 1_000, 1, 2, 300,
                50, new int[] {10, 30, 100}, 1_000, 24L << 20, "384m",
                BETAS, 20, 20, 1, 4, 2, 8, new int[] {10});
    }
}
