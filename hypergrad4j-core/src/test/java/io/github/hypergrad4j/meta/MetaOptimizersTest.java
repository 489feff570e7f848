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
