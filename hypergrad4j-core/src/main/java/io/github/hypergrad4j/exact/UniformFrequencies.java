package io.github.hypergrad4j.exact;

/**
 * rANS frequencies for a uniform digit of base {@code n} in {@code [1, 2^16)} at precision {@code
 * M = 2^24}, computed on demand instead of stored, plus division by {@code n} for the reverse pass.
 *
 * <p>Digit {@code s} owns the slots {@code [start(s), start(s + 1))} of {@code [0, M)} with {@code
 * start(s) = ceil(s M / n)}. The slot {@code cf} belongs to digit {@code floor(cf n / M)}, because
 * {@code start(s) <= cf} iff {@code s M / n <= cf} iff {@code s <= cf n / M}. Every frequency is
 * {@code floor(M / n)} or {@code ceil(M / n)}, at least 256, so the coded probabilities are within
 * 0.4% of {@code 1 / n} and a digit costs almost exactly {@code log2 n} bits.
 *
 * <p>All divisions by a loop-invariant number go through a precomputed reciprocal and {@link
 * Math#multiplyHigh}; the comments give the error bounds that make each quotient exact.
 */
final class UniformFrequencies {
    static final int PRECISION_BITS = 24;
    static final long PRECISION_MASK = (1L << PRECISION_BITS) - 1;

    private final int n;
    /** {@code ceil(2^62 / n)}, for {@link #start(int)}. */
    private final long startReciprocal;
    private final int lowFrequency;
    /** {@code floor((2^64 - 1) / f)} for {@code f = lowFrequency}. */
    private final long lowReciprocal;
    /** The reciprocal for {@code f = lowFrequency + 1} minus {@link #lowReciprocal}. */
    private final long reciprocalStep;
    /** {@code floor((2^63 - 1) / n)}, for {@link #floorDivide(long)}. */
    private final long numeratorReciprocal;

    UniformFrequencies(int n) {
        this.n = n;
        long twoTo62 = 1L << 62;
        this.startReciprocal = twoTo62 / n + (twoTo62 % n == 0 ? 0 : 1);
        this.lowFrequency = (1 << PRECISION_BITS) / n;
        this.lowReciprocal = Long.divideUnsigned(-1L, lowFrequency);
        this.reciprocalStep = Long.divideUnsigned(-1L, lowFrequency + 1) - lowReciprocal;
        this.numeratorReciprocal = Long.MAX_VALUE / n;
    }

    /**
     * {@code ceil(s 2^24 / n)} for {@code s} in {@code [0, n]}. With {@code a = s 2^24 + n - 1 <
     * 2^41} and {@code r = ceil(2^62 / n) = (2^62 + e) / n}, {@code 0 <= e < n}: {@code a r / 2^62
     * = a / n + a e / (n 2^62)}, and the second term is below {@code 2^-21}, too small to carry
     * {@code a / n} (whose fraction is at most {@code 1 - 1/n <= 1 - 2^-16}) past an integer.
     */
    int start(int s) {
        long a = ((long) s << PRECISION_BITS) + n - 1;
        return (int) Math.multiplyHigh(a << 2, startReciprocal);
    }

    /** The digit owning slot {@code cf} in {@code [0, 2^24)}: {@code floor(cf n / 2^24)}. */
    int digitOf(long cf) {
        return (int) ((cf * n) >>> PRECISION_BITS);
    }

    /**
     * {@code floor(x / f)} for {@code x} in {@code [0, 2^63)} and {@code f} a frequency of this
     * table. The reciprocal {@code floor((2^64 - 1) / f)} underestimates {@code 2^64 / f} by less
     * than 2, so the estimate {@code floor(x r / 2^64)} is the quotient or one less (the error is
     * below {@code 2 x / 2^64 < 1}); one comparison of the remainder corrects it.
     */
    long divideByFrequency(long x, int f) {
        // Pick the reciprocal without a branch: the two frequencies alternate unpredictably, and
        // lowFrequency - f is 0 or -1 (all ones), a mask for the step.
        long q = Math.multiplyHigh(x, lowReciprocal + ((long) (lowFrequency - f) & reciprocalStep));
        // A branch, not bit tricks: the estimate is almost always exact, so it predicts well.
        if (x - q * f >= f) {
            q++;
        }
        return q;
    }

    /**
     * {@code floor(c / n)} for {@code c} in {@code [-2^62, 2^62)}. For negative {@code c}, {@code
     * floor(c / n) = ~floor(~c / n)} with {@code ~c = -c - 1 >= 0}, so one unsigned division serves
     * both signs. For {@code u} in {@code [0, 2^62)} the reciprocal {@code floor((2^63 - 1) / n)}
     * gives {@code floor(u r / 2^63)}, the quotient or one less (error below {@code 2u / 2^63 <
     * 1}), corrected by one comparison.
     */
    long floorDivide(long c) {
        long sign = c >> 63;
        long u = c ^ sign;
        long q = Math.multiplyHigh(u << 1, numeratorReciprocal);
        if (u - q * n >= n) {
            q++;
        }
        return q ^ sign;
    }
}
