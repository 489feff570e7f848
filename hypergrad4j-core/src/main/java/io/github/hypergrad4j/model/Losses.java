package io.github.hypergrad4j.model;

import io.github.hypergrad4j.autodiff.Var;
import io.github.hypergrad4j.tensor.Tensor;

/** Losses (classification and regression) and scores: the one home of each loss. */
public final class Losses {
    private Losses() {}

    /** Mean over rows of -sum(targets * log softmax(logits)); targets are one-hot (or soft) rows. */
    public static Var softmaxCrossEntropy(Var logits, Var targets) {
        if (!logits.value().sameShape(targets.value())) {
            throw new IllegalArgumentException("logits " + logits.value() + " and targets " + targets.value()
                    + " differ in shape; targets must be one-hot rows with one column per class");
        }
        return logits.logSoftmax().times(targets).sum().times(-1.0 / logits.value().rows());
    }

    /** Mean over every entry of (predictions - targets)^2; the two must have the same shape. */
    public static Var meanSquaredError(Var predictions, Var targets) {
        requireSameShape("predictions", predictions, targets, "one target per prediction");
        Var d = predictions.minus(targets);
        return d.times(d).mean();
    }

    /**
     * Mean over every entry of the binary cross-entropy of sigmoid(logits) against targets in [0, 1],
     * computed from the logits as softplus(z) - y z, which never takes the log of 0.
     */
    public static Var binaryCrossEntropyWithLogits(Var logits, Var targets) {
        requireSameShape("logits", logits, targets, "one target in [0, 1] per logit");
        return logits.softplus().minus(logits.times(targets)).mean();
    }

    /** Mean over every entry of max(0, 1 - y z) for scores z and labels y in {-1, +1}. */
    public static Var hinge(Var scores, Var labels) {
        requireSameShape("scores", scores, labels, "one label of -1 or +1 per score");
        return scores.times(labels).subtractedFrom(1.0).relu().mean();
    }

    /**
     * The multiclass hinge loss (Weston and Watkins): mean over rows of sum over classes j other than
     * the label y of max(0, 1 + z_j - z_y), for scores {@code [n, classes]} and one label per row.
     */
    public static Var multiclassHinge(Var scores, int[] labels) {
        Var margins = scores.minus(scores.gather(labels)).plus(1.0).relu();
        // The label's own column contributes max(0, 1 + 0) = 1 per row: remove it.
        return margins.sum().times(1.0 / scores.value().rows()).minus(1.0);
    }

    private static void requireSameShape(String what, Var a, Var targets, String expected) {
        if (!a.value().sameShape(targets.value())) {
            throw new IllegalArgumentException(what + " " + a.value() + " and targets " + targets.value()
                    + " differ in shape; expected " + expected);
        }
    }

    /** Fraction of rows whose largest score is not the label. */
    public static double errorRate(Tensor logits, int[] labels) {
        int n = logits.rows(), m = logits.cols();
        if (labels.length != n) {
            throw new IllegalArgumentException(labels.length + " labels for " + n + " rows of scores");
        }
        int wrong = 0;
        double[] x = logits.data();
        for (int i = 0; i < n; i++) {
            int best = 0;
            for (int j = 1; j < m; j++) {
                if (x[i * m + j] > x[i * m + best]) {
                    best = j;
                }
            }
            if (best != labels[i]) {
                wrong++;
            }
        }
        return n == 0 ? 0 : (double) wrong / n;
    }
}
