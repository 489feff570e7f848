package io.github.hypergrad4j.exact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

class InformationBufferTest {
    private static final RationalFactor HALF = RationalFactor.of(0.5);

    @Test
    void multiplyingByOneHalfStoresOneBitPerValue() {
        long[] c = {6, 7, -7, 1L << 40};
        InformationBuffer buffer = new InformationBuffer(4);

        buffer.multiplyInPlace(c, 0, 4, HALF);

        // floor(c / 2^16) * 2^15 + s with s in [0, 2^15): the low bits are replaced, not rounded
        assertThat(c[0]).isBetween(0L, (1L << 15) - 1);
        assertThat(c[2]).isBetween(-(1L << 15), -1L);
        assertThat(c[3]).isBetween(1L << 39, (1L << 39) + (1L << 15) - 1);
        assertThat(buffer.storedBits()).isCloseTo(4.0, org.assertj.core.data.Offset.offset(1e-3));
        assertThat(buffer.netMultiplies()).isEqualTo(4);
        buffer.divideInPlace(c, 0, 4, HALF);
        assertThat(c).containsExactly(6, 7, -7, 1L << 40);
        assertThat(buffer.isAtInitialState()).isTrue();
    }

    @Test
    void anInputOutsideTheRangeRaisesNamingTheIndexAndLeavesItUntouched() {
        long[] c = {1, 2, 1L << 62, 4};
        InformationBuffer buffer = new InformationBuffer(4);

        FixedPointOverflowException e = catchThrowableOfType(
                () -> buffer.multiplyInPlace(c, 0, 4, RationalFactor.of(0.9)), FixedPointOverflowException.class);

        assertThat(e.index()).isEqualTo(2);
        assertThat(e.value()).isEqualTo(1024.0);
        assertThat(e).hasMessageContaining("parameter index 2").hasMessageContaining("learning rate");
        assertThat(c[2]).isEqualTo(1L << 62);
        assertThat(c[3]).isEqualTo(4);
        buffer.divideInPlace(c, 0, 2, RationalFactor.of(0.9));
        assertThat(c).containsExactly(1, 2, 1L << 62, 4);
        assertThat(buffer.isAtInitialState()).isTrue();
    }

    @Test
    void aDivisionWhoseResultWouldLeaveTheRangeRaisesBeforeTouchingTheBuffer() {
        long[] c = {FixedPointFormat.DEFAULT.toFixed(1000.0), FixedPointFormat.DEFAULT.toFixed(600.0), 5};
        InformationBuffer buffer = new InformationBuffer(3);

        FixedPointOverflowException e = catchThrowableOfType(
                () -> buffer.divideInPlace(c, 0, 3, HALF), FixedPointOverflowException.class);

        assertThat(e.index()).isEqualTo(1);
        assertThat(e.value()).isEqualTo(1200.0);
        assertThat(c[1]).isEqualTo(FixedPointFormat.DEFAULT.toFixed(600.0));
        buffer.multiplyInPlace(c, 2, 3, HALF); // undo the one element (index 2) that was divided
        assertThat(c[2]).isEqualTo(5);
        assertThat(buffer.isAtInitialState()).isTrue();
    }

    @Test
    void checkAtInitialStateDescribesWhatIsLeftAndResetClearsIt() {
        long[] c = {123456789, -987654321};
        InformationBuffer buffer = new InformationBuffer(2);
        buffer.multiplyInPlace(c, 0, 2, RationalFactor.of(0.3));

        assertThat(buffer.isAtInitialState()).isFalse();
        assertThatThrownBy(buffer::checkAtInitialState)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("2 heads differ (first at index 0)")
                .hasMessageContaining("did not mirror the forward pass");

        buffer.reset();

        assertThat(buffer.isAtInitialState()).isTrue();
        assertThat(buffer.bitsPerMultiply()).isNaN();
    }

    @Test
    void aWrongBetaInTheReversePassIsNotSilentlyAccepted() {
        long[] c = {1L << 50, -(1L << 45), 99};
        long[] original = c.clone();
        InformationBuffer buffer = new InformationBuffer(3);

        buffer.multiplyInPlace(c, 0, 3, RationalFactor.ofNumerator(60000));
        buffer.divideInPlace(c, 0, 3, RationalFactor.ofNumerator(60001));

        assertThat(c.equals(original) && buffer.isAtInitialState()).isFalse();
    }

    @Test
    void rangesOutsideTheArraysAreRejected() {
        InformationBuffer buffer = new InformationBuffer(3);
        assertThatThrownBy(() -> buffer.multiplyInPlace(new long[5], 0, 5, HALF))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> buffer.divideInPlace(new long[3], 2, 1, HALF))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }

    /** A buffer for a part of a vector behaves as a whole-vector buffer used on that part only. */
    @Test
    void aBufferForPartOfAVectorGivesTheBitsOfAWholeVectorBufferOnThatPart() {
        RationalFactor beta = RationalFactor.of(0.9);
        long[] whole = new long[10], part = new long[10];
        for (int i = 0; i < whole.length; i++) {
            whole[i] = part[i] = (i * 0x9E3779B97F4AL) % (1L << 50);
        }
        InformationBuffer full = new InformationBuffer(10);
        InformationBuffer offset = new InformationBuffer(4, 3, FixedPointFormat.DEFAULT, new ArrayWordStack());
        for (int step = 0; step < 50; step++) {
            full.multiplyInPlace(whole, 4, 7, beta);
            offset.multiplyInPlace(part, 4, 7, beta);
        }
        assertThat(part).containsExactly(whole);
        assertThat(offset.storedBits()).isEqualTo(full.storedBits());
        assertThat(offset.parameterCount()).isEqualTo(3);
        assertThatThrownBy(() -> offset.multiplyInPlace(part, 3, 6, beta)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("[4, 7)");
        assertThatThrownBy(() -> offset.divideInPlace(part, 5, 8, beta)).isInstanceOf(IndexOutOfBoundsException.class);
        for (int step = 0; step < 50; step++) {
            offset.divideInPlace(part, 4, 7, beta);
        }
        assertThat(offset.isAtInitialState()).isTrue();
        assertThat(part[5]).isEqualTo((5 * 0x9E3779B97F4AL) % (1L << 50));
    }
}
