package io.github.hypergrad4j.exact;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The buffer must keep close to the information the multiplications destroy, {@code log2(1 /
 * beta)} bits per parameter per step, over a long trainer-style run. A compression ratio, not a
 * timing.
 */
class InformationBufferCompressionTest {

    @ParameterizedTest
    @ValueSource(doubles = {0.5, 0.9, 0.95, 0.98, 0.99})
    void storesAtMostTenPercentMoreThanTheIdealBitsPerParameterPerStep(double b) {
        int steps = 2000;
        MomentumSgdFixture run = MomentumSgdFixture.random(new int[] {0, 600, 1500}, steps, b, b, 11);
        RationalFactor beta = run.betas[0][0];

        for (int t = 0; t < steps; t++) {
            run.forward(t);
        }
        double bits = run.buffer.bitsPerMultiply();
        System.out.printf("beta %.2f (n = %d): %.5f bits per parameter per step, ideal %.5f, ratio %.4f%n",
                b, beta.numerator(), bits, beta.idealBitsPerMultiply(), bits / beta.idealBitsPerMultiply());

        assertThat(run.buffer.netMultiplies()).isEqualTo(1500L * steps);
        assertThat(bits).isLessThanOrEqualTo(1.1 * beta.idealBitsPerMultiply());
        // A lower bound too: a buffer that claimed less than the destroyed information would be
        // measuring wrongly (or losing bits, which the reversal tests would catch).
        assertThat(bits).isGreaterThanOrEqualTo(0.99 * beta.idealBitsPerMultiply());
    }
}
