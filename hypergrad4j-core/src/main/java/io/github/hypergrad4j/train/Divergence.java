package io.github.hypergrad4j.train;

import io.github.hypergrad4j.exact.FixedPointFormat;
import io.github.hypergrad4j.exact.FixedPointOverflowException;
import io.github.hypergrad4j.model.ParameterLayout;

/**
 * The {@link TrainingDivergedException} of a reversible run whose state left its fixed-point range: it
 * names the step, the parameter group and the value, and says what to change.
 */
final class Divergence {
    private final ParameterLayout layout;
    private final FixedPointFormat format;
    private final Optimizer optimizer;

    Divergence(ParameterLayout layout, FixedPointFormat format, Optimizer optimizer) {
        this.layout = layout;
        this.format = format;
        this.optimizer = optimizer;
    }

    /** A weight, velocity or moment overflowed the weights' format at {@code step} (-1: the initial state). */
    TrainingDivergedException of(FixedPointOverflowException e, int step) {
        String what = "a weight or " + (optimizer.hasSecondMoment() ? "moment" : "velocity");
        String hint = step < 0
                ? "the initial scale is too large; lower it, or use a FixedPointFormat with fewer fractional bits"
                        + " for a wider range"
                : "the learning rate or the initial scale is too large for this run; lower it";
        return of(step, e.index(), e.value(), what, format.maxMagnitude(), hint, e);
    }

    /** An optimiser's own state (e.g. Adam's second moment) overflowed its format at {@code step}. */
    TrainingDivergedException of(StateOverflowException e, int step) {
        String hint = e.state.contains("second moment")
                ? "gradients this large do not fit the second moment's format; scale the loss down or give it fewer"
                        + " fraction bits (Optimizer.withSecondMomentFractionBits)"
                : "the learning rate or the initial scale is too large for this run; lower it";
        return of(step, e.index, e.value, e.state, e.limit, hint, e);
    }

    private TrainingDivergedException of(int step, int index, double value, String what, double limit, String hint,
            RuntimeException cause) {
        int g = index >= 0 && index < layout.size() ? layout.groupOf(index) : -1;
        String where = (step >= 0 ? "at step " + step : "in the initial state") + ", parameter group "
                + (g >= 0 ? "'" + layout.group(g).name() + "'" : "?") + " (parameter " + index + ")";
        return new TrainingDivergedException(step, what + " left the fixed-point range of +-" + limit + " " + where
                + " (value " + value + "): " + hint, cause);
    }
}
