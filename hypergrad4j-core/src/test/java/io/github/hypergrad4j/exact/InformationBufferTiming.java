package io.github.hypergrad4j.exact;

import java.util.SplittableRandom;

/**
 * Prints nanoseconds per parameter for {@link InformationBuffer#multiplyInPlace} and {@link
 * InformationBuffer#divideInPlace} at the trainer's size (45,000 parameters, 100 steps), and the
 * bits stored per parameter per step for a few betas. A measurement, not a test: run with
 *
 * <pre>java -cp target/test-classes:target/classes io.github.hypergrad4j.exact.InformationBufferTiming</pre>
 */
public final class InformationBufferTiming {
    private InformationBufferTiming() {
    }

    public static void main(String[] args) {
        int p = 45_000;
        int steps = 100;
        for (double b : new double[] {0.5, 0.9, 0.95, 0.98, 0.99}) {
            RationalFactor beta = RationalFactor.of(b);
            long[] v = new long[p];
            SplittableRandom rnd = new SplittableRandom(3);
            for (int i = 0; i < p; i++) {
                v[i] = FixedPointFormat.DEFAULT.toFixed(rnd.nextGaussian() * 0.01);
            }
            InformationBuffer buffer = new InformationBuffer(p);
            long[] v0 = v.clone();
            double bestForward = Double.MAX_VALUE;
            double bestReverse = Double.MAX_VALUE;
            for (int rep = 0; rep < 15; rep++) {
                long t0 = System.nanoTime();
                for (int t = 0; t < steps; t++) {
                    buffer.multiplyInPlace(v, 0, p, beta);
                }
                long t1 = System.nanoTime();
                double bits = buffer.bitsPerMultiply();
                for (int t = 0; t < steps; t++) {
                    buffer.divideInPlace(v, 0, p, beta);
                }
                long t2 = System.nanoTime();
                if (!buffer.isAtInitialState() || !java.util.Arrays.equals(v, v0)) {
                    throw new AssertionError("not restored");
                }
                bestForward = Math.min(bestForward, (t1 - t0) / (double) p / steps);
                bestReverse = Math.min(bestReverse, (t2 - t1) / (double) p / steps);
                if (rep == 14) {
                    System.out.printf("beta %.2f (n=%d): multiply %.2f ns/param, divide %.2f ns/param;"
                            + " %d steps: %.5f bits/param/step (ideal %.5f)%n", b, beta.numerator(), bestForward,
                            bestReverse, steps, bits, beta.idealBitsPerMultiply());
                }
            }
        }
        for (double b : new double[] {0.5, 0.9, 0.95, 0.98, 0.99}) {
            MomentumSgdFixture run = MomentumSgdFixture.random(new int[] {0, 1000, 2000}, 3000, b, b, 5);
            for (int t = 0; t < run.steps(); t++) {
                run.forward(t);
            }
            System.out.printf("beta %.2f: trainer-style run of 2000 params x 3000 steps: %.5f bits/param/step,"
                    + " ideal %.5f, ratio %.4f%n", b, run.buffer.bitsPerMultiply(),
                    run.betas[0][0].idealBitsPerMultiply(),
                    run.buffer.bitsPerMultiply() / run.betas[0][0].idealBitsPerMultiply());
        }
    }
}
