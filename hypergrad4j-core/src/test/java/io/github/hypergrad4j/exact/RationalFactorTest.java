package io.github.hypergrad4j.exact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RationalFactorTest {

    @Test
    void roundsBetaToTheNearestSixteenBitFraction() {
        RationalFactor beta = RationalFactor.of(0.9);

        assertThat(beta.numerator()).isEqualTo(58982); // 0.9 * 65536 = 58982.4
        assertThat(beta.denominator()).isEqualTo(65536);
        assertThat(beta.value()).isEqualTo(58982.0 / 65536.0);
        assertThat(beta.oneMinus()).isEqualTo(6554.0 / 65536.0);
        assertThat(beta.idealBitsPerMultiply()).isCloseTo(0.15200, org.assertj.core.data.Offset.offset(1e-4));
    }

    @Property
    void valueAndOneMinusAreExactAndSumToOne(@ForAll @DoubleRange(min = 1e-9, max = 1.0, maxIncluded = false) @Scale(12) double b) {
        RationalFactor beta = RationalFactor.of(b);

        assertThat(beta.value() + beta.oneMinus()).isEqualTo(1.0);
        assertThat(beta.value() * 65536).isEqualTo(beta.numerator());
        boolean clamped = beta.numerator() == 1 || beta.numerator() == 65535;
        assertThat(Math.abs(beta.value() - b)).isLessThanOrEqualTo(clamped ? 1.0 / 65536 : 0.5 / 65536);
    }

    @Test
    void clampsTinyAndNearOneBetasToValidNumerators() {
        assertThat(RationalFactor.of(1e-12).numerator()).isEqualTo(1);
        assertThat(RationalFactor.of(1 - 1e-12).numerator()).isEqualTo(65535);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 1.0, -0.5, 1.5, Double.NaN, Double.POSITIVE_INFINITY})
    void rejectsBetaOutsideTheOpenUnitIntervalWithAHint(double b) {
        assertThatThrownBy(() -> RationalFactor.of(b))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("momentum beta must be in (0, 1), got " + b)
                .hasMessageContaining("use e.g. 0.9");
    }

    @Test
    void equalNumeratorsAreEqualFactors() {
        assertThat(RationalFactor.of(0.9)).isEqualTo(RationalFactor.ofNumerator(58982));
        assertThat(RationalFactor.of(0.9)).hasSameHashCodeAs(RationalFactor.ofNumerator(58982));
        assertThatThrownBy(() -> RationalFactor.ofNumerator(65536)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RationalFactor.ofNumerator(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
