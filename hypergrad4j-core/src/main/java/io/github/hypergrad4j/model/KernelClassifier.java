package io.github.hypergrad4j.model;

import io.github.hypergrad4j.autodiff.Tape;
import io.github.hypergrad4j.autodiff.Var;
import io.github.hypergrad4j.tensor.Tensor;
import io.github.hypergrad4j.tensor.TensorOps;

/**
 * A kernel-weighted nearest-neighbour classifier: the probability of class c for a query q is
 * proportional to sum_j k(q, x_j) y_jc with the squared-exponential kernel
 * k(q, x) = exp(-|q - x|^2 / (2 l^2)). Built from differentiable operations, so the loss can be
 * differentiated with respect to the reference set (e.g. an augmentation applied to it).
 */
public final class KernelClassifier {
    private final double lengthScale;

    /**
     * A classifier with kernel length scale l.
     *
     * @param lengthScale l, positive
     */
    public KernelClassifier(double lengthScale) {
        if (!(lengthScale > 0)) {
            throw new IllegalArgumentException("kernel length scale must be positive, got " + lengthScale);
        }
        this.lengthScale = lengthScale;
    }

    /**
     * Log class probabilities (queries x classes) given one or more reference sets with their one-hot
     * labels; the sets' kernel sums are added, as if they were one set.
     *
     * @param queries the points to classify, one per row
     * @param references the reference sets, one row per point
     * @param labels their one-hot labels, one array per set
     * @return a queries x classes variable
     */
    public Var logProbabilities(Var queries, Var[] references, Var[] labels) {
        if (references.length == 0 || references.length != labels.length) {
            throw new IllegalArgumentException("need as many label sets as reference sets (at least one)");
        }
        Tape tape = queries.tape();
        Var[] distances = new Var[references.length];
        for (int k = 0; k < references.length; k++) {
            distances[k] = squaredDistances(queries, references[k]);
        }
        // Every row of probabilities is invariant to a per-row shift of the distances: subtract the
        // row minimum (held constant) so that the nearest neighbour's kernel is exp(0) = 1 and
        // nothing underflows to a zero total.
        Tensor rowMin = rowMinimum(distances);
        double scale = -1 / (2 * lengthScale * lengthScale);
        Var scores = null;
        for (int k = 0; k < references.length; k++) {
            Var shifted = distances[k].minus(broadcastColumn(tape, rowMin, references[k].value().rows()));
            Var s = shifted.times(scale).exp().matmul(labels[k]);
            scores = scores == null ? s : scores.plus(s);
        }
        Var totals = scores.matmul(tape.constant(TensorOps.filled(1.0, scores.value().cols(), 1)));
        return scores.log().minus(totals.log().matmul(tape.constant(TensorOps.filled(1.0, 1, scores.value().cols()))));
    }

    /**
     * Mean negative log probability of the queries' one-hot labels.
     *
     * @param queries the points to classify
     * @param queryLabels their one-hot labels
     * @param references the reference sets
     * @param labels the reference sets' one-hot labels
     * @return a scalar
     */
    public Var loss(Var queries, Var queryLabels, Var[] references, Var[] labels) {
        return logProbabilities(queries, references, labels).times(queryLabels).sum().times(-1.0 / queries.value().rows());
    }

    /** |q_i - x_j|^2 for every query i and reference j, as |q|^2 + |x|^2 - 2 q.x. */
    static Var squaredDistances(Var q, Var x) {
        Tape tape = q.tape();
        int d = q.value().cols();
        Var ones = tape.constant(TensorOps.filled(1.0, d, 1));
        Var qq = q.square().matmul(ones);                 // m x 1
        Var xx = x.square().matmul(ones);                 // n x 1
        Var rowOnesN = tape.constant(TensorOps.filled(1.0, 1, x.value().rows()));
        Var colOnesM = tape.constant(TensorOps.filled(1.0, q.value().rows(), 1));
        return qq.matmul(rowOnesN).plus(colOnesM.matmul(false, xx, true)).minus(q.matmul(false, x, true).times(2.0));
    }

    private static Tensor rowMinimum(Var[] distances) {
        int m = distances[0].value().rows();
        double[] min = new double[m];
        java.util.Arrays.fill(min, Double.POSITIVE_INFINITY);
        for (Var d : distances) {
            int n = d.value().cols();
            double[] v = d.value().data();
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    min[i] = Math.min(min[i], v[i * n + j]);
                }
            }
        }
        return Tensor.of(min, m, 1);
    }

    private static Var broadcastColumn(Tape tape, Tensor column, int n) {
        return tape.constant(TensorOps.matmul(column, false, TensorOps.filled(1.0, 1, n), false));
    }
}
