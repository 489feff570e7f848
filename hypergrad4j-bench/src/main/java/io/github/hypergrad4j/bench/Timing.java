package io.github.hypergrad4j.bench;

import java.lang.management.ManagementFactory;
import java.util.Arrays;

/** Repeated measurements of one task: wall-clock best and median, and the process CPU time. */
final class Timing {
    private Timing() {}

    /**
     * @param bestSeconds fastest wall-clock time
     * @param medianSeconds median wall-clock time
     * @param cpuSeconds process CPU time (all threads, including the JVM's own) of the fastest run
     * @param runs timed runs
     */
    record Stats(double bestSeconds, double medianSeconds, double cpuSeconds, int runs) {}

    /** Runs {@code task} {@code warmups} times untimed, then {@code runs} times timed. */
    static Stats measure(int warmups, int runs, Runnable task) {
        for (int i = 0; i < warmups; i++) {
            task.run();
        }
        double[] wall = new double[runs];
        double bestCpu = Double.NaN, best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < runs; i++) {
            long c0 = processCpuNanos(), t0 = System.nanoTime();
            task.run();
            long t1 = System.nanoTime(), c1 = processCpuNanos();
            wall[i] = (t1 - t0) / 1e9;
            if (wall[i] < best) {
                best = wall[i];
                bestCpu = c0 < 0 ? Double.NaN : (c1 - c0) / 1e9;
            }
        }
        double[] sorted = wall.clone();
        Arrays.sort(sorted);
        double median = runs % 2 == 1 ? sorted[runs / 2] : (sorted[runs / 2 - 1] + sorted[runs / 2]) / 2;
        return new Stats(best, median, bestCpu, runs);
    }

    /** CPU time of this process in nanoseconds, or -1 where the JVM does not tell. */
    static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    /** The one-minute load average, or -1 where unavailable. */
    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
