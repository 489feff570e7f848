package io.github.hypergrad4j.hyper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.hypergrad4j.model.Mlp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ParameterisationTest {

    @ParameterizedTest
    @EnumSource(Parameterisation.class)
    void derivativeMatchesCentralDifferenceAndInverseRoundTrips(Parameterisation p) {
        for (double x : new double[] {-3, -0.5, 0, 0.7, 2.5}) {
            double h = 1e-6;
            double numeric = (p.value(x + h) - p.value(x - h)) / (2 * h);
            assertThat(p.derivative(x)).isCloseTo(numeric, within(1e-8 * (1 + Math.abs(numeric))));
            assertThat(p.inverse(p.value(x))).isCloseTo(x, within(1e-9));
        }
    }

    @Test
    void chainRuleMultipliesByTheDerivative() {
        double[] x = {0.1, -1};
        double[] d = Parameterisation.LOG.chain(x, new double[] {2, 3});
        assertThat(d[0]).isEqualTo(2 * Math.exp(0.1));
        assertThat(d[1]).isEqualTo(3 * Math.exp(-1));
    }

    @Test
    void initialScaleGradientIsTheNoiseWeightedSumOfTheWeightGradient() {
        Mlp m = new Mlp(io.github.hypergrad4j.model.Activation.TANH, 3, 2, 2);
        InitialWeights init = new InitialWeights(m.layout(), 5);
        double[] dw = new double[m.layout().size()];
        java.util.Arrays.fill(dw, 1.0);
        double[] z = init.noise();
        double[] ds = init.scaleGradient(dw);
        double expectedW1 = 0;
        for (int i = 0; i < 6; i++) {
            expectedW1 += z[i];
        }
        assertThat(ds[0]).isCloseTo(expectedW1, within(1e-12));
        // w_0 is linear in the scales.
        double[] w = init.weights(new double[] {2, 1, 1, 1});
        assertThat(w[0]).isEqualTo(2 * z[0]);
    }

    @Test
    void standardNormalNoiseIsReproducibleAndRoughlyStandard() {
        double[] a = InitialWeights.standardNormal(20000, 9), b = InitialWeights.standardNormal(20000, 9);
        assertThat(a).containsExactly(b);
        double mean = 0, sq = 0;
        for (double x : a) {
            mean += x / a.length;
            sq += x * x / a.length;
        }
        assertThat(mean).isCloseTo(0, within(0.03));
        assertThat(sq).isCloseTo(1, within(0.05));
    }
}
