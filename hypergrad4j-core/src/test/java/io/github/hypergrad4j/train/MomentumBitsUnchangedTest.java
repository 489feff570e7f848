package io.github.hypergrad4j.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * SGD with momentum must give the very bits it gave before the trainer learnt other optimisers. The
 * expected fingerprint was recorded from main's trainer (commit 602d634, SGD with momentum only)
 * on this fixed run, with one thread. Should an intended change of the arithmetic (e.g. a different
 * summation order in the tensor kernels) move these bits, re-record the value from the commit that
 * makes that change, before any optimiser change, and say so in its message.
 */
class MomentumBitsUnchangedTest {
    static final long RECORDED = -6890469452860290766L;
    /** The per-group sums are added chunk by chunk, and there is one chunk per thread. */
    static final int RECORDED_THREADS = 2;

    @Test
    void sgdMomentumHypergradientHasTheBitsRecordedBeforeTheOptimiserAbstraction() {
        int threads = io.github.hypergrad4j.tensor.Parallelism.get().threads();
        Assumptions.assumeTrue(threads == RECORDED_THREADS, "the fingerprint was recorded with " + RECORDED_THREADS
                + " threads and this process uses " + threads + "; run with -Dhypergrad4j.threads=" + RECORDED_THREADS);
        assertThat(fingerprint()).isEqualTo(RECORDED);
    }

    /** A 64-bit hash of every output of a fixed 60-step run with a random per-group schedule. */
    static long fingerprint() {
        SmallProblem p = new SmallProblem(20261201);
        Schedule s = p.schedule(60, 0.05, 0.3, 0.3, 0.98);
        double[] w0 = p.init.weights(new double[] {0.3, 0.1, 0.4, 0.2});
        double[] v0 = p.gaussian(w0.length).data();
        for (int i = 0; i < v0.length; i++) {
            v0[i] *= 0.01;
        }
        Hypergradient h = new ReversibleTrainer(p.model.layout(), p.trainingLoss())
                .hypergradient(w0, v0, s, p.theta(), p.validationLoss(), StepListener.NONE);
        long hash = Double.doubleToLongBits(h.objective());
        for (double[] x : new double[][] {h.finalWeights(), h.dWeights0(), h.dVelocity0(),
                HyperRows.flat(h.dAlpha()), HyperRows.flat(h.dBeta()), h.dTheta().get("l2").data(),
                h.dTheta().get("inputs").data(), h.trainingLosses(), {h.bufferBits()}}) {
            hash = hash * 1_000_003 + Arrays.hashCode(x);
        }
        return hash;
    }

    /** Flattening without depending on any main class that might change. */
    private static final class HyperRows {
        static double[] flat(double[][] x) {
            return Arrays.stream(x).flatMapToDouble(Arrays::stream).toArray();
        }
    }
}
