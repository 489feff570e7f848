package io.github.hypergrad4j.autodiff;

import io.github.hypergrad4j.tensor.Tensor;
import io.github.hypergrad4j.tensor.TensorOps;

/**
 * A running sum of tensors while an adjoint (or its tangent) is being summed. The first term is kept
 * by reference (no copy); a second one makes a private sum that later terms are added into in place.
 * The order of the additions is the order of the terms, so two sums of the same terms have the same
 * bits: the tape's values and tangents, and a {@link RecordedGradient}'s tangents, are summed by this
 * one class.
 */
final class TensorSum {
    private Tensor sum;
    private boolean owned;

    /** Adds a term. */
    void add(Tensor term) {
        if (sum == null) {
            sum = term;
        } else if (owned) {
            TensorOps.addInPlace(sum, term);
        } else {
            sum = TensorOps.add(sum, term);
            owned = true;
        }
    }

    /**
     * Makes the sum a private array of the given shape (zeros when there was no term yet), ready for
     * terms added straight into it, and returns that array.
     */
    double[] own(int[] shape) {
        if (sum == null) {
            sum = Tensor.zeros(shape);
            owned = true;
        } else if (!owned) {
            sum = sum.copy();
            owned = true;
        }
        return sum.data();
    }

    /** The sum so far (null when there was no term). */
    Tensor get() {
        return sum;
    }
}
