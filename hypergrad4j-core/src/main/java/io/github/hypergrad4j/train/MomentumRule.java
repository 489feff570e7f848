package io.github.hypergrad4j.train;

import io.github.hypergrad4j.exact.FixedPointFormat;
import io.github.hypergrad4j.exact.RationalFactor;

/**
 * SGD with momentum, exactly: v = beta v - (1 - beta) g, w = w + alpha v (the paper's rule).
 * Backwards: dalpha = dw . v_{t+1}, dv += alpha dw, u = (1 - beta) dv, w_t = w_{t+1} - alpha v_{t+1},
 * then with g_t: v_t = (v_{t+1} + (1 - beta) g_t) / beta, dbeta = dv . (v_t + g_t), dv *= beta.
 * The direction u does not need g_t, so one dual pass per step gives g_t and H u together.
 */
final class MomentumRule extends ExactRule {

    MomentumRule(StepHyperparameters h, FixedPointFormat format) {
        super(h, format);
    }

    @Override
    boolean hasSecondMoment() {
        return false;
    }

    @Override
    boolean directionNeedsGradient() {
        return false;
    }

    @Override
    int sumsBeforeGradient() {
        return 1;
    }

    @Override
    int sumsAfterGradient() {
        return 1;
    }

    /** v *= beta exactly over each piece, the lost bits into the chunk's buffer. */
    @Override
    void forwardMultiply(ExactState st, ParameterChunk chunk, int t) {
        RationalFactor[] betas = h.beta1[t];
        for (int k = 0; k < chunk.pieces(); k++) {
            chunk.buffer.multiplyInPlace(st.m, chunk.pieceFrom[k], chunk.pieceTo[k], betas[chunk.group[k]]);
        }
    }

    /** v -= (1 - beta) g, then w += alpha v, exactly over each piece. */
    @Override
    void forwardUpdate(ExactState st, ParameterChunk chunk, int t, double[] grad) {
        for (int k = 0; k < chunk.pieces(); k++) {
            int g = chunk.group[k], from = chunk.pieceFrom[k], to = chunk.pieceTo[k];
            format.subtractScaledInPlace(st.m, h.beta1[t][g].oneMinus(), grad, from, to);
            format.addScaledInPlace(st.w, h.alpha[t][g], st.m, from, to);
        }
    }

    /** dalpha parts, dv += alpha dw and u = (1 - beta) dv, with v = v_{t+1}. */
    @Override
    void accumulateBeforeGradient(ExactState st, ParameterChunk chunk, int t, Adjoints b, double[] partial) {
        long[] v = st.m;
        double[] dw = b.dw(), dv = b.dm(), u = b.u();
        double ulp = format.resolution();
        for (int k = 0; k < chunk.pieces(); k++) {
            int g = chunk.group[k];
            double a = h.alpha[t][g], oneMinus = h.beta1[t][g].oneMinus(), s = 0;
            for (int i = chunk.pieceFrom[k], end = chunk.pieceTo[k]; i < end; i++) {
                s += dw[i] * (v[i] * ulp);
                double dvi = dv[i] + a * dw[i];
                dv[i] = dvi;
                u[i] = oneMinus * dvi;
            }
            partial[k] = s;
        }
    }

    /** w_t = w_{t+1} - alpha v_{t+1} exactly. */
    @Override
    void undoWeights(ExactState st, ParameterChunk chunk, int t, Adjoints a, double[] partial) {
        for (int k = 0; k < chunk.pieces(); k++) {
            format.subtractScaledInPlace(st.w, h.alpha[t][chunk.group[k]], st.m, chunk.pieceFrom[k], chunk.pieceTo[k]);
        }
    }

    /** v += (1 - beta) g exactly: undoes the forward step's subtraction. */
    @Override
    void undoMomentAdditions(ExactState st, ParameterChunk chunk, int t, double[] grad, Adjoints a) {
        for (int k = chunk.pieces() - 1; k >= 0; k--) {
            format.addScaledInPlace(st.m, h.beta1[t][chunk.group[k]].oneMinus(), grad, chunk.pieceFrom[k],
                    chunk.pieceTo[k]);
        }
    }

    /** v /= beta exactly, taking the bits back from the chunk's buffer, pieces descending. */
    @Override
    void undoMomentMultiplications(ExactState st, ParameterChunk chunk, int t) {
        for (int k = chunk.pieces() - 1; k >= 0; k--) {
            chunk.buffer.divideInPlace(st.m, chunk.pieceFrom[k], chunk.pieceTo[k], h.beta1[t][chunk.group[k]]);
        }
    }

    /** dbeta parts and dv *= beta, with v = v_t; the direction u was set before the gradient. */
    @Override
    void accumulateAfterGradient(ExactState st, ParameterChunk chunk, int t, double[] grad, Adjoints b,
            double[] partial) {
        long[] v = st.m;
        double[] dv = b.dm();
        double ulp = format.resolution();
        for (int k = 0; k < chunk.pieces(); k++) {
            double beta = h.beta1[t][chunk.group[k]].value(), s = 0;
            for (int i = chunk.pieceFrom[k], end = chunk.pieceTo[k]; i < end; i++) {
                s += dv[i] * (v[i] * ulp + grad[i]);
                dv[i] *= beta;
            }
            partial[k] = s;
        }
    }

    @Override
    void finishStep(int t, double[][] before, double[][] after, Outputs out) {
        for (int g = 0; g < h.groups; g++) {
            out.dAlpha()[t][g] = before[g][0];
            out.dBeta()[t][g] = after[g][0];
        }
    }
}
