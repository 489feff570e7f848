package io.github.hypergrad4j.train;

import io.github.hypergrad4j.data.DatasetSpec;
import io.github.hypergrad4j.data.SplitSizes;
import io.github.hypergrad4j.meta.ScheduleProblem;
import io.github.hypergrad4j.meta.SeedResult;
import io.github.hypergrad4j.tensor.Blas;
import io.github.hypergrad4j.tensor.Parallelism;

/**
 * Run in a child JVM by {@link ThreadCountIndependenceTest}: one seed's hypergradient of {@link
 * #PROBLEM}, printed as the raw bits of every number, after a line with the thread count and the
 * BLAS backend the process used.
 */
public final class ThreadCountProbe {
    /**
     * 784-100-100-10, batch 128, 256 training examples, 6 steps: its first layer's products (128 x
     * 784 x 100) are cut into 4 pieces, the weight gradient along its inner dimension; the objective's
     * products (256 examples) into 8; the 89,610 parameters into 4 chunks. So 3 threads share the
     * pieces unevenly and 1 thread computes them all.
     */
    static final ScheduleProblem PROBLEM = new ScheduleProblem(new int[] {784, 100, 100, 10}, 6, 128,
            new DatasetSpec(DatasetSpec.SYNTHETIC, new SplitSizes(256, 0, 0), 5));

    private ThreadCountProbe() {}

    public static void main(String[] args) {
        double[] x = PROBLEM.initial(0.3, 0.9, new double[] {0.05, 0.05, 0.1, 0.1, 0.3, 0.3}).values().clone();
        SeedResult r = PROBLEM.evaluate(x, 17, 2);
        StringBuilder out = new StringBuilder();
        out.append("threads ").append(Parallelism.get().threads()).append(" blas ").append(Blas.backendName()).append('\n');
        out.append(bits(r.objective())).append('\n');
        for (double g : r.gradient()) {
            out.append(bits(g)).append('\n');
        }
        for (double l : r.learningCurve()) {
            out.append(bits(l)).append('\n');
        }
        System.out.print(out);
    }

    private static String bits(double d) {
        return Long.toHexString(Double.doubleToRawLongBits(d));
    }
}
