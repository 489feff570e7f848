package io.github.hypergrad4j.bench;

import io.github.hypergrad4j.train.Hypergradient;
import io.github.hypergrad4j.train.StepListener;

/** Prints forward and hypergradient wall times of the paper setting: a quick check while tuning. */
public final class QuickTiming {
    public static void main(String[] args) {
        int hidden = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int steps = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int reps = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        PaperSetting s = new PaperSetting(hidden, steps, 10_000, 1);
        double[] w0 = s.initialWeights();
        for (int r = 0; r < reps; r++) {
            java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
            long c0 = mx.getCurrentThreadCpuTime(), t0 = System.nanoTime();
            s.trainer().train(w0, new double[w0.length], s.schedule, s.theta(), StepListener.NONE);
            long c1 = mx.getCurrentThreadCpuTime(), t1 = System.nanoTime();
            Hypergradient h = s.trainer().hypergradient(w0, new double[w0.length], s.schedule, s.theta(), s.validationLoss(), StepListener.NONE);
            long c2 = mx.getCurrentThreadCpuTime(), t2 = System.nanoTime();
            System.out.printf("forward %.3f s (cpu %.3f)  hypergradient %.3f s (cpu %.3f)  cpu ratio %.2f  objective %.6f  bits/param/step %.4f%n",
                    (t1 - t0) / 1e9, (c1 - c0) / 1e9, (t2 - t1) / 1e9, (c2 - c1) / 1e9, (double) (c2 - c1) / (c1 - c0), h.objective(),
                    h.bufferBits() / w0.length / steps);
        }
    }
}
