package io.github.hypergrad4j.cli;

import io.github.hypergrad4j.experiments.Experiment;
import io.github.hypergrad4j.experiments.log.WeightSharing;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hypergrad4j weight-sharing}. */
@Command(name = "weight-sharing", sortOptions = false,
        description = {"Jan 21 (\"generalizations of convnets\"): learned weight sharing across ten tasks, one network"
                + " per task and one learned 10 x 10 sharing matrix per layer, against separate networks and a tied"
                + " first layer.",
            "Tasks: digits 0-4, digits 5-9 (MNIST), three groups of Fashion-MNIST classes, and the same five rotated"
                + " by 90 degrees; without MNIST (or with --data fashion-mnist), Fashion-MNIST's classes 0-4 and 5-9"
                + " in place of the digits; or five Omniglot alphabets and their rotations with --tasks omniglot."
                + " No image is in two tasks; a rotated task holds its own task's images, turned.",
            "Defaults: 10 training, 20 validation, 50 test examples per class and task, 784-20-20-5 tanh networks,"
                + " 50 full-batch steps, learning rate 0.3, momentum 0.9, penalty 0.003, Adam meta step 0.02,"
                + " 25 meta-iterations."})
public final class WeightSharingCommand extends MetaExperimentCommand {
    // Not the MetaOptions mixin: its --validation-size and --test-size count examples, here sizes are per class.
    @Option(names = "--meta-iterations", paramLabel = "N", description = "Hypergradient steps of the learned arm.")
    Integer metaIterations;

    @Option(names = "--meta-step", paramLabel = "X", description = "Adam's step on the sharing matrices.")
    Double metaStep;

    @Option(names = "--learning-rate", paramLabel = "X", description = "Learning rate of the inner training runs.")
    Double learningRate;

    @Option(names = "--tasks", paramLabel = "auto|mnist-fashion|fashion|one-pool|omniglot",
            description = "Where the tasks come from: auto (default) takes mnist-fashion when MNIST and Fashion-MNIST"
                    + " are both here, else fashion, and follows --data (fashion-mnist: fashion; a directory: one-pool"
                    + " on it); mnist-fashion: MNIST and Fashion-MNIST; fashion: Fashion-MNIST alone; one-pool: the"
                    + " same five groups of classes 0..9 of the data --data chooses; omniglot: Omniglot's"
                    + " images_background.zip in ~/.cache/hypergrad4j/omniglot (downloaded if missing).")
    String tasks;

    @Option(names = "--train-per-class", paramLabel = "N", description = "Training examples per class and task.")
    Integer trainPerClass;

    @Option(names = "--validation-per-class", paramLabel = "N", description = "Validation examples per class and task.")
    Integer validationPerClass;

    @Option(names = "--test-per-class", paramLabel = "N", description = "Test examples per class and task.")
    Integer testPerClass;

    @Option(names = "--hidden", paramLabel = "N", description = "Units in each of the two hidden layers.")
    Integer hidden;

    @Option(names = "--iterations", paramLabel = "N", description = "Training steps per run.")
    Integer iterations;

    @Option(names = "--penalty", paramLabel = "X", description = "L2 penalty on the whitened weights.")
    Double penalty;

    @Override
    protected Experiment experiment(boolean quick) {
        WeightSharing.Config c = quick ? WeightSharing.Config.quick() : WeightSharing.Config.defaults();
        c = c.withMeta(metaStep != null ? metaStep : c.metaStep(), or(metaIterations, c.metaIterations()))
                .withLearningRate(learningRate != null ? learningRate : c.learningRate())
                .withTasks(tasks != null ? tasks : c.tasks(), or(trainPerClass, c.trainPerClass()),
                        or(validationPerClass, c.validationPerClass()), or(testPerClass, c.testPerClass()))
                .withNetwork(or(hidden, c.hidden()), or(iterations, c.iterations()), penalty != null ? penalty : c.penalty());
        return new WeightSharing(c);
    }

    private static int or(Integer value, int defaultValue) {
        return value != null ? value : defaultValue;
    }
}
