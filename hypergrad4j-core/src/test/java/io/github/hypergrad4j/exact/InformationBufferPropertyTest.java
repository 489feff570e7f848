package io.github.hypergrad4j.exact;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Drives the buffer alone with random sequences of multiplications and divisions over random
 * index ranges, then unwinds them in reverse: every intermediate state (values, heads, stack
 * words) must come back bit for bit, and the buffer must end empty.
 */
class InformationBufferPropertyTest {
    private static final long MIN = -(1L << 62);
    private static final long MAX = (1L << 62) - 1;
    private static final BigInteger D = BigInteger.valueOf(1 << 16);

    record Op(boolean multiply, int from, int to, RationalFactor beta) {}

    record Scenario(long[] values, List<Op> ops) {}

    /** Everything needed to compare a state with a later one. */
    record State(long[] values, long[] heads, int[] words, long borrowed) {
        static State of(long[] values, InformationBuffer buffer) {
            ArrayWordStack stack = (ArrayWordStack) buffer.stack();
            return new State(values.clone(), buffer.headsCopy(), stack.storedWordsCopy(), stack.borrowedWords());
        }

        void assertEquals(State expected) {
            assertThat(values).containsExactly(expected.values);
            assertThat(heads).containsExactly(expected.heads);
            assertThat(words).containsExactly(expected.words);
            assertThat(borrowed).isEqualTo(expected.borrowed);
        }
    }

    @Property(tries = 400)
    void unwindingInReverseRestoresEveryIntermediateState(@ForAll("scenarios") Scenario scenario) {
        long[] c = scenario.values().clone();
        InformationBuffer buffer = new InformationBuffer(c.length);
        List<State> before = new ArrayList<>();
        List<Op> applied = new ArrayList<>();

        for (Op planned : scenario.ops()) {
            // A division may legitimately overflow (c d / n too large); run those as multiplications.
            Op op = planned.multiply() || divisionFits(c, planned) ? planned
                    : new Op(true, planned.from(), planned.to(), planned.beta());
            before.add(State.of(c, buffer));
            applied.add(op);
            apply(buffer, c, op, false);
            assertResultsNearTheTrueQuotientOrProduct(before.get(before.size() - 1).values(), c, op);
        }
        // The zero floor of the word stack must actually be exercised, not just present.
        Statistics.label("borrowed below the bottom").collect(((ArrayWordStack) buffer.stack()).borrowedWords() > 0);
        Statistics.label("borrowed below the bottom").coverage(check -> check.check(true).percentage(pct -> pct > 5));

        for (int k = applied.size() - 1; k >= 0; k--) {
            apply(buffer, c, applied.get(k), true);
            State.of(c, buffer).assertEquals(before.get(k));
        }

        assertThat(c).containsExactly(scenario.values());
        assertThat(buffer.isAtInitialState()).isTrue();
    }

    private static void apply(InformationBuffer buffer, long[] c, Op op, boolean inverse) {
        if (op.multiply() != inverse) {
            buffer.multiplyInPlace(c, op.from(), op.to(), op.beta());
        } else {
            buffer.divideInPlace(c, op.from(), op.to(), op.beta());
        }
    }

    private static boolean divisionFits(long[] c, Op op) {
        for (int i = op.from(); i < op.to(); i++) {
            long q = Math.floorDiv(c[i], op.beta().numerator());
            if (q < -(1L << 46) || q >= 1L << 46) {
                return false;
            }
        }
        return true;
    }

    /**
     * Multiplying gives floor(c / d) n + s with s in [0, n), so it is within n units of c n / d;
     * dividing gives floor(c / n) d + digit, within d units of c d / n.
     */
    private static void assertResultsNearTheTrueQuotientOrProduct(long[] in, long[] out, Op op) {
        long n = op.beta().numerator();
        long d = 1 << 16;
        BigInteger bn = BigInteger.valueOf(n);
        for (int i = op.from(); i < op.to(); i++) {
            long base = op.multiply() ? Math.floorDiv(in[i], d) * n : Math.floorDiv(in[i], n) * d;
            long width = op.multiply() ? n : d;
            assertThat(out[i]).isBetween(base, base + width - 1);
            // |out d - in n| < n d for multiply, |out n - in d| < n d for divide
            BigInteger error = op.multiply()
                    ? BigInteger.valueOf(out[i]).multiply(D).subtract(BigInteger.valueOf(in[i]).multiply(bn))
                    : BigInteger.valueOf(out[i]).multiply(bn).subtract(BigInteger.valueOf(in[i]).multiply(D));
            assertThat(error.abs()).isLessThan(bn.multiply(D));
            assertThat(FixedPointFormat.isInRange(out[i])).isTrue();
        }
        for (int i = 0; i < in.length; i++) {
            if (i < op.from() || i >= op.to()) {
                assertThat(out[i]).isEqualTo(in[i]);
            }
        }
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        return Arbitraries.integers().between(1, 40).flatMap(p -> Combinators
                .combine(values().array(long[].class).ofSize(p), operation(p).list().ofMaxSize(80))
                .as(Scenario::new));
    }

    private static Arbitrary<Long> values() {
        return Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.of(0L, 1L, -1L, MIN, MAX, 65535L, -65536L)),
                Tuple.of(3, Arbitraries.longs().between(MIN, MAX)),
                Tuple.of(3, Arbitraries.longs().between(-(1L << 53), 1L << 53)), // |x| < 2 in 52-bit fixed point
                Tuple.of(1, Arbitraries.longs().between(-100_000, 100_000)));
    }

    private static Arbitrary<Op> operation(int p) {
        Arbitrary<int[]> range = Arbitraries.integers().between(0, p).list().ofSize(2)
                .map(ab -> new int[] {Math.min(ab.get(0), ab.get(1)), Math.max(ab.get(0), ab.get(1))});
        return Combinators.combine(Arbitraries.integers().between(0, 9).map(k -> k < 7), range, betas())
                .as((multiply, r, beta) -> new Op(multiply, r[0], r[1], beta));
    }

    private static Arbitrary<RationalFactor> betas() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.doubles().between(0.001, 0.01).ofScale(9).map(RationalFactor::of)),
                Tuple.of(3, Arbitraries.doubles().between(0.99, 0.9999).ofScale(9).map(RationalFactor::of)),
                Tuple.of(3, Arbitraries.integers().between(1, 65535).map(RationalFactor::ofNumerator)),
                Tuple.of(1, Arbitraries.of(1, 2, 3, 32768, 65534, 65535).map(RationalFactor::ofNumerator)));
    }
}
