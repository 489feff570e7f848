package io.github.hypergrad4j.train;

/**
 * The exact fixed-point training state of one run: weights w, first moment or velocity m, and the
 * second moment s (null for SGD with momentum), with copies of the start to check the reverse pass.
 */
final class ExactState {
    final long[] w;
    final long[] m;
    final long[] s;
    final long[] w0;
    final long[] m0;

    ExactState(long[] w, long[] m, boolean secondMoment) {
        this.w = w;
        this.m = m;
        this.s = secondMoment ? new long[w.length] : null;
        this.w0 = w.clone();
        this.m0 = m.clone();
    }

    /** Whether the state is back to where it started, bit for bit (s starts at zero). */
    boolean isAtStart() {
        if (!java.util.Arrays.equals(w, w0) || !java.util.Arrays.equals(m, m0)) {
            return false;
        }
        if (s != null) {
            for (long x : s) {
                if (x != 0) {
                    return false;
                }
            }
        }
        return true;
    }
}
