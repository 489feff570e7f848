package io.github.hypergrad4j.exact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Scale;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class FixedPointFormatTest {
    private static final FixedPointFormat F = FixedPointFormat.DEFAULT;
    private static final long MAX = (1L << 62) - 1;
    private static final long MIN = -(1L << 62);

    @Test
    void convertsByScalingAndTruncatingTowardZero() {
        assertThat(F.toFixed(1.0)).isEqualTo(1L << 52);
        assertThat(F.toFixed(-0.75)).isEqualTo(-(3L << 50));
        assertThat(F.toFixed(1.5 * F.resolution())).isEqualTo(1);
        assertThat(F.toFixed(-1.5 * F.resolution())).isEqualTo(-1);
        assertThat(F.toDouble(F.toFixed(0.1))).isBetween(0.1 - F.resolution(), 0.1);
        assertThat(F.toDouble(F.toFixed(0.375))).isEqualTo(0.375);
        assertThat(F.maxMagnitude()).isEqualTo(1024.0);
    }

    @Test
    void validValuesAreMinusTwoToTheSixtyTwoInclusiveToPlusExclusiveAndConversionIsSymmetric() {
        for (double x : new double[] {Math.nextDown(1024.0), 1e-300, 0.1, 3 * F.resolution() / 2}) {
            assertThat(F.toFixed(-x)).isEqualTo(-F.toFixed(x));
        }
        assertThatThrownBy(() -> F.toFixed(-1024.0)).isInstanceOf(FixedPointOverflowException.class);
        assertThat(FixedPointFormat.isInRange(MIN)).isTrue();
        assertThat(FixedPointFormat.isInRange(MAX)).isTrue();
        assertThat(FixedPointFormat.isInRange(MAX + 1)).isFalse();
        assertThat(FixedPointFormat.isInRange(MIN - 1)).isFalse();
        assertThat(FixedPointFormat.isInRange(Long.MIN_VALUE)).isFalse();
        assertThatThrownBy(() -> F.toFixed(1024.0)).isInstanceOf(FixedPointOverflowException.class);
    }

    @Test
    void nonFiniteInputRaisesNamingTheIndex() {
        double[] src = {0.5, -1.0, Double.NaN, 2.0};
        long[] dst = new long[4];

        FixedPointOverflowException e = catchThrowableOfType(() -> F.toFixed(src, dst), FixedPointOverflowException.class);

        assertThat(e.index()).isEqualTo(2);
        assertThat(e.value()).isNaN();
        assertThat(e).hasMessageContaining("index 2").hasMessageContaining("left the fixed-point range")
                .hasMessageContaining("learning rate or initial scale is probably too large");
        assertThat(dst[1]).isEqualTo(F.toFixed(-1.0));
        assertThat(dst[3]).isZero();
        assertThatThrownBy(() -> F.toFixed(Double.NEGATIVE_INFINITY)).isInstanceOf(FixedPointOverflowException.class);
    }

    @Test
    void infiniteGradientRaisesNamingTheIndex() {
        long[] v = new long[5];
        double[] grad = {1, 2, 3, Double.POSITIVE_INFINITY, 5};

        FixedPointOverflowException e = catchThrowableOfType(
                () -> F.subtractScaledInPlace(v, 0.1, grad, 1, 5), FixedPointOverflowException.class);

        assertThat(e.index()).isEqualTo(3);
        assertThat(e.value()).isInfinite();
    }

    @Test
    void valueLeavingTheRangeRaisesNamingTheIndexAndValue() {
        long[] w = {0, F.toFixed(1000.0), 0};
        long[] v = {F.toFixed(1.0), F.toFixed(30.0), F.toFixed(1.0)};

        FixedPointOverflowException e = catchThrowableOfType(
                () -> F.addScaledInPlace(w, 1.0, v, 0, 3), FixedPointOverflowException.class);

        assertThat(e.index()).isEqualTo(1);
        assertThat(e.value()).isEqualTo(1030.0);
        assertThat(e).hasMessageContaining("value 1030.0 at parameter index 1");
        assertThat(w).containsExactly(F.toFixed(1.0), F.toFixed(1000.0), 0);
    }

    @Test
    void sumsThatWouldWrapAroundSixtyFourBitsAreCaught() {
        long[] w = {MAX};
        long[] v = {MAX};
        assertThatThrownBy(() -> F.addScaledInPlace(w, 0.9999, v, 0, 1)).isInstanceOf(FixedPointOverflowException.class);
        long[] w2 = {MIN};
        assertThatThrownBy(() -> F.subtractScaledInPlace(w2, 0.5, v, 0, 1)).isInstanceOf(FixedPointOverflowException.class);
        long[] w3 = {Long.MAX_VALUE}; // garbage input: the wrapped sum is out of range and detected
        long[] small = {1L << 40};
        assertThatThrownBy(() -> F.addScaledInPlace(w3, 1.0, small, 0, 1)).isInstanceOf(FixedPointOverflowException.class);
    }

    @Test
    void contextAddsStepAndGroupAndKeepsTheCause() {
        FixedPointOverflowException e = new FixedPointOverflowException(7, 2e3, 1024);

        FixedPointOverflowException withContext = e.inContext(12, 3);

        assertThat(withContext).hasMessageStartingWith("step 12, parameter group 3: value 2000.0 at parameter index 7")
                .hasCause(e);
        assertThat(withContext.index()).isEqualTo(7);
    }

    @Test
    void refusesToUpdateAnArrayWithItself() {
        long[] w = new long[3];
        assertThatThrownBy(() -> F.addScaledInPlace(w, 0.1, w, 0, 3)).isInstanceOf(IllegalArgumentException.class);
    }

    @Property
    void weightUpdateIsUndoneExactly(@ForAll @Size(min = 1, max = 40) long[] w0, @ForAll long seed,
            @ForAll @DoubleRange(min = -2, max = 2) @Scale(15) double alpha) {
        long[] w = clampToRange(w0, 1L << 60);
        long[] v = new long[w.length];
        java.util.Random rnd = new java.util.Random(seed);
        for (int i = 0; i < v.length; i++) {
            v[i] = rnd.nextLong() >> (2 + rnd.nextInt(60));
        }
        long[] before = w.clone();
        int from = rnd.nextInt(w.length);
        int to = from + rnd.nextInt(w.length - from + 1);

        F.addScaledInPlace(w, alpha, v, from, to);
        for (int i = from; i < to; i++) {
            assertThat(w[i] - before[i]).isEqualTo(F.toFixed(alpha * F.toDouble(v[i])));
        }
        F.subtractScaledInPlace(w, alpha, v, from, to);

        assertThat(w).containsExactly(before);
    }

    @Property
    void gradientUpdateIsUndoneExactly(@ForAll @Size(min = 1, max = 40) double[] grad,
            @ForAll @LongRange(min = -(1L << 60), max = 1L << 60) long v0,
            @ForAll @DoubleRange(min = 0, max = 1) @Scale(15) double scale) {
        double[] g = Arrays.stream(grad).map(x -> Double.isFinite(x) ? Math.max(-100, Math.min(100, x)) : 0).toArray();
        long[] v = new long[g.length];
        Arrays.fill(v, v0);

        F.subtractScaledInPlace(v, scale, g, 0, g.length);
        for (int i = 0; i < g.length; i++) {
            assertThat(v0 - v[i]).isEqualTo(F.toFixed(scale * g[i]));
        }
        F.addScaledInPlace(v, scale, g, 0, g.length);

        assertThat(v).containsOnly(v0);
    }

    @Test
    void bulkConversionRoundTripsFixedPointValues() {
        long[] q = {0, 1, -1, MAX >> 11, MIN >> 11, 12345678901L};
        double[] x = new double[q.length];
        long[] back = new long[q.length];

        F.toDouble(q, x);
        F.toFixed(x, back);

        assertThat(back).containsExactly(q);
    }

    private static long[] clampToRange(long[] a, long bound) {
        return Arrays.stream(a).map(x -> Math.max(-bound, Math.min(bound, x))).toArray();
    }
}
