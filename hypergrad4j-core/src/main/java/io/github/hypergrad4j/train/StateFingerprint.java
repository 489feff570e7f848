package io.github.hypergrad4j.train;

/**
 * The fingerprint of the exact training state that the forward pass records after every step and the
 * reverse pass checks, so that a reversal that is not bit-exact is caught at the step where it goes
 * wrong.
 */
final class StateFingerprint {
    private StateFingerprint() {}

    /**
     * A 64-bit fingerprint of the exact state. Any change to a single entry changes it (multiplying by
     * an odd constant is invertible modulo 2^64); the sums have no serial dependency, so the JIT can
     * vectorise them and the check stays far below the cost of a gradient. Sums modulo 2^64 do not
     * depend on their order, so chunks compute parts ({@link #part}) that {@link #combine} adds.
     */
    static long of(ExactState st) {
        long[] part = new long[3];
        part(st, 0, st.w.length, part);
        return combine(new long[][] {part});
    }

    /** Sets {@code part} to the three sums of the fingerprint over [from, to) (the third 0 without s). */
    static void part(ExactState st, int from, int to, long[] part) {
        long[] w = st.w, v = st.m, s = st.s;
        long a = 0, b = 0, c = 0;
        for (int i = from; i < to; i++) {
            a += w[i] * 0x9E3779B97F4A7C15L;
            b += v[i] * 0xC2B2AE3D27D4EB4FL;
        }
        if (s != null) {
            for (int i = from; i < to; i++) {
                c += s[i] * 0x165667B19E3779F9L;
            }
        }
        part[0] = a;
        part[1] = b;
        part[2] = c;
    }

    /** The fingerprint from the parts of all chunks. */
    static long combine(long[][] parts) {
        long a = 0, b = 0, c = 0;
        for (long[] part : parts) {
            a += part[0];
            b += part[1];
            c += part[2];
        }
        return (a * 31 + b) * 31 + c;
    }
}
