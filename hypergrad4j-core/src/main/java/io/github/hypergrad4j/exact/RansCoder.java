package io.github.hypergrad4j.exact;

/**
 * Range-ANS coding of single digits into a 64-bit head, with 32-bit renormalisation through a
 * {@link WordStack}. A head always lies in the window {@code [L, 2^32 L)} with {@code L = 2^31},
 * which fits a signed long.
 *
 * <p>Two kinds of digit: uniform digits of base {@code 2^16}, coded exactly by shifting (frequency 1
 * at precision {@code 2^16}), and uniform digits of base {@code n} with the frequencies of {@link
 * UniformFrequencies} at precision {@code M = 2^24}. Mixing precisions is fine because every digit
 * is popped with the same table it was pushed with.
 *
 * <p><b>Why pop exactly undoes push, renormalisation included.</b> Pushing a digit of frequency
 * {@code f} at precision {@code M} first spills the low 32 bits iff {@code x >= (L / M) 2^32 f},
 * which leaves {@code x} in {@code [(L / M) f, (L / M) 2^32 f)}, then maps {@code x} to {@code
 * floor(x / f) M + (x mod f) + start}, which lies in the window again. Popping maps it back with
 * {@code f floor(x / M) + (x mod M) - start} (the same {@code x}, in {@code [(L / M) f, (L / M) 2^32
 * f)}), and that is below {@code L} iff the push had spilled, because {@code (L / M) f <= L} and
 * the unspilled values start at {@code L}; so the pop refills exactly when the push spilled. Pushing
 * after popping mirrors the same argument. Every method is O(1) with at most one stack operation.
 */
final class RansCoder {
    static final long HEAD_LOW = 1L << 31;
    private static final int WORD_BITS = 32;
    private static final long WORD_MASK = 0xFFFF_FFFFL;
    private static final int UNIFORM_BITS = RationalFactor.DENOMINATOR_BITS;
    private static final long UNIFORM_MASK = (1L << UNIFORM_BITS) - 1;
    /** {@code (L / 2^16) 2^32}: a head at or above this spills before taking a 16-bit digit. */
    private static final long UNIFORM_SPILL = HEAD_LOW << (WORD_BITS - UNIFORM_BITS);
    /** {@code log2((L / M) 2^32)}: a head at or above {@code f} shifted left by this spills. */
    private static final int SPILL_SHIFT = 31 - UniformFrequencies.PRECISION_BITS + WORD_BITS;

    private RansCoder() {
    }

    /** The head after pushing the 16-bit digit {@code digit} in {@code [0, 2^16)}. */
    static long pushUniform(long x, long digit, WordStack stack) {
        if (x >= UNIFORM_SPILL) {
            stack.push((int) x);
            x >>>= WORD_BITS;
        }
        return (x << UNIFORM_BITS) | digit;
    }

    /** The 16-bit digit on top of head {@code x}, which {@link #popUniform} removes. */
    static long peekUniform(long x) {
        return x & UNIFORM_MASK;
    }

    /** The head after removing its top 16-bit digit. */
    static long popUniform(long x, WordStack stack) {
        x >>>= UNIFORM_BITS;
        if (x < HEAD_LOW) {
            x = (x << WORD_BITS) | (stack.pop() & WORD_MASK);
        }
        return x;
    }

    /** The head after pushing digit {@code s} in {@code [0, n)} of the table's base {@code n}. */
    static long push(long x, int s, UniformFrequencies table, WordStack stack) {
        int start = table.start(s);
        int f = table.start(s + 1) - start;
        // x >= f 2^39, written so that f = 2^24 (base 1) cannot overflow to 2^63.
        if ((x >>> SPILL_SHIFT) >= f) {
            stack.push((int) x);
            x >>>= WORD_BITS;
        }
        long q = table.divideByFrequency(x, f);
        return (q << UniformFrequencies.PRECISION_BITS) + (x - q * f) + start;
    }

    /** The base-{@code n} digit on top of head {@code x}, which {@link #pop} removes. */
    static int peek(long x, UniformFrequencies table) {
        return table.digitOf(x & UniformFrequencies.PRECISION_MASK);
    }

    /** The head after removing its top digit {@code s}, which must be {@code peek(x, table)}. */
    static long pop(long x, int s, UniformFrequencies table, WordStack stack) {
        int start = table.start(s);
        int f = table.start(s + 1) - start;
        x = f * (x >>> UniformFrequencies.PRECISION_BITS) + (x & UniformFrequencies.PRECISION_MASK) - start;
        if (x < HEAD_LOW) {
            x = (x << WORD_BITS) | (stack.pop() & WORD_MASK);
        }
        return x;
    }
}
