package io.github.hypergrad4j.exact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class UniformFrequenciesTest {
    private static final long M = 1L << 24;

    /** Every base n the factors can have, against plain long division. */
    @Test
    void startsMatchTheDefinitionForEveryBase() {
        SplittableRandom rnd = new SplittableRandom(1);
        for (int n = 1; n < 1 << 16; n++) {
            UniformFrequencies table = new UniformFrequencies(n);
            long low = M / n;
            for (int s : new int[] {0, 1, n / 2, n - 1, n, rnd.nextInt(n)}) {
                assertThat(table.start(s)).as("n=%d s=%d", n, s).isEqualTo(ceilDiv(s * M, n));
            }
            int s = rnd.nextInt(n);
            int f = table.start(s + 1) - table.start(s);
            assertThat(f).isBetween((int) low, (int) low + 1);
            assertThat(table.start(n)).isEqualTo((int) M);
        }
    }

    @Property
    void everySlotBelongsToTheDigitWhoseRangeHoldsIt(@ForAll @IntRange(min = 1, max = 65535) int n,
            @ForAll @LongRange(min = 0, max = (1L << 24) - 1) long cf) {
        UniformFrequencies table = new UniformFrequencies(n);

        int s = table.digitOf(cf);

        assertThat(s).isBetween(0, n - 1);
        assertThat((long) table.start(s)).isLessThanOrEqualTo(cf);
        assertThat((long) table.start(s + 1)).isGreaterThan(cf);
    }

    @Property
    void divisionByAFrequencyIsExact(@ForAll @IntRange(min = 1, max = 65535) int n,
            @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long x, @ForAll boolean high) {
        UniformFrequencies table = new UniformFrequencies(n);
        int f = (int) (M / n) + (high ? 1 : 0);

        assertThat(table.divideByFrequency(x, f)).isEqualTo(x / f);
        long nearMultiple = Math.max(0, x - x % f - (high ? 1 : 0));
        assertThat(table.divideByFrequency(nearMultiple, f)).isEqualTo(nearMultiple / f);
    }

    @Property
    void floorDivisionByTheBaseMatchesMathFloorDiv(@ForAll @IntRange(min = 1, max = 65535) int n,
            @ForAll @LongRange(min = -(1L << 62), max = (1L << 62) - 1) long c) {
        UniformFrequencies table = new UniformFrequencies(n);

        assertThat(table.floorDivide(c)).isEqualTo(Math.floorDiv(c, n));
        for (long edge : new long[] {-(1L << 62), (1L << 62) - 1, -1, 0, (long) n, -(long) n, n - 1L, -n - 1L}) {
            assertThat(table.floorDivide(edge)).isEqualTo(Math.floorDiv(edge, n));
        }
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }
}
