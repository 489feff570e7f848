package io.github.hypergrad4j.exact;

/**
 * The momentum factor actually used by exact training: the fraction {@code n / 2^16} nearest to
 * the requested {@code beta}. The forward pass multiplies by it and the reverse pass divides by
 * it, both exactly (with the {@link InformationBuffer}), so hypergradients are with respect to
 * {@link #value()}, not the requested double. Immutable; equal numerators mean equal factors.
 */
public final class RationalFactor {
    /** The denominator {@code d = 2^16}, the same for every factor. */
    public static final int DENOMINATOR = 1 << 16;

    /** {@code log2(DENOMINATOR)}: the base-d digits are exactly this many bits. */
    static final int DENOMINATOR_BITS = 16;

    private final int numerator;

    private RationalFactor(int numerator) {
        this.numerator = numerator;
    }

    /**
     * The factor {@code n / 2^16} with {@code n = round(beta * 2^16)} clamped to {@code [1, 2^16 - 1]}.
     *
     * @throws IllegalArgumentException if {@code beta} is not strictly inside {@code (0, 1)}
     * @param beta the momentum, strictly inside (0, 1)
     * @return the nearest factor on the 2^-16 grid
     */
    public static RationalFactor of(double beta) {
        if (!(beta > 0.0 && beta < 1.0)) {
            throw new IllegalArgumentException("momentum beta must be in (0, 1), got " + beta + "; use e.g. 0.9");
        }
        long n = Math.round(beta * DENOMINATOR);
        return new RationalFactor((int) Math.max(1, Math.min(DENOMINATOR - 1, n)));
    }

    /**
     * The factor {@code numerator / 2^16} itself.
     *
     * @throws IllegalArgumentException if {@code numerator} is not in {@code [1, 2^16 - 1]}
     * @param numerator n, in [1, 2^16 - 1]
     * @return n / 2^16
     */
    public static RationalFactor ofNumerator(int numerator) {
        if (numerator < 1 || numerator >= DENOMINATOR) {
            throw new IllegalArgumentException("numerator must be in [1, " + (DENOMINATOR - 1) + "], got "
                    + numerator);
        }
        return new RationalFactor(numerator);
    }

    /**
     * {@code n}, in {@code [1, 2^16 - 1]}.
     *
     * @return n
     */
    public int numerator() {
        return numerator;
    }

    /**
     * {@code d = 2^16}.
     *
     * @return 65,536
     */
    public int denominator() {
        return DENOMINATOR;
    }

    /**
     * {@code n / d}, exact as a double.
     *
     * @return n / 2^16
     */
    public double value() {
        return (double) numerator / DENOMINATOR;
    }

    /**
     * {@code 1 - n / d = (d - n) / d}, exact as a double.
     *
     * @return (2^16 - n) / 2^16
     */
    public double oneMinus() {
        return (double) (DENOMINATOR - numerator) / DENOMINATOR;
    }

    /**
     * {@code log2(d / n)}: the information one exact multiplication by this factor destroys, hence
     * the fewest bits per value that the buffer must keep to undo it.
     *
     * @return log2(2^16 / n) bits
     */
    public double idealBitsPerMultiply() {
        return DENOMINATOR_BITS - Math.log(numerator) / Math.log(2);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RationalFactor && ((RationalFactor) o).numerator == numerator;
    }

    @Override
    public int hashCode() {
        return numerator;
    }

    @Override
    public String toString() {
        return numerator + "/" + DENOMINATOR;
    }
}
