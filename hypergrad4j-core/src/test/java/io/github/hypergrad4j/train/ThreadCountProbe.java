package io.github.hypergrad4j.train;

import io.github.hypergrad4j.data.DatasetSpec;
import io.github.hypergrad4j.data.SplitSizes;
import io.github.hypergrad4j.meta.ScheduleProblem;
import io.github.hypergrad4j.meta.SeedResult;
import io.github.hypergrad4j.tensor.Blas;
import io.github.hypergrad4j.tensor.Parallelism;
import java.util.List;

/**
 * Run in a child JVM by {@link ThreadCountIndependenceTest}: one seed's hypergradient of {@link
 * #PROBLEM} with each of {@link #OPTIMIZERS}, printed as the raw bits of every number, after a line
 * with the thread count and the BLAS backend the process used. Each hypergradient's reverse pass
 * checks that it recovers every step's state and the initial one bit for bit (and throws a {@link
 * ReversalException} otherwise), so a probe that prints all its numbers reversed every run exactly.
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

    /**
     * SGD with momentum, whose reverse step gets g_t from its dual pass, and the optimisers whose
     * direction needs g_t first (a recorded gradient pass, its tangents replayed afterwards), each
     * with a learning rate that suits it.
     */
    static final List<Optimizer> OPTIMIZERS = List.of(Optimizer.sgdMomentum(), Optimizer.adam(), Optimizer.adamW(),
            Optimizer.rmsPropMomentum());

    private static final double[] LEARNING_RATES = {0.3, 0.003, 0.003, 0.001};

    private ThreadCountProbe() {}

    /** Lines printed per optimiser: its name, the objective, the gradient and the learning curve. */
    static int linesPerOptimizer() {
        return 2 + PROBLEM.size() + PROBLEM.steps();
    }

    public static void main(String[] args) {
        StringBuilder out = new StringBuilder();
        out.append("threads ").append(Parallelism.get().threads()).append(" blas ").append(Blas.backendName()).append('\n');
        for (int k = 0; k < OPTIMIZERS.size(); k++) {
            ScheduleProblem problem = PROBLEM.withOptimizer(OPTIMIZERS.get(k));
            double[] x = problem.initial(LEARNING_RATES[k], 0.9, new double[] {0.05, 0.05, 0.1, 0.1, 0.3, 0.3}).values()
                    .clone();
            SeedResult r = problem.evaluate(x, 17, 2);
            out.append("optimizer ").append(OPTIMIZERS.get(k).name()).append('\n');
            out.append(bits(r.objective())).append('\n');
            for (double g : r.gradient()) {
                out.append(bits(g)).append('\n');
            }
            for (double l : r.learningCurve()) {
                out.append(bits(l)).append('\n');
            }
        }
        System.out.print(out);
    }

    private static String bits(double d) {
        return Long.toHexString(Double.doubleToRawLongBits(d));
    }
}
