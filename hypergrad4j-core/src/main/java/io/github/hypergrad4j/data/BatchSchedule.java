package io.github.hypergrad4j.data;

/**
 * Which training examples each step of SGD uses. A pure function of the step: asking twice for the same step,
 * in any order relative to other steps, gives the same indices. The reversible trainer depends on this, since
 * its reverse pass recomputes the gradient of step t on exactly the batch the forward pass used.
 */
public interface BatchSchedule {
    /**
     * The rows of the training set used at {@code step} (>= 0); a fresh array the caller may modify.
     * Use with {@link Dataset#rows(int[])}.
     *
     * @param step the training step, 0 or more
     * @return the row indices of the step's minibatch
     */
    int[] batch(int step);

    /**
     * Indices per batch.
     *
     * @return the batch size
     */
    int batchSize();

    /**
     * The number of rows the indices refer to.
     *
     * @return the size of the dataset batches are drawn from
     */
    int datasetSize();
}
