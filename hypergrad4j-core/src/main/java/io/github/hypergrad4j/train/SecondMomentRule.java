package io.github.hypergrad4j.train;

import io.github.hypergrad4j.exact.FixedPointFormat;

/**
 * What the rules with a second moment (Adam, AdamW, RMSprop with momentum) share: the first moment m
 * and the second moment s in their own fixed-point formats, the direction that needs g_t, and the
 * moment multiplications, s by beta2 and m by beta1 per piece into the buffer, with their mirror.
 */
abstract class SecondMomentRule extends ExactRule {
    final FixedPointFormat mFormat;
    final FixedPointFormat sFormat;
    /** The weights' resolution and its inverse. */
    final double ulp;
    final double scale;
    final double mUlp;
    final double mScale;
    final double sUlp;
    final double sScale;

    SecondMomentRule(StepHyperparameters h, FixedPointFormat format, FixedPointFormat mFormat, FixedPointFormat sFormat) {
        super(h, format);
        this.mFormat = mFormat;
        this.mUlp = mFormat.resolution();
        this.mScale = 1 / mUlp;
        this.sFormat = sFormat;
        this.ulp = format.resolution();
        this.scale = 1 / ulp;
        this.sUlp = sFormat.resolution();
        this.sScale = 1 / sUlp;
    }

    @Override
    final FixedPointFormat firstMomentFormat() {
        return mFormat;
    }

    @Override
    final boolean hasSecondMoment() {
        return true;
    }

    @Override
    final boolean directionNeedsGradient() {
        return true;
    }

    /** s *= beta2 then m *= beta1 per piece, ascending, each an exact multiply into the buffer. */
    @Override
    final void forwardMultiply(ExactState st, ParameterChunk chunk, int t) {
        for (int k = 0; k < chunk.pieces(); k++) {
            int g = chunk.group[k];
            chunk.buffer.multiplyInPlace(st.s, chunk.pieceFrom[k], chunk.pieceTo[k], h.beta2[t][g]);
            chunk.buffer.multiplyInPlace(st.m, chunk.pieceFrom[k], chunk.pieceTo[k], h.beta1[t][g]);
        }
    }

    /** m /= beta1 then s /= beta2 per piece, descending: the mirror of {@link #forwardMultiply}. */
    @Override
    final void undoMomentMultiplications(ExactState st, ParameterChunk chunk, int t) {
        for (int k = chunk.pieces() - 1; k >= 0; k--) {
            int g = chunk.group[k];
            chunk.buffer.divideInPlace(st.m, chunk.pieceFrom[k], chunk.pieceTo[k], h.beta1[t][g]);
            chunk.buffer.divideInPlace(st.s, chunk.pieceFrom[k], chunk.pieceTo[k], h.beta2[t][g]);
        }
    }
}
