package io.github.hypergrad4j.tensor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ElementaryTest {

    @Test
    void tanhAgreesWithMathTanhToAFewUlpsAcrossScales() {
        Random r = new Random(2);
        for (int i = 0; i < 200_000; i++) {
            double x = (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(9) - 6);
            double expected = Math.tanh(x);
            assertThat(Math.abs(Elementary.tanh(x) - expected)).as("tanh(%s)", x).isLessThanOrEqualTo(4 * Math.ulp(expected));
        }
    }

    @Test
    void tanhIsWithinThreeUlpsOnADenseGrid() {
        for (double x = -21; x <= 21; x += 1.0 / 4096 + 1e-9) {
            double expected = Math.tanh(x);
            assertThat(Math.abs(Elementary.tanh(x) - expected)).as("tanh(%s)", x).isLessThanOrEqualTo(3 * Math.ulp(expected));
        }
    }

    @Test
    void bulkTanhGivesTheScalarBitsForEveryElementAndRange() {
        Random r = new Random(3);
        double[] x = new double[3000];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextGaussian() * Math.pow(10, r.nextInt(7) - 4);
        }
        x[0] = 0.0;
        x[1] = -0.0;
        x[2] = Double.NaN;
        x[3] = Double.NEGATIVE_INFINITY;
        x[4] = 1e-310;
        x[5] = -700;
        double[] y = new double[x.length];
        Elementary.tanh(x, y, 7, 2990); // uneven range: partial blocks at both ends
        for (int i = 0; i < x.length; i++) {
            double expected = i >= 7 && i < 2990 ? Elementary.tanh(x[i]) : 0.0;
            assertThat(Double.doubleToRawLongBits(y[i])).as("element %d, x = %s", i, x[i])
                    .isEqualTo(Double.doubleToRawLongBits(expected));
        }
        double[] inPlace = x.clone();
        Elementary.tanh(inPlace, inPlace, 0, inPlace.length);
        for (int i = 0; i < x.length; i++) {
            assertThat(Double.doubleToRawLongBits(inPlace[i])).isEqualTo(Double.doubleToRawLongBits(Elementary.tanh(x[i])));
        }
    }

    @Test
    void tanhLimitsAndSpecialValues() {
        assertThat(Elementary.tanh(0.0)).isEqualTo(0.0);
        assertThat(Elementary.tanh(40)).isEqualTo(1.0);
        assertThat(Elementary.tanh(-40)).isEqualTo(-1.0);
        assertThat(Elementary.tanh(Double.POSITIVE_INFINITY)).isEqualTo(1.0);
        assertThat(Elementary.tanh(Double.NaN)).isNaN();
        assertThat(Double.doubleToRawLongBits(Elementary.tanh(-0.0))).isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThat(Elementary.tanh(Double.NEGATIVE_INFINITY)).isEqualTo(-1.0);
        assertThat(Elementary.tanh(Double.MIN_VALUE)).isEqualTo(Double.MIN_VALUE);
        assertThat(Elementary.tanh(19.1)).isEqualTo(1.0);
    }
}
