package io.github.hypergrad4j.exact;

import java.util.Objects;

/**
 * Signed int64 fixed-point numbers with a given number of fraction bits: the real value of {@code
 * q} is {@code q / 2^fractionBits}. This is how the trainer stores weights and velocities, because
 * adding and subtracting fixed-point numbers is exact and therefore undoable bit for bit.
 *
 * <p><b>Range.</b> A valid fixed-point value lies in {@code [-2^62, 2^62)}, i.e. its two top bits
 * agree. The bit of headroom means the sum of two valid values never wraps around 64 bits, so one
 * range check on a result detects every overflow (see {@link #isInRange(long)}). With the default
 * 52 fraction bits the largest magnitude is {@code 2^10 = 1024}.
 *
 * <p><b>Conversion.</b> {@code toFixed(x) = (long) (x * 2^fractionBits)}: multiplication by a power
 * of two is exact, and the cast truncates toward zero. It is deterministic and needs no rounding
 * mode, which is all reversibility asks: the reverse pass converts the same double to the same
 * long. It accepts {@code |x| < maxMagnitude()} (symmetric, so {@code toFixed(-x) == -toFixed(x)});
 * NaN, infinities and larger magnitudes raise {@link FixedPointOverflowException}.
 *
 * <p><b>Bulk operations</b> work on the index range {@code [from, to)} and modify only the array
 * named in the method ({@code ...InPlace} modifies its first argument). If one throws, elements
 * {@code [from, index)} have been updated and the element at the exception's index and above are
 * untouched. Immutable and thread-safe.
 */
public final class FixedPointFormat {
    /** The trainer's format: 52 fraction bits, range {@code |x| < 1024}, resolution {@code 2^-52}. */
    public static final FixedPointFormat DEFAULT = new FixedPointFormat(52);

    /** {@code 2^62} as a double: converted values must lie strictly inside {@code (-LIMIT, LIMIT)}. */
    private static final double LIMIT = 0x1p62;

    private final int fractionBits;
    private final double scale;
    private final double ulp;

    private FixedPointFormat(int fractionBits) {
        this.fractionBits = fractionBits;
        this.scale = Math.scalb(1.0, fractionBits);
        this.ulp = Math.scalb(1.0, -fractionBits);
    }

    /**
     * A format with {@code fractionBits} in {@code [0, 62]} bits after the binary point.
     *
     * @param fractionBits bits after the binary point: more is finer resolution and a smaller range
     * @return the format; the shared {@link #DEFAULT} for 52
     * @throws IllegalArgumentException outside [0, 62]
     */
    public static FixedPointFormat withFractionBits(int fractionBits) {
        if (fractionBits < 0 || fractionBits > 62) {
            throw new IllegalArgumentException("fraction bits must be in [0, 62], got " + fractionBits
                    + "; the default is 52");
        }
        return fractionBits == 52 ? DEFAULT : new FixedPointFormat(fractionBits);
    }

    /**
     * The number of bits after the binary point.
     *
     * @return in [0, 62]
     */
    public int fractionBits() {
        return fractionBits;
    }

    /**
     * Valid values are the reals in {@code [-maxMagnitude(), maxMagnitude())}; conversion accepts
     * {@code |x| < maxMagnitude()}.
     *
     * @return {@code 2^(62 - fractionBits)}
     */
    public double maxMagnitude() {
        return LIMIT * ulp;
    }

    /**
     * The real value of one unit in the last place, {@code 2^-fractionBits}.
     *
     * @return the smallest positive value, {@code 2^-fractionBits}
     */
    public double resolution() {
        return ulp;
    }

    /**
     * Whether {@code q} is a valid fixed-point value, i.e. in {@code [-2^62, 2^62)}. Adding a valid
     * value to any long either gives the true sum or wraps to a value that fails this test,
     * because a wrapped sum is off by {@code 2^64} and lands at least {@code 2^62} from zero.
     *
     * @param q a raw fixed-point value
     * @return true if {@code q} is in {@code [-2^62, 2^62)}
     */
    public static boolean isInRange(long q) {
        return (q ^ (q << 1)) >= 0;
    }

    /**
     * {@code (long) (x * 2^fractionBits)}, truncated toward zero.
     *
     * @throws FixedPointOverflowException if {@code x} is NaN, infinite or out of range (the
     *     exception's index is -1)
     * @param x a real number
     * @return its fixed-point representation
     */
    public long toFixed(double x) {
        double y = x * scale;
        if (!(Math.abs(y) < LIMIT)) {
            throw overflow(-1, x);
        }
        return (long) y;
    }

    /**
     * The real value of {@code q}, rounded to the nearest double when {@code q} needs more than 53 bits.
     *
     * @param q a fixed-point value
     * @return the nearest double
     */
    public double toDouble(long q) {
        return q * ulp;
    }

    /**
     * Writes {@code dst[i] = toFixed(src[i])} for every index; the arrays must have equal length.
     *
     * @param src the real values
     * @param dst receives their fixed-point values; modified
     */
    public void toFixed(double[] src, long[] dst) {
        requireSameLength(src.length, dst.length);
        toFixed(src, dst, 0, src.length);
    }

    /**
     * Writes {@code dst[i] = toFixed(src[i])} for {@code i} in {@code [from, to)}.
     *
     * @throws FixedPointOverflowException naming the first index whose value cannot be converted
     * @param src the real values
     * @param dst receives their fixed-point values; modified in [from, to)
     * @param from first index, inclusive
     * @param to last index, exclusive
     */
    public void toFixed(double[] src, long[] dst, int from, int to) {
        checkRange(from, to, src.length, dst.length);
        for (int i = from; i < to; i++) {
            double y = src[i] * scale;
            if (!(Math.abs(y) < LIMIT)) {
                throw overflow(i, src[i]);
            }
            dst[i] = (long) y;
        }
    }

    /**
     * Writes {@code dst[i] = toDouble(src[i])} for every index; the arrays must have equal length.
     *
     * @param src fixed-point values
     * @param dst receives their real values; modified
     */
    public void toDouble(long[] src, double[] dst) {
        requireSameLength(src.length, dst.length);
        toDouble(src, dst, 0, src.length);
    }

    /**
     * Writes {@code dst[i] = toDouble(src[i])} for {@code i} in {@code [from, to)}.
     *
     * @param src fixed-point values
     * @param dst receives their real values; modified in [from, to)
     * @param from first index, inclusive
     * @param to last index, exclusive
     */
    public void toDouble(long[] src, double[] dst, int from, int to) {
        checkRange(from, to, src.length, dst.length);
        for (int i = from; i < to; i++) {
            dst[i] = src[i] * ulp;
        }
    }

    /**
     * {@code w[i] += toFixed(alpha * toDouble(v[i]))} for {@code i} in {@code [from, to)}: the
     * weight update. Modifies {@code w} only; {@link #subtractScaledInPlace(long[], double, long[],
     * int, int)} with the same {@code alpha} and {@code v} undoes it exactly.
     *
     * @throws IllegalArgumentException if {@code w} and {@code v} are the same array (the update
     *     could not be undone)
     * @throws FixedPointOverflowException if a step or a sum leaves the range
     * @param w the weights, fixed point; modified
     * @param alpha the learning rate
     * @param v the velocity, fixed point; read only
     * @param from first index, inclusive
     * @param to last index, exclusive
     * @throws FixedPointOverflowException if a weight leaves the range
     */
    public void addScaledInPlace(long[] w, double alpha, long[] v, int from, int to) {
        accumulate(w, alpha, v, from, to);
    }

    /**
     * {@code w[i] -= toFixed(alpha * toDouble(v[i]))} for {@code i} in {@code [from, to)}: the exact
     * inverse of {@link #addScaledInPlace(long[], double, long[], int, int)}. Modifies {@code w}.
     *
     * @param w the weights, fixed point; modified
     * @param alpha the learning rate used forwards
     * @param v the velocity the forward step used; read only
     * @param from first index, inclusive
     * @param to last index, exclusive
     */
    public void subtractScaledInPlace(long[] w, double alpha, long[] v, int from, int to) {
        accumulate(w, -alpha, v, from, to); // see accumulate: negating the factor negates the step exactly
    }

    /**
     * {@code v[i] += toFixed(scale * grad[i])} for {@code i} in {@code [from, to)}: undoes {@link
     * #subtractScaledInPlace(long[], double, double[], int, int)} given the same {@code scale} and
     * bit-identical {@code grad}. Modifies {@code v}.
     *
     * @param v the velocity, fixed point; modified
     * @param scale the factor of the gradient, {@code 1 - beta}
     * @param grad the gradient recomputed at w_t
     * @param from first index, inclusive
     * @param to last index, exclusive
     */
    public void addScaledInPlace(long[] v, double scale, double[] grad, int from, int to) {
        accumulate(v, scale, grad, from, to);
    }

    /**
     * {@code v[i] -= toFixed(scale * grad[i])} for {@code i} in {@code [from, to)}: the velocity's
     * gradient term, with {@code scale = 1 - beta}. Modifies {@code v}.
     *
     * @param v the velocity, fixed point; modified
     * @param scale {@code 1 - beta}
     * @param grad the gradient at w_t
     * @param from first index, inclusive
     * @param to last index, exclusive
     * @throws FixedPointOverflowException if a velocity leaves the range
     */
    public void subtractScaledInPlace(long[] v, double scale, double[] grad, int from, int to) {
        accumulate(v, -scale, grad, from, to);
    }

    /**
     * {@code target[i] += toFixed(factor * toDouble(source[i]))}. Subtraction calls this with
     * {@code -factor}, which gives exactly the negated step: IEEE negation is exact, rounding to
     * nearest is symmetric in sign, the cast truncates toward zero, and the range check is
     * symmetric, so {@code toFixed(-a x) == -toFixed(a x)} bit for bit.
     */
    private void accumulate(long[] target, double factor, long[] source, int from, int to) {
        checkDistinct(target, source);
        checkRange(from, to, target.length, source.length);
        for (int i = from; i < to; i++) {
            double y = factor * (source[i] * ulp) * scale;
            if (!(Math.abs(y) < LIMIT)) {
                throw overflow(i, y * ulp);
            }
            long sum = target[i] + (long) y;
            if (!isInRange(sum)) {
                throw overflow(i, target[i] * ulp + y * ulp);
            }
            target[i] = sum;
        }
    }

    /** {@code target[i] += toFixed(factor * source[i])}; the same reasoning for negated factors. */
    private void accumulate(long[] target, double factor, double[] source, int from, int to) {
        checkRange(from, to, target.length, source.length);
        for (int i = from; i < to; i++) {
            double y = factor * source[i] * scale;
            if (!(Math.abs(y) < LIMIT)) {
                throw overflow(i, factor * source[i]);
            }
            long sum = target[i] + (long) y;
            if (!isInRange(sum)) {
                throw overflow(i, target[i] * ulp + y * ulp);
            }
            target[i] = sum;
        }
    }

    /** Built out of line so that the loops stay small. */
    private FixedPointOverflowException overflow(int index, double value) {
        return new FixedPointOverflowException(index, value, maxMagnitude());
    }

    private static void checkRange(int from, int to, int length1, int length2) {
        Objects.checkFromToIndex(from, to, length1);
        Objects.checkFromToIndex(from, to, length2);
    }

    private static void requireSameLength(int a, int b) {
        if (a != b) {
            throw new IllegalArgumentException("source has " + a + " elements but destination has " + b);
        }
    }

    private static void checkDistinct(long[] w, long[] v) {
        if (w == v) {
            throw new IllegalArgumentException("the updated array and the velocity must be different arrays,"
                    + " otherwise the update cannot be undone");
        }
    }

    @Override
    public String toString() {
        return "FixedPointFormat[fractionBits=" + fractionBits + "]";
    }
}
