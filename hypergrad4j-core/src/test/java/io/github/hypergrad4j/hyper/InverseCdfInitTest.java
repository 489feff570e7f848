package io.github.hypergrad4j.hyper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.hypergrad4j.model.Mlp;
import java.util.Random;
import org.junit.jupiter.api.Test;

class InverseCdfInitTest {
    private final Mlp model = new Mlp(io.github.hypergrad4j.model.Activation.TANH, 30, 20, 5);
    private final InverseCdfInit init = new InverseCdfInit(model.layout(), 20, 3);

    private double[][] normal(double scale) {
        double[][] k = new double[model.layout().groupCount()][];
        for (int g = 0; g < k.length; g++) {
            k[g] = init.normalKnots(scale);
        }
        return k;
    }

    @Test
    void knotGradientMatchesFiniteDifferencesOfALinearReadout() {
        Random r = new Random(1);
        double[] c = r.doubles(model.layout().size()).toArray(); // f(w) = c . w
        double[][] knots = normal(0.5);
        double[][] grad = init.knotGradient(c);
        for (int g = 0; g < knots.length; g++) {
            for (int j = 1; j < 20; j++) {
                double h = 1e-7;
                knots[g][j] += h;
                double plus = dot(c, init.weights(knots));
                knots[g][j] -= 2 * h;
                double minus = dot(c, init.weights(knots));
                knots[g][j] += h;
                assertThat(grad[g][j]).isCloseTo((plus - minus) / (2 * h), within(1e-6));
            }
        }
    }

    @Test
    void normalKnotsGiveRoughlyNormalWeights() {
        InverseCdfInit big = new InverseCdfInit(new Mlp(io.github.hypergrad4j.model.Activation.TANH, 300, 100, 5).layout(), 20, 4);
        double[][] k = new double[4][];
        for (int g = 0; g < 4; g++) {
            k[g] = big.normalKnots(2.0);
        }
        double[] w = big.weights(k);
        double mean = 0, sq = 0;
        for (int i = 0; i < 30000; i++) {
            mean += w[i] / 30000;
            sq += w[i] * w[i] / 30000;
        }
        assertThat(mean).isCloseTo(0, within(0.05));
        assertThat(Math.sqrt(sq)).isCloseTo(2.0, within(0.15)); // piecewise-linear, tails cut at 3 sigma
        assertThat(InverseCdfInit.binDensities(k[0])[10]).isCloseTo(1 / (2.0 * Math.sqrt(2 * Math.PI)), within(0.01));
    }

    @Test
    void decreasingKnotsAreRefusedWithAHint() {
        double[][] k = normal(1);
        k[1][5] = 10;
        assertThatThrownBy(() -> init.weights(k)).hasMessageContaining("must be non-decreasing").hasMessageContaining("b1");
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
