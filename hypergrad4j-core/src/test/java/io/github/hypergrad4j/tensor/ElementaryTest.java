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
    void tanhLimitsAndSpecialValues() {
        assertThat(Elementary.tanh(0.0)).isEqualTo(0.0);
        assertThat(Elementary.tanh(40)).isEqualTo(1.0);
        assertThat(Elementary.tanh(-40)).isEqualTo(-1.0);
        assertThat(Elementary.tanh(Double.POSITIVE_INFINITY)).isEqualTo(1.0);
        assertThat(Elementary.tanh(Double.NaN)).isNaN();
    }
}
