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
        return measureAlternately(warmups, runs, task)[0];
    }

    /**
     * Runs the tasks in turn ({@code a, b, a, b, ...}), {@code warmups} rounds untimed, then {@code runs}
     * rounds timed: on a machine whose load changes, tasks compared this way see the same load.
     */
    static Stats[] measureAlternately(int warmups, int runs, Runnable... tasks) {
        for (int i = 0; i < warmups; i++) {
            for (Runnable task : tasks) {
                task.run();
            }
        }
        int n = tasks.length;
        double[][] wall = new double[n][runs];
        double[] bestCpu = new double[n], best = new double[n];
        Arrays.fill(bestCpu, Double.NaN);
        Arrays.fill(best, Double.POSITIVE_INFINITY);
        for (int i = 0; i < runs; i++) {
            for (int k = 0; k < n; k++) {
                long c0 = processCpuNanos(), t0 = System.nanoTime();
                tasks[k].run();
                long t1 = System.nanoTime(), c1 = processCpuNanos();
                wall[k][i] = (t1 - t0) / 1e9;
                if (wall[k][i] < best[k]) {
                    best[k] = wall[k][i];
                    bestCpu[k] = c0 < 0 ? Double.NaN : (c1 - c0) / 1e9;
                }
            }
        }
        Stats[] stats = new Stats[n];
        for (int k = 0; k < n; k++) {
            double[] sorted = wall[k].clone();
            Arrays.sort(sorted);
            double median = runs % 2 == 1 ? sorted[runs / 2] : (sorted[runs / 2 - 1] + sorted[runs / 2]) / 2;
            stats[k] = new Stats(best[k], median, bestCpu[k], runs);
        }
        return stats;
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
