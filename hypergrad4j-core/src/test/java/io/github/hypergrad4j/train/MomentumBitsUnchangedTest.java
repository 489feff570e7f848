package io.github.hypergrad4j.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * SGD with momentum must give the very bits it gave before the trainer learnt other optimisers. The
 * expected fingerprint was recorded from main's trainer (SGD with momentum only) on this fixed run:
 * first at commit 602d634, then again at 8a5e481, whose chunking by size alone (results independent
 * of the thread count) moved the last bits. Should another intended change of the arithmetic (e.g.
 * a different summation order in the tensor kernels) move them, re-record the value from the commit
 * that makes that change with the SGD-only trainer, and say so in its message.
 */
class MomentumBitsUnchangedTest {
    static final long RECORDED = -4572245478203076239L;

    @Test
    void sgdMomentumHypergradientHasTheBitsRecordedBeforeTheOptimiserAbstraction() {
        // Bits are a function of the BLAS too: the value was recorded on the pure-Java backend, so it says
        // nothing about native OpenBLAS's (other summation order), where the other oracles still run.
        String backend = io.github.hypergrad4j.tensor.Blas.backendName();
        if (!backend.startsWith("java")) {
            System.out.println("MomentumBitsUnchangedTest skipped: fingerprint recorded on the Java BLAS, this run uses " + backend);
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(backend.startsWith("java"),
                "fingerprint recorded on the Java BLAS backend; this run uses " + backend);
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
