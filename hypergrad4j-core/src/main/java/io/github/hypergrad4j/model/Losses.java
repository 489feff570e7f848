package io.github.hypergrad4j.model;

import io.github.hypergrad4j.autodiff.Var;
import io.github.hypergrad4j.tensor.Tensor;

/** Classification losses and scores. */
public final class Losses {
    private Losses() {}

    /**
     * Mean over rows of -sum(targets * log softmax(logits)); targets are one-hot (or soft) rows.
     *
     * @param logits batch x classes scores
     * @param targets batch x classes rows summing to 1
     * @return a scalar
     */
    public static Var softmaxCrossEntropy(Var logits, Var targets) {
        if (!logits.value().sameShape(targets.value())) {
            throw new IllegalArgumentException("logits " + logits.value() + " and targets " + targets.value()
                    + " differ in shape; targets must be one-hot rows with one column per class");
        }
        return logits.logSoftmax().times(targets).sum().times(-1.0 / logits.value().rows());
    }

    /**
     * Fraction of rows whose largest score is not the label.
     *
     * @param logits rows x classes scores
     * @param labels one label per row
     * @return the fraction in [0, 1], 0 for no rows
     */
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
