package io.github.hypergrad4j.exact;

import java.util.Arrays;
import java.util.Objects;

/**
 * Exactly reversible multiplication of fixed-point values by a {@link RationalFactor} {@code n/d}
 * ({@code d = 2^16}): Algorithm 3 of Maclaurin, Duvenaud &amp; Adams (2015), with the bits that the
 * multiplication destroys kept in range-ANS coded form.
 *
 * <p>State: one 64-bit head per parameter (in {@code [2^31, 2^63)}, initially {@code 2^31}) and one
 * {@link WordStack} shared by all parameters. Multiplying value {@code c} of parameter {@code i}:
 * push {@code c mod d} as a uniform 16-bit digit onto head {@code i}, {@code c = c div d}, {@code c =
 * c n + s} where {@code s} is a digit in {@code [0, n)} popped from head {@code i}. Division runs
 * the same steps backwards with {@code n} and {@code d} swapped. Each costs O(1) and stores about
 * {@code log2(d / n)} bits net: 16 bits in, {@code log2 n} bits out.
 *
 * <p>Because every head spills to and refills from the same stack, calls must be undone in exactly
 * the reverse order: {@link #multiplyInPlace} visits indices ascending, {@link #divideInPlace}
 * descending, and {@code divideInPlace} with the same arguments undoes the latest {@code
 * multiplyInPlace}, and vice versa. Any interleaving of both is allowed, as long as it is unwound
 * in reverse.
 *
 * <p>The result of a multiplication differs from the true product {@code c n / d} by less than
 * {@code n} units in the last place (the digit {@code s} replaces {@code (c mod d) n / d}); with 52
 * fraction bits that is below {@code 2^-36}. Not thread-safe.
 */
public final class InformationBuffer {
    private static final double LOG2 = Math.log(2);
    private static final double HEAD_SCALE = 1.0 / RansCoder.HEAD_LOW;
    /** Below this quotient, {@code q 2^16 + digit} is a valid fixed-point value. */
    private static final long QUOTIENT_LIMIT = 1L << (62 - RationalFactor.DENOMINATOR_BITS);

    private final long[] heads;
    /** The index of the first parameter this buffer serves: {@code heads[i - first]} is parameter i's. */
    private final int first;
    private final FixedPointFormat format;
    private final WordStack stack;
    private long multiplies;

    /**
     * A buffer for {@code parameterCount} parameters in the {@linkplain FixedPointFormat#DEFAULT
     * default format}, with an in-memory word stack.
     */
    public InformationBuffer(int parameterCount) {
        this(parameterCount, FixedPointFormat.DEFAULT, new ArrayWordStack());
    }

    /**
     * A buffer for {@code parameterCount} parameters storing spilled words in {@code stack}, which
     * must be empty and is owned by this buffer from now on. The {@code format} of the values is
     * used only to report overflows as real numbers; the arithmetic does not depend on it.
     */
    public InformationBuffer(int parameterCount, FixedPointFormat format, WordStack stack) {
        this(0, parameterCount, format, stack);
    }

    /**
     * A buffer for the {@code parameterCount} parameters from index {@code firstIndex} on (a
     * contiguous part of a larger vector, indexed as in that vector), storing spilled words in {@code
     * stack}, which must be empty and is owned by this buffer from now on. A trainer that gives
     * each part of the parameters a buffer of its own keeps one head per parameter in all.
     */
    public InformationBuffer(int firstIndex, int parameterCount, FixedPointFormat format, WordStack stack) {
        if (parameterCount < 0 || firstIndex < 0) {
            throw new IllegalArgumentException("first index and parameter count must be non-negative, got "
                    + firstIndex + " and " + parameterCount);
        }
        if (!stack.isEmpty()) {
            throw new IllegalArgumentException("the word stack must start empty, got " + stack);
        }
        this.heads = new long[parameterCount];
        this.first = firstIndex;
        this.format = format;
        this.stack = stack;
        Arrays.fill(heads, RansCoder.HEAD_LOW);
    }

    public int parameterCount() {
        return heads.length;
    }

    /**
     * Multiplies {@code c[i]} by {@code beta} for {@code i} in {@code [from, to)}, ascending, storing
     * the lost bits in this buffer. Modifies {@code c[from, to)} and this buffer. Each result lies
     * in {@code [floor(c / d) n, floor(c / d) n + n)}, so it stays a valid fixed-point value.
     *
     * @throws FixedPointOverflowException if an input is not a valid fixed-point value (elements
     *     below its index have been multiplied)
     */
    public void multiplyInPlace(long[] c, int from, int to, RationalFactor beta) {
        checkRange(c, from, to);
        UniformFrequencies table = new UniformFrequencies(beta.numerator());
        long n = beta.numerator();
        for (int i = from; i < to; i++) {
            long value = c[i];
            if (!FixedPointFormat.isInRange(value)) {
                multiplies += i - from; // the elements already done, so that undoing them balances
                throw overflow(i, format.toDouble(value));
            }
            long x = RansCoder.pushUniform(heads[i - first], value & 0xFFFF, stack);
            int s = RansCoder.peek(x, table);
            heads[i - first] = RansCoder.pop(x, s, table, stack);
            c[i] = (value >> RationalFactor.DENOMINATOR_BITS) * n + s;
        }
        multiplies += to - from;
    }

    /**
     * Divides {@code c[i]} by {@code beta} for {@code i} in {@code [from, to)}, descending, taking
     * the bits that the matching {@link #multiplyInPlace} stored. Modifies {@code c[from, to)} and
     * this buffer. Given the output of {@code multiplyInPlace(c, from, to, beta)} it restores the
     * input and this buffer bit for bit.
     *
     * @throws FixedPointOverflowException if an input is not a valid fixed-point value or its
     *     quotient would leave the range; the exception's value is the would-be quotient {@code c /
     *     beta}, and the elements above its index have been divided
     */
    public void divideInPlace(long[] c, int from, int to, RationalFactor beta) {
        checkRange(c, from, to);
        UniformFrequencies table = new UniformFrequencies(beta.numerator());
        long n = beta.numerator();
        // Why this undoes multiplyInPlace: that produced value = floor(c / d) n + s with s in [0, n),
        // so floor(value / n) = floor(c / d) and value mod n = s. Pushing s back restores the head
        // as it was after the 16-bit push (RansCoder: push undoes pop), whose top digit is c mod d,
        // and popping it restores the head before; floor(c / d) d + (c mod d) = c.
        for (int i = to - 1; i >= from; i--) {
            long value = c[i];
            long q = table.floorDivide(value); // meaningless for an invalid value, which fails below anyway
            if (!FixedPointFormat.isInRange(value) || q < -QUOTIENT_LIMIT || q >= QUOTIENT_LIMIT) {
                multiplies -= to - 1 - i; // the elements already done, so that undoing them balances
                throw overflow(i, format.toDouble(value) / beta.value());
            }
            long x = RansCoder.push(heads[i - first], (int) (value - q * n), table, stack);
            long digit = RansCoder.peekUniform(x);
            heads[i - first] = RansCoder.popUniform(x, stack);
            c[i] = (q << RationalFactor.DENOMINATOR_BITS) | digit;
        }
        multiplies -= to - from;
    }

    /**
     * The information this buffer holds, in bits: 32 per word on the stack (net of borrowed floor
     * words) plus {@code log2(head / 2^31)} per head. O(parameter count).
     */
    public double storedBits() {
        double bits = 32.0 * stack.depth();
        for (long head : heads) {
            bits += Math.log(head * HEAD_SCALE) / LOG2; // exactly 0 for a head at its initial value
        }
        return bits;
    }

    /** Elements multiplied minus elements divided since the buffer was empty. */
    public long netMultiplies() {
        return multiplies;
    }

    /**
     * {@link #storedBits()} per element multiplied: with one multiplication per parameter per
     * step, the bits stored per parameter per step. Compare with {@link
     * RationalFactor#idealBitsPerMultiply()}. NaN before any multiplication.
     */
    public double bitsPerMultiply() {
        return multiplies == 0 ? Double.NaN : storedBits() / multiplies;
    }

    /** Whether every head and the stack are in their initial state, as after a full reverse pass. */
    public boolean isAtInitialState() {
        if (!stack.isEmpty() || multiplies != 0) {
            return false;
        }
        for (long head : heads) {
            if (head != RansCoder.HEAD_LOW) {
                return false;
            }
        }
        return true;
    }

    /**
     * Throws unless the buffer is back in its initial state. The trainer calls this after the
     * reverse pass: anything left over means the reverse pass did not undo the forward pass.
     *
     * @throws IllegalStateException describing what is left
     */
    public void checkAtInitialState() {
        if (isAtInitialState()) {
            return;
        }
        int dirty = 0;
        int firstDirty = -1;
        for (int i = 0; i < heads.length; i++) {
            if (heads[i] != RansCoder.HEAD_LOW) {
                dirty++;
                firstDirty = firstDirty < 0 ? first + i : firstDirty;
            }
        }
        throw new IllegalStateException("the information buffer is not back to its initial state: "
                + dirty + " heads differ (first at index " + firstDirty + "), word stack " + stack
                + ", net multiplies " + multiplies + "; the reverse pass did not mirror the forward pass");
    }

    /** Empties the buffer: every head to its initial value, the stack cleared. */
    public void reset() {
        Arrays.fill(heads, RansCoder.HEAD_LOW);
        stack.clear();
        multiplies = 0;
    }

    /** A copy of the heads; for tests. */
    long[] headsCopy() {
        return heads.clone();
    }

    /** The word stack; for tests. */
    WordStack stack() {
        return stack;
    }

    private void checkRange(long[] c, int from, int to) {
        Objects.checkFromToIndex(from, to, c.length);
        if (from < to && (from < first || to - first > heads.length)) {
            throw new IndexOutOfBoundsException("range [" + from + ", " + to + ") outside this buffer's parameters ["
                    + first + ", " + (first + heads.length) + ")");
        }
    }

    private FixedPointOverflowException overflow(int index, double value) {
        return new FixedPointOverflowException(index, value, format.maxMagnitude());
    }

    @Override
    public String toString() {
        return "InformationBuffer[parameters=" + first + ".." + (first + heads.length) + ", stack=" + stack + "]";
    }
}
