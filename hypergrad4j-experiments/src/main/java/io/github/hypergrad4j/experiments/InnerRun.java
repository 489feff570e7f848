package io.github.hypergrad4j.experiments;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.github.hypergrad4j.data.SplitSizes;
import io.github.hypergrad4j.hyper.InitialWeights;
import io.github.hypergrad4j.model.ParameterLayout;
import io.github.hypergrad4j.train.Schedule;

/**
 * The inner training run a meta-optimisation reverses, as far as its settings are shared: how many
 * examples each split holds, the minibatch, the number of steps, a constant learning rate and momentum,
 * and the scale of the initial weights exp(logInitialScale) z. Validated once, here; a message names
 * the command-line option that sets the value and the range it must lie in. In results.json the fields
 * stand beside the experiment's own ({@code trainSize, validationSize, testSize, batchSize, ...}).
 *
 * @param sizes training, validation and test examples, each positive (fake-data's training set is its
 *     ten fake images)
 * @param batchSize training minibatch size, at most the training set
 * @param iterations training steps
 * @param learningRate constant learning rate
 * @param momentum constant momentum
 * @param logInitialScale initial weights exp(logInitialScale) z
 */
public record InnerRun(@JsonUnwrapped(suffix = "Size") SplitSizes sizes, int batchSize, int iterations,
        double learningRate, double momentum, double logInitialScale) {
    /**
     * @throws ConfigException naming the option of the first value out of range
     */
    public InnerRun {
        if (sizes == null) {
            throw new ConfigException("the split sizes are missing");
        }
        sizes(sizes.train(), sizes.validation(), sizes.test());
        ConfigException.requirePositive("batch size (--batch-size)", batchSize);
        if (batchSize > sizes.train()) {
            throw new ConfigException("batch size (--batch-size) " + batchSize + " exceeds the training set size "
                    + sizes.train() + "; use at most " + sizes.train());
        }
        ConfigException.requirePositive("iterations (--iterations)", iterations);
        ConfigException.requirePositive("learning rate (--learning-rate)", learningRate);
        ConfigException.requireFraction("momentum (--momentum)", momentum);
        ConfigException.requireFinite("log initial scale (--log-scale)", logInitialScale);
    }

    /**
     * Split sizes, each checked to be positive before they are built.
     *
     * @throws ConfigException naming the option of the first size that is not positive
     */
    public static SplitSizes sizes(int train, int validation, int test) {
        ConfigException.requirePositive("training set size (--train-size)", train);
        ConfigException.requirePositive("validation set size (--validation-size)", validation);
        ConfigException.requirePositive("test set size (--test-size)", test);
        return new SplitSizes(train, validation, test);
    }

    /** exp(logInitialScale), the standard deviation of the initial weights. */
    public double initialScale() {
        return Math.exp(logInitialScale);
    }

    /** The run's constant schedule: {@code iterations} steps of this learning rate and momentum in every group. */
    public Schedule schedule(ParameterLayout layout) {
        return Schedule.constant(iterations, layout, learningRate, momentum);
    }

    /** The initial weights exp(logInitialScale) z, z ~ N(0, 1) drawn from the run's seed for "initial weights". */
    public double[] initialWeights(ParameterLayout layout, ExperimentContext context) {
        return new InitialWeights(layout, context.seedFor("initial weights")).weights(initialScale());
    }
}
