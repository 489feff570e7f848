/**
 * Stage "exact": the exact fixed-point state of training and the information buffer that makes
 * SGD with momentum reversible bit for bit.
 *
 * <p>Weights and velocities live as int64 fixed-point numbers ({@link
 * io.github.hypergrad4j.exact.FixedPointFormat}), so adding and subtracting are exact and can be
 * undone. Multiplying the velocity by the momentum {@code beta} loses bits; the {@link
 * io.github.hypergrad4j.exact.InformationBuffer} keeps exactly those bits (Maclaurin, Duvenaud &amp;
 * Adams 2015, Algorithm 3, stored with range-ANS coding) so that the reverse pass can divide by
 * {@code beta} exactly. The {@link io.github.hypergrad4j.exact.RationalFactor} is the momentum
 * actually used, a fraction {@code n / 2^16}.
 *
 * <p>Methods whose names end in {@code InPlace} modify their first array argument (and, for the
 * buffer, the buffer itself). Nothing here knows about models, gradients or parameter groups; the
 * trainer passes index ranges.
 */
package io.github.hypergrad4j.exact;
