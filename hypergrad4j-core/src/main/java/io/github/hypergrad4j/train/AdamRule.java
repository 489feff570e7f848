package io.github.hypergrad4j.train;

import io.github.hypergrad4j.exact.FixedPointFormat;
import io.github.hypergrad4j.exact.RationalFactor;

/**
 * Adam with bias correction, and AdamW when the run has a decoupled decay, exactly. Forward step t
 * per parameter: s = beta2 s + (1 - beta2) g^2 and m = beta1 m + (1 - beta1) g (each an exact
 * multiply into the buffer, then an exact addition), w = rho w (AdamW only, exact multiply), then
 * w -= round(alpha u) with u = (m / c1) / sqrt(s / c2 + eps^2) from the new m and s.
 *
 * <p>Backwards, with a = -alpha dw the adjoint of u: dalpha = -dw . u, dm += a du/dm, ds += a du/ds,
 * and per group the sums of a du/dc1, a du/dc2, a du/deps; w_t = (w_{t+1} + round(alpha u)) / rho,
 * drho = dw . w_t, dw *= rho. Then with g_t: m_t and s_t exactly, dbeta1 = dm . (m_t - g), dbeta2 =
 * ds . (s_t - g^2), dg = (1 - beta1) dm + 2 (1 - beta2) g ds (the direction is u = -dg, since the
 * trainer subtracts H u), dm *= beta1, ds *= beta2. The bias corrections add to every earlier beta:
 * dc1_t / dbeta1_k = -prod_{j<=t} beta1_j / beta1_k for k <= t, accumulated in a running sum.
 *
 * <p>The reported weight-decay hypergradient is df/dlambda = -alpha drho (the rounding of rho treated
 * as the identity); for plain Adam it is AdamW's at lambda = 0. The path from alpha through rho is not
 * part of dalpha: the rounded contraction does not move with a small change of alpha.
 */
final class AdamRule extends SecondMomentRule {
    private static final int ALPHA = 0, C1 = 1, C2 = 2, EPS = 3, RHO = 4;
    /** Per group: sum over later steps of dC1_t prod1_t (dC2_t prod2_t), for the bias-correction terms. */
    private final double[] running1;
    private final double[] running2;

    AdamRule(StepHyperparameters h, FixedPointFormat format, FixedPointFormat mFormat, FixedPointFormat sFormat) {
        super(h, format, mFormat, sFormat);
        this.running1 = new double[h.groups];
        this.running2 = new double[h.groups];
    }

    /** u(m, s): one expression forwards and backwards, so that the weight step is undone bit for bit. */
    static double step(double m, double s, double c1, double c2, double eps) {
        return (m / c1) / Math.sqrt(s / c2 + eps * eps);
    }

    @Override
    int sumsBeforeGradient() {
        return 5;
    }

    @Override
    int sumsAfterGradient() {
        return 2;
    }

    @Override
    void forwardUpdate(ExactState st, ParameterChunk chunk, int t, double[] grad) {
        long[] w = st.w, m = st.m, s = st.s;
        for (int k = 0; k < chunk.pieces(); k++) {
            int g = chunk.group[k], from = chunk.pieceFrom[k], to = chunk.pieceTo[k];
            double a = h.alpha[t][g], om1 = h.beta1[t][g].oneMinus(), om2 = h.beta2[t][g].oneMinus();
            double c1 = h.c1[t][g], c2 = h.c2[t][g], eps = h.eps[t][g];
            RationalFactor rho = h.decay[t][g];
            if (rho != null) {
                chunk.buffer.multiplyInPlace(w, from, to, rho);
            }
            for (int i = from; i < to; i++) {
                double gi = grad[i];
                s[i] = plus(s[i], om2 * gi * gi * sScale, "the second moment", i, sFormat);
                m[i] = plus(m[i], om1 * gi * mScale, "the first moment", i, mFormat);
                double u = step(m[i] * mUlp, s[i] * sUlp, c1, c2, eps);
                w[i] = plus(w[i], -(a * u * scale), "a weight", i, format);
            }
        }
    }

    @Override
    void accumulateBeforeGradient(ExactState st, ParameterChunk chunk, int t, Adjoints b, double[] partial) {
        long[] m = st.m, s = st.s;
        double[] dw = b.dw(), dm = b.dm(), ds = b.ds(), steps = b.u();
        for (int k = 0; k < chunk.pieces(); k++) {
            int g = chunk.group[k];
            double a = h.alpha[t][g], c1 = h.c1[t][g], c2 = h.c2[t][g], eps = h.eps[t][g];
            double sumAlpha = 0, sumC1 = 0, sumC2 = 0, sumEps = 0;
            for (int i = chunk.pieceFrom[k], end = chunk.pieceTo[k]; i < end; i++) {
                double sv = s[i] * sUlp, u = step(m[i] * mUlp, sv, c1, c2, eps);
                steps[i] = u;
                double d = sv / c2 + eps * eps, root = Math.sqrt(d);
                double adj = -a * dw[i];
                sumAlpha -= dw[i] * u;
                dm[i] += adj / (c1 * root);
                ds[i] -= adj * 0.5 * u / (c2 * d);
                sumC1 -= adj * u / c1;
                sumC2 += adj * 0.5 * u * sv / (c2 * c2 * d);
                sumEps -= adj * u * eps / d;
            }
            int base = k * 5;
            partial[base + ALPHA] = sumAlpha;
            partial[base + C1] = sumC1;
            partial[base + C2] = sumC2;
            partial[base + EPS] = sumEps;
        }
    }

    /**
     * w_t = (w_{t+1} + round(alpha u)) / rho, pieces descending (the decay's buffer digits); drho; dw *=
     * rho. u is the step {@link #accumulateBeforeGradient} computed from the same m and s and left in the
     * direction's array (which the trainer fills only later in the step), so it is not computed twice.
     */
    @Override
    void undoWeights(ExactState st, ParameterChunk chunk, int t, Adjoints b, double[] partial) {
        long[] w = st.w;
        double[] dw = b.dw(), steps = b.u();
        for (int k = chunk.pieces() - 1; k >= 0; k--) {
            int g = chunk.group[k], from = chunk.pieceFrom[k], to = chunk.pieceTo[k];
            double a = h.alpha[t][g];
            for (int i = from; i < to; i++) {
                w[i] = plus(w[i], a * steps[i] * scale, "a weight", i, format);
            }
            RationalFactor rho = h.decay[t][g];
            if (rho != null) {
                chunk.buffer.divideInPlace(w, from, to, rho);
            }
            double r = rho == null ? 1 : rho.value(), sumRho = 0;
            for (int i = from; i < to; i++) {
                sumRho += dw[i] * (w[i] * ulp);
                dw[i] *= r;
            }
            partial[k * 5 + RHO] = sumRho;
        }
    }

    @Override
    void undoMomentAdditions(ExactState st, ParameterChunk chunk, int t, double[] grad, Adjoints b) {
        long[] m = st.m, s = st.s;
        for (int k = chunk.pieces() - 1; k >= 0; k--) {
            int g = chunk.group[k];
            double om1 = h.beta1[t][g].oneMinus(), om2 = h.beta2[t][g].oneMinus();
            for (int i = chunk.pieceFrom[k], end = chunk.pieceTo[k]; i < end; i++) {
                double gi = grad[i];
                m[i] = plus(m[i], -(om1 * gi * mScale), "the first moment", i, mFormat);
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
            double b1 = h.beta1[t][g].value(), b2 = h.beta2[t][g].value();
            double om1 = h.beta1[t][g].oneMinus(), om2 = h.beta2[t][g].oneMinus();
            double sum1 = 0, sum2 = 0;
            for (int i = chunk.pieceFrom[k], end = chunk.pieceTo[k]; i < end; i++) {
                double gi = grad[i], dmi = dm[i], dsi = ds[i];
                sum1 += dmi * (m[i] * mUlp - gi);
                sum2 += dsi * (s[i] * sUlp - gi * gi);
                u[i] = -(om1 * dmi + 2 * om2 * gi * dsi);
                dm[i] = b1 * dmi;
                ds[i] = b2 * dsi;
            }
            partial[k * 2] = sum1;
            partial[k * 2 + 1] = sum2;
        }
    }

    @Override
    void finishStep(int t, double[][] before, double[][] after, Outputs out) {
        for (int g = 0; g < h.groups; g++) {
            running1[g] += before[g][C1] * h.product1[t][g];
            running2[g] += before[g][C2] * h.product2[t][g];
            out.dAlpha()[t][g] = before[g][ALPHA];
            out.dBeta()[t][g] = after[g][0] - running1[g] / h.beta1[t][g].value();
            out.dBeta2()[t][g] = after[g][1] - running2[g] / h.beta2[t][g].value();
            out.dEps()[t][g] = before[g][EPS];
            out.dWeightDecay()[t][g] = -h.alpha[t][g] * before[g][RHO];
        }
    }
}
