package io.github.hypergrad4j.bench;

import io.github.hypergrad4j.tensor.Blas;
import io.github.hypergrad4j.tensor.Tensor;
import io.github.hypergrad4j.tensor.TensorOps;
import java.util.SplittableRandom;

/**
 * The machine's matrix-multiply rate through the same BLAS, in this process: an n x n x n dgemm on
 * one thread (one BLAS call), and through hypergrad4j's {@link TensorOps#matmul}, which splits it
 * over all its threads the way the trainer's large products are split.
 *
 * @param size n
 * @param singleThreadGflops best rate of one BLAS call
 * @param allThreadsGflops best rate of the split product
 * @param threads threads of the split product
 */
record DgemmRate(int size, double singleThreadGflops, double allThreadsGflops, int threads) {

    static DgemmRate measure(int n, int warmups, int runs) {
        SplittableRandom r = new SplittableRandom(3);
        double[] a = new double[n * n], b = new double[n * n], c = new double[n * n];
        for (int i = 0; i < a.length; i++) {
            a[i] = r.nextDouble() - 0.5;
            b[i] = r.nextDouble() - 0.5;
        }
        double flops = 2.0 * n * n * n;
        Timing.Stats single = Timing.measure(warmups, runs,
                () -> Blas.get().dgemm("N", "N", n, n, n, 1.0, a, 0, n, b, 0, n, 0.0, c, 0, n));
        Tensor ta = Tensor.of(a, n, n), tb = Tensor.of(b, n, n);
        Timing.Stats split = Timing.measure(warmups, runs, () -> TensorOps.matmul(ta, false, tb, false));
        return new DgemmRate(n, flops / single.bestSeconds() / 1e9, flops / split.bestSeconds() / 1e9,
                io.github.hypergrad4j.tensor.Parallelism.get().threads());
    }
}
