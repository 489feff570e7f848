package io.github.hypergrad4j.experiments.log;

import io.github.hypergrad4j.data.Examples;
import io.github.hypergrad4j.experiments.ConfigException;
import io.github.hypergrad4j.experiments.Experiment;
import io.github.hypergrad4j.experiments.ExperimentContext;
import io.github.hypergrad4j.experiments.meta.MetaHistory;
import io.github.hypergrad4j.experiments.meta.MetaLoop;
import io.github.hypergrad4j.experiments.meta.MetaTraining;
import io.github.hypergrad4j.autodiff.Tape;
import io.github.hypergrad4j.autodiff.Var;
import io.github.hypergrad4j.data.TaskSuite;
import io.github.hypergrad4j.hyper.InitialWeights;
import io.github.hypergrad4j.meta.Adam;
import io.github.hypergrad4j.model.Activation;
import io.github.hypergrad4j.model.Losses;
import io.github.hypergrad4j.model.TaskNetworks;
import io.github.hypergrad4j.model.WeightMixing;
import io.github.hypergrad4j.report.ResultsSection;
import io.github.hypergrad4j.tensor.Tensor;
import io.github.hypergrad4j.train.Hypergradient;
import io.github.hypergrad4j.train.Objective;
import io.github.hypergrad4j.train.ReversibleTrainer;
import io.github.hypergrad4j.train.Schedule;
import io.github.hypergrad4j.train.StepListener;
import io.github.hypergrad4j.train.Theta;
import io.github.hypergrad4j.train.TrainingLoss;
import java.io.IOException;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The log's last entry, "Generalizations of convnets", as the reversible-learning paper carried it out:
 * one three-layer network per task, and per layer a learned K x K matrix saying how strongly the tasks
 * share that layer's weights ({@link WeightMixing}: w = T z with whitened weights z under an identity
 * penalty). Three arms: separate networks (every T = I), a tied first layer (T1 ties all tasks,
 * the others I), and learned sharing (every T learned by hypergradient descent on the summed
 * validation loss, from I). The tasks are five base tasks and the same five rotated by 90 degrees
 * ({@link TaskSuite}, chosen by {@link WeightSharingTasks}): by default from MNIST's and Fashion-MNIST's
 * images, from Fashion-MNIST's alone where there is no MNIST, or five Omniglot alphabets.
 */
public final class WeightSharing implements Experiment {
    static final String[] ARMS = {"separate", "tied first layer", "learned"};

    /**
     * @param tasks the suite: {@code auto} (MNIST and Fashion-MNIST when both are here, else Fashion-MNIST
     *     alone; follows {@code --data}), {@code mnist-fashion} ({@code default} is read as this),
     *     {@code fashion}, {@code one-pool} (the data {@code --data} chooses) or {@code omniglot}
     *     (images_background.zip in the cache, downloaded if missing and allowed); see {@link WeightSharingTasks}
     * @param trainPerClass training examples per class and task
     * @param validationPerClass validation examples per class and task (the meta-objective)
     * @param testPerClass test examples per class and task (reported only)
     * @param hidden units in each of the two hidden layers
     * @param iterations full-batch training steps per run
     * @param learningRate constant learning rate of the whitened weights
     * @param momentum constant momentum
     * @param penalty lambda of the identity penalty lambda |z|^2
     * @param metaStep Adam's step on the mixing matrices
     * @param metaIterations hypergradient steps of the learned arm
     */
    public record Config(String tasks, int trainPerClass, int validationPerClass, int testPerClass, int hidden,
            int iterations, double learningRate, double momentum, double penalty, double metaStep, int metaIterations) {
        public Config {
            tasks = WeightSharingTasks.normalise(tasks);
            ConfigException.requirePositive("training examples per class", trainPerClass);
            ConfigException.requirePositive("validation examples per class", validationPerClass);
            ConfigException.requirePositive("test examples per class", testPerClass);
            ConfigException.requirePositive("hidden units", hidden);
            ConfigException.requirePositive("iterations", iterations);
            ConfigException.requirePositive("learning rate", learningRate);
            ConfigException.requireFraction("momentum", momentum);
            ConfigException.requireFinite("penalty", penalty);
            ConfigException.requirePositive("meta step", metaStep);
            ConfigException.requirePositive("meta-iterations", metaIterations);
        }

        /**
         * Ten tasks, ten training images per class (Omniglot's low-data regime), 20-unit hidden layers.
         * Twenty validation images per class: with ten, the 300 sharing entries fit the validation set
         * and the test loss does not improve.
         */
        public static Config defaults() {
            return new Config("auto", 10, 20, 50, 20, 50, 0.3, 0.9, 0.003, 0.02, 25);
        }

        /** A small version that runs in well under a minute. */
        public static Config quick() {
            return new Config("auto", 5, 5, 10, 8, 20, 0.3, 0.9, 0.001, 0.02, 4);
        }

        public Config withMeta(double step, int count) {
            return new Config(tasks, trainPerClass, validationPerClass, testPerClass, hidden, iterations, learningRate,
                    momentum, penalty, step, count);
        }

        public Config withLearningRate(double rate) {
            return new Config(tasks, trainPerClass, validationPerClass, testPerClass, hidden, iterations, rate, momentum,
                    penalty, metaStep, metaIterations);
        }

        public Config withTasks(String source, int train, int validation, int test) {
            return new Config(source, train, validation, test, hidden, iterations, learningRate, momentum, penalty,
                    metaStep, metaIterations);
        }

        public Config withNetwork(int units, int steps, double lambda) {
            return new Config(tasks, trainPerClass, validationPerClass, testPerClass, units, steps, learningRate, momentum,
                    lambda, metaStep, metaIterations);
        }
    }

    private final Config config;

    public WeightSharing(Config config) {
        this.config = config;
    }

    @Override
    public String name() {
        return "weight-sharing";
    }

    @Override
    public String title() {
        return "Learned weight sharing across tasks: architecture as a hyperparameter";
    }

    @Override
    public String description() {
        return "Ten small tasks (five base tasks and the same five rotated by 90 degrees), one three-layer network"
                + " each. Every layer's weights are w = T z: whitened weights z under an L2 penalty, mixed across the"
                + " tasks by a 10 x 10 matrix T, so T T^T is the prior correlation of the tasks' weights. Separate"
                + " networks have T = I, a tied first layer has one shared first layer, and learned sharing learns"
                + " all three matrices by hypergradient descent on the summed validation loss (the log's"
                + " \"generalizations of convnets\", the paper's multitask experiment).";
    }

    @Override
    public MonthDay logDate() {
        return MonthDay.of(1, 21); // announced at the end of the Jan 21 entry
    }

    @Override
    public Config config() {
        return config;
    }

    @Override
    public void run(ExperimentContext context) throws IOException {
        WeightSharingTasks.TaskExamples tasks = WeightSharingTasks.load(config.tasks(), new TaskSuite.PerClass(config.trainPerClass(),
                config.validationPerClass(), config.testPerClass()), context);
        int k = tasks.count();
        TaskNetworks nets = new TaskNetworks(k, Activation.TANH, tasks.train()[0].images().cols(), config.hidden(),
                config.hidden(), tasks.train()[0].oneHot().cols());
        WeightMixing mixing = nets.layerMixing();
        TrainingLoss loss = (step, z, theta) -> summedLoss(nets, mixing.apply(z, theta::get), tasks.train())
                .plus(z.square().sum().times(config.penalty()));
        Objective validation = (z, theta) -> summedLoss(nets, mixing.apply(z, theta::get), tasks.validation());
        double[] z0 = initialWeights(nets, mixing, context.seedFor("initial weights"));
        Schedule schedule = Schedule.constant(config.iterations(), nets.layout(), config.learningRate(), config.momentum());
        ReversibleTrainer trainer = context.trainer(nets.layout(), loss);

        List<Map<String, Tensor>> arms = new ArrayList<>();
        List<Map<String, Double>> scores = new ArrayList<>();
        for (int arm = 0; arm < 2; arm++) {
            Map<String, Tensor> matrices = SharingMatrices.fixedArm(mixing, arm == 1);
            arms.add(matrices);
            scores.add(score(nets, mixing, tasks, trainer.train(z0, new double[z0.length], schedule, SharingMatrices.theta(matrices),
                    StepListener.NONE), matrices));
        }

        double[] x = SharingMatrices.flatten(SharingMatrices.fixedArm(mixing, false), mixing);
        MetaTraining.Hyperparameters hyper = new MetaTraining.Hyperparameters() {
            @Override
            public Theta theta(double[] values) {
                return SharingMatrices.theta(SharingMatrices.unflatten(values, mixing));
            }

            @Override
            public double[] gradient(double[] values, Hypergradient h) {
                return SharingMatrices.flatten(h.dTheta(), mixing);
            }
        };
        MetaTraining.Evaluation evaluation = (zT, theta) -> score(nets, mixing, tasks, zT, theta.asMap());
        MetaHistory history = new MetaLoop(context, "weight-sharing meta-iterations", config.metaIterations(), "validationLoss")
                .run(x, new Adam(config.metaStep()), new MetaTraining(trainer, z0, schedule, validation, hyper, evaluation));
        Map<String, Tensor> learned = SharingMatrices.unflatten(x, mixing);
        arms.add(learned);
        scores.add(lastMetrics(history, scores.get(0).keySet()));
        record(context, tasks, mixing, arms, scores, history);
    }

    /**
     * Weights drawn with scale 1 / sqrt(fan-in) (biases zero), equal across the tasks: networks started
     * alike have hidden units that mean the same in every task, which is what sharing them needs, and
     * every arm starts from the same networks.
     */
    private static double[] initialWeights(TaskNetworks nets, WeightMixing mixing, long seed) {
        double[] scales = new double[nets.layout().groupCount()];
        int[] sizes = nets.sizes();
        for (int l = 0; l < nets.layers(); l++) {
            scales[2 * l] = 1 / Math.sqrt(sizes[l]);
        }
        double[] z0 = new InitialWeights(nets.layout(), seed).weights(scales);
        mixing.alignPiecesInPlace(z0);
        return z0;
    }

    /** Sum over tasks of each network's mean cross-entropy on its own examples. */
    static Var summedLoss(TaskNetworks nets, Var w, Examples[] data) {
        Var total = null;
        for (int k = 0; k < data.length; k++) {
            Tape tape = w.tape();
            Var l = Losses.softmaxCrossEntropy(nets.logits(w, k, tape.constant(data[k].images())),
                    tape.constant(data[k].oneHot()));
            total = total == null ? l : total.plus(l);
        }
        return total;
    }

    /** Mean over tasks of loss and error rate on each split (the penalty left out), and each task's test loss. */
    static Map<String, Double> score(TaskNetworks nets, WeightMixing mixing, WeightSharingTasks.TaskExamples tasks, double[] zT,
            Map<String, Tensor> matrices) {
        Tape tape = new Tape();
        Map<String, Var> t = new LinkedHashMap<>();
        matrices.forEach((name, value) -> t.put(name, tape.constant(value)));
        Var w = mixing.apply(tape.constant(Tensor.of(zT, zT.length)), t::get);
        Map<String, Double> m = new LinkedHashMap<>();
        String[] splits = {"train", "validation", "test"};
        Examples[][] data = {tasks.train(), tasks.validation(), tasks.test()};
        double[] testLoss = new double[tasks.count()];
        for (int s = 0; s < 3; s++) {
            double loss = 0, error = 0;
            for (int k = 0; k < tasks.count(); k++) {
                Examples e = data[s][k];
                Tensor logits = nets.logits(w, k, tape.constant(e.images())).value();
                double l = Losses.softmaxCrossEntropy(tape.constant(logits), tape.constant(e.oneHot())).item();
                loss += l / tasks.count();
                error += Losses.errorRate(logits, e.labels()) / tasks.count();
                if (s == 2) {
                    testLoss[k] = l;
                }
            }
            m.put(splits[s] + "Loss", loss);
            m.put(splits[s] + "Error", error);
        }
        for (int k = 0; k < testLoss.length; k++) {
            m.put("testLoss" + k, testLoss[k]);
        }
        return m;
    }

    private static Map<String, Double> lastMetrics(MetaHistory history, Iterable<String> names) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (String name : names) {
            m.put(name, history.last(name));
        }
        return m;
    }

    private void record(ExperimentContext context, WeightSharingTasks.TaskExamples tasks, WeightMixing mixing, List<Map<String, Tensor>> arms,
            List<Map<String, Double>> scores, MetaHistory history) throws IOException {
        history.record(context.results().data().section("meta"));
        ResultsSection armsSection = context.results().data().section("arms");
        for (int a = 0; a < ARMS.length; a++) {
            ResultsSection s = armsSection.section(ARMS[a]);
            for (String metric : List.of("trainLoss", "validationLoss", "testLoss", "trainError", "testError")) {
                s.put(metric, scores.get(a).get(metric));
            }
            double[] perTask = new double[tasks.count()];
            for (int k = 0; k < perTask.length; k++) {
                perTask[k] = scores.get(a).get("testLoss" + k);
            }
            s.put("testLossPerTask", perTask);
            for (WeightMixing.Block b : mixing.blocks()) {
                s.put(b.name(), SharingMatrices.rows(arms.get(a).get(b.name())));
                s.put(b.name() + "Correlation", SharingMatrices.rows(WeightMixing.correlation(arms.get(a).get(b.name()))));
            }
        }
        context.results().data().put("taskNames", String.join("; ", tasks.names())).put("taskSuite", tasks.suite());
        context.results().summary("tasks", tasks.suite() + " suite");
        ResultsSection structure = context.results().data().section("learnedStructure");
        for (WeightMixing.Block b : mixing.blocks()) {
            double[] s = SharingMatrices.structure(WeightMixing.correlation(arms.get(2).get(b.name())));
            structure.section(b.name()).put("meanAbsoluteCorrelation", s[0]).put("rotatedPairCorrelation", s[1])
                    .put("otherPairCorrelation", s[2]);
            context.results().summary("learned " + b.name() + ": mean |correlation| between tasks", s[0])
                    .summary("learned " + b.name() + ": correlation of each task with its rotated copy", s[1])
                    .summary("learned " + b.name() + ": correlation of the other pairs", s[2]);
        }
        context.saveFigure("weight-sharing.png", "Top: each layer's sharing matrix T T^T normalised to a unit diagonal"
                + " (the prior correlation of two tasks' weights; 1 = tied, 0 = independent) for the two fixed arms and"
                + " the learned one; tasks 6-10 are tasks 1-5 rotated by 90 degrees. Middle: train and test loss of"
                + " each arm (mean cross-entropy over the tasks). Bottom: the learned arm's meta-learning curve.",
                WeightSharingFigures.figure(tasks.names(), mixing, List.of(ARMS), arms, scores, history));
        for (int a = 0; a < ARMS.length; a++) {
            context.results().summary(ARMS[a] + ": train loss", scores.get(a).get("trainLoss"))
                    .summary(ARMS[a] + ": test loss", scores.get(a).get("testLoss"));
        }
        context.results().summary("learned: validation loss before", history.first("validationLoss"))
                .summary("learned: validation loss after", history.last("validationLoss"));
    }
}
