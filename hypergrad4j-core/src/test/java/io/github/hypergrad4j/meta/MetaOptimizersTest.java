package io.github.hypergrad4j.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MetaOptimizersTest {

    /** Gradient of the ill-conditioned quadratic sum_i c_i (x_i - 1)^2 / 2. */
    private static double[] gradient(double[] x) {
        double[] g = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            g[i] = (i + 1) * (x[i] - 1);
        }
        return g;
    }

    private static double distanceToOptimum(double[] x) {
        double s = 0;
        for (double v : x) {
            s += (v - 1) * (v - 1);
        }
        return Math.sqrt(s);
    }

    /**
     * The original hypergrad code's adam, transcribed in its own notation (b1, b2 are one minus the
     * decays; its first-moment weight b1t = 1 - (1 - b1) lam^i grows to 1), as the oracle for
     * {@link Adam#asInOriginalHypergrad}.
     */
    @Test
    void adamAsInTheOriginalFollowsItsOwnFormulas() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(3);
        double step = 0.04, b1 = 0.1, b2 = 0.01, eps = 1e-4, lam = 1e-4;
        double[] x = {0.3, -1.2, 2.0}, expected = x.clone(), m = new double[3], v = new double[3];
        Adam adam = Adam.asInOriginalHypergrad(step);
        for (int i = 0; i < 8; i++) {
            double[] g = {r.nextGaussian() * 1e-3, r.nextGaussian(), r.nextGaussian() * 50};
            double b1t = 1 - (1 - b1) * Math.pow(lam, i);
            for (int k = 0; k < 3; k++) {
                m[k] = b1t * g[k] + (1 - b1t) * m[k];
                v[k] = b2 * g[k] * g[k] + (1 - b2) * v[k];
                double mhat = m[k] / (1 - Math.pow(1 - b1, i + 1)), vhat = v[k] / (1 - Math.pow(1 - b2, i + 1));
                expected[k] -= step * mhat / (Math.sqrt(vhat) + eps);
            }
            adam.stepInPlace(x, g);
            for (int k = 0; k < 3; k++) {
                assertThat(x[k]).as("step %d, coordinate %d", i, k).isCloseTo(expected[k],
                        org.assertj.core.api.Assertions.within(1e-12 * (1 + Math.abs(expected[k]))));
            }
        }
    }

    @Test
    void aFirstMomentDecayFactorOfOneIsPlainAdamBitForBit() {
        double[] a = {0.5, -0.5}, b = a.clone();
        Adam plain = new Adam(0.1, 0.9, 0.999, 1e-8), same = plain.withFirstMomentDecayFactor(1);
        for (int k = 0; k < 20; k++) {
            plain.stepInPlace(a, gradient(a));
            same.stepInPlace(b, gradient(b));
        }
        assertThat(b).containsExactly(a);
        assertThatThrownBy(() -> plain.withFirstMomentDecayFactor(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void adamConvergesOnAQuadratic() {
        double[] x = new double[5];
        Adam adam = new Adam(0.05);
        for (int k = 0; k < 2000; k++) {
            adam.stepInPlace(x, gradient(x));
        }
        assertThat(distanceToOptimum(x)).isLessThan(1e-3);
        assertThat(adam.stepsTaken()).isEqualTo(2000);
    }

    @Test
    void adamFirstStepHasTheStepSizeInEveryCoordinate() {
        // With bias correction, the first Adam step is -step * sign(g) (up to epsilon).
        double[] x = {0, 0};
        new Adam(0.1).stepInPlace(x, new double[] {3, -0.001});
        assertThat(x[0]).isCloseTo(-0.1, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(x[1]).isCloseTo(0.1, org.assertj.core.data.Offset.offset(1e-4));
    }

    @Test
    void sgdWithMomentumConvergesOnAQuadratic() {
        double[] x = new double[5];
        SgdMomentum sgd = new SgdMomentum(0.05, 0.9);
        for (int k = 0; k < 2000; k++) {
            sgd.stepInPlace(x, gradient(x));
        }
        assertThat(distanceToOptimum(x)).isLessThan(1e-6);
    }

    @Test
    void restoredAdamContinuesExactlyAsTheOriginal() {
        double[] a = {0.5, -2}, b;
        Adam first = new Adam(0.1);
        for (int k = 0; k < 5; k++) {
            first.stepInPlace(a, gradient(a));
        }
        b = a.clone();
        Adam resumed = new Adam(0.1);
        resumed.restore(first.moments(), first.stepsTaken());
        first.stepInPlace(a, gradient(a));
        resumed.stepInPlace(b, gradient(b));
        assertThat(b).containsExactly(a);
    }

    @Test
    void nonFiniteHypergradientIsRefusedWithAHint() {
        assertThatThrownBy(() -> new Adam(0.1).stepInPlace(new double[2], new double[] {1, Double.NaN}))
                .hasMessageContaining("entry 1 is NaN").hasMessageContaining("lower the learning rates");
    }
}
