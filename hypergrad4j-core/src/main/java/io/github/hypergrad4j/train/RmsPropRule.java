package io.github.hypergrad4j.train;

import io.github.hypergrad4j.exact.FixedPointFormat;

/**
 * RMSprop with momentum, exactly: s = beta2 s + (1 - beta2) g^2, v = beta v + g q with q = 1 /
 * sqrt(s + eps^2) from the new s, w = w - alpha v. Backwards: dalpha = -dw . v_{t+1}, dv -= alpha
 * dw, w_t = w_{t+1} + alpha v_{t+1}; then with g_t, v is undone first (its increment needs s_{t+1})
 * and s after it. Adjoints: dbeta = dv . v_t, ds += dv g dq/ds, deps = dv . g dq/deps, dbeta2 = ds .
 * (s_t - g^2), dg = q dv + 2 (1 - beta2) g ds (direction u = -dg), dv *= beta, ds *= beta2.
 */
final class RmsPropRule extends SecondMomentRule {

    RmsPropRule(StepHyperparameters h, FixedPointFormat format, FixedPointFormat mFormat, FixedPointFormat sFormat) {
        super(h, format, mFormat, sFormat);
    }

    /** q(s) = 1 / sqrt(s + eps^2): one expression forwards and backwards. */
    static double inverseRoot(double s, double eps) {
        return 1 / Math.sqrt(s + eps * eps);
    }

    @Override
    int sumsBeforeGradient() {
        return 1;
    }

    @Override
    int sumsAfterGradient() {
        return 3;
    }

    @Override
    void forwardUpdate(ExactState st, ParameterChunk chunk, int t, double[] grad) {
        long[] w = st.w, m = st.m, s = st.s;
        for (int k = 0; k < chunk.pieces(); k++) {
            int g = chunk.group[k], from = chunk.pieceFrom[k], to = chunk.pieceTo[k];
            double om2 = h.beta2[t][g].oneMinus(), eps = h.eps[t][g];
            for (int i = from; i < to; i++) {
                double gi = grad[i];
                s[i] = plus(s[i], om2 * gi * gi * sScale, "the second moment", i, sFormat);
                m[i] = plus(m[i], gi * inverseRoot(s[i] * sUlp, eps) * mScale, "the velocity", i, mFormat);
            }
            double a = h.alpha[t][g];
            for (int i = from; i < to; i++) {
                w[i] = plus(w[i], -(a * (m[i] * mUlp) * scale), "a weight", i, format);
            }
        }
    }

    @Override
    void accumulateBeforeGradient(ExactState st, ParameterChunk chunk, int t, Adjoints b, double[] partial) {
        long[] m = st.m;
        double[] dw = b.dw(), dm = b.dm();
        for (int k = 0; k < chunk.pieces(); k++) {
            double a = h.alpha[t][chunk.group[k]], sum = 0;
            for (int i = chunk.pieceFrom[k], end = chunk.pieceTo[k]; i < end; i++) {
                sum -= dw[i] * (m[i] * mUlp);
                dm[i] -= a * dw[i];
            }
            partial[k] = sum;
        }
    }

    @Override
    void undoWeights(ExactState st, ParameterChunk chunk, int t, Adjoints a, double[] partial) {
        long[] w = st.w, m = st.m;
        for (int k = 0; k < chunk.pieces(); k++) {
            double alpha = h.alpha[t][chunk.group[k]];
            for (int i = chunk.pieceFrom[k], end = chunk.pieceTo[k]; i < end; i++) {
                w[i] = plus(w[i], alpha * (m[i] * mUlp) * scale, "a weight", i, format);
            }
        }
    }

    /** v -= g q(s_{t+1}), then s -= (1 - beta2) g^2; q is kept in u for {@link #accumulateAfterGradient}. */
    @Override
    void undoMomentAdditions(ExactState st, ParameterChunk chunk, int t, double[] grad, Adjoints b) {
        long[] m = st.m, s = st.s;
        double[] q = b.u();
        for (int k = chunk.pieces() - 1; k >= 0; k--) {
            int g = chunk.group[k];
            double om2 = h.beta2[t][g].oneMinus(), eps = h.eps[t][g];
            for (int i = chunk.pieceFrom[k], end = chunk.pieceTo[k]; i < end; i++) {
                double gi = grad[i], qi = inverseRoot(s[i] * sUlp, eps);
                q[i] = qi;
                m[i] = plus(m[i], -(gi * qi * mScale), "the velocity", i, mFormat);
                s[i] = plus(s[i], -(om2 * gi * gi * sScale), "the second moment", i, sFormat);
            }
        }
    }

    @Override
    void accumulateAfterGradient(ExactState st, ParameterChunk chunk, int t, double[] grad, Adjoints b,
            double[] partial) {
        long[] m = st.m, s = st.s;
        double[] dm = b.dm(), ds = b.ds(), u = b.u();
        for (int k = 0; k < chunk.pieces(); k++) {
            int g = chunk.group[k];
            double b1 = h.beta1[t][g].value(), b2 = h.beta2[t][g].value(), om2 = h.beta2[t][g].oneMinus();
            double eps = h.eps[t][g], sum1 = 0, sum2 = 0, sumEps = 0;
            for (int i = chunk.pieceFrom[k], end = chunk.pieceTo[k]; i < end; i++) {
                double gi = grad[i], qi = u[i], q3 = qi * qi * qi, dmi = dm[i];
                sum1 += dmi * (m[i] * mUlp);
                double dsi = ds[i] - 0.5 * dmi * gi * q3;
                sumEps -= dmi * gi * q3 * eps;
                sum2 += dsi * (s[i] * sUlp - gi * gi);
                u[i] = -(qi * dmi + 2 * om2 * gi * dsi);
                dm[i] = b1 * dmi;
                ds[i] = b2 * dsi;
            }
            partial[k * 3] = sum1;
            partial[k * 3 + 1] = sum2;
            partial[k * 3 + 2] = sumEps;
        }
    }

    @Override
    void finishStep(int t, double[][] before, double[][] after, Outputs out) {
        for (int g = 0; g < h.groups; g++) {
            out.dAlpha()[t][g] = before[g][0];
            out.dBeta()[t][g] = after[g][0];
            out.dBeta2()[t][g] = after[g][1];
            out.dEps()[t][g] = after[g][2];
        }
    }
}
