package io.github.hypergrad4j.experiments.log;

import io.github.hypergrad4j.data.BatchOrder;
import io.github.hypergrad4j.data.Centring;
import io.github.hypergrad4j.experiments.ConfigException;
import io.github.hypergrad4j.experiments.Experiment;
import io.github.hypergrad4j.experiments.ExperimentContext;
import io.github.hypergrad4j.experiments.Progress;
import io.github.hypergrad4j.experiments.meta.MetaHistory;
import io.github.hypergrad4j.experiments.meta.ScheduleMetaLoop;
import io.github.hypergrad4j.experiments.meta.ScheduleTying;
import io.github.hypergrad4j.experiments.sweep.NetworkSetup;
import io.github.hypergrad4j.hyper.HyperVector;
import io.github.hypergrad4j.meta.Adam;
import io.github.hypergrad4j.meta.MetaOptimizer;
import io.github.hypergrad4j.meta.ScheduleProblem;
import io.github.hypergrad4j.meta.SeedEvaluator;
import io.github.hypergrad4j.meta.SeedEvaluators;
import io.github.hypergrad4j.meta.SeedResult;
import io.github.hypergrad4j.meta.SgdMomentum;
import io.github.hypergrad4j.model.Activation;
import java.io.IOException;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Log entries of Jan 14-15 and the reversible-learning paper: learn the learning-rate schedule (and,
 * in the full version, the momentum schedule and initial scales) of a tanh MLP by Adam or gradient
 * descent on the exact hypergradient of the training loss after training. The {@code full} preset is
 * the paper's (784-50-50-50-10, T = 100, 800 + 800 schedule values and 8 scales, a new seed every
 * meta-iteration); the {@code log-*} presets are the log's (one learning rate per step, shared by all
 * layers; 1,000 or 3,000 examples; or one rate per epoch, its hypergradient summed over the epoch).
 * Before meta-optimising, the hypergradient at the starting schedule is averaged over many seeds.
 */
public final class LrSchedule implements Experiment {

    /**
     * @param preset the preset's name (recorded)
     * @param layers layer sizes
     * @param steps training steps T
     * @param batchSize minibatch size
     * @param trainSize training examples (the objective is the loss on all of them)
     * @param initialAlpha starting learning rate of every step and group
     * @param initialBeta starting momentum
     * @param initialScale starting initial-weight scale of every group
     * @param perGroup separate values for each layer's weights and biases
     * @param stepsPerValue consecutive steps sharing one value (1: every step)
     * @param learnMomentum learn the momentum schedule too
     * @param learnScales learn the initial scales too
     * @param newSeedEachMetaIteration draw new initial weights and minibatches at every meta-iteration
     * @param optimizer {@code adam} or {@code sgd}
     * @param metaStep the meta-optimiser's step
     * @param metaIterations meta-iterations
     * @param seeds seeds the starting hypergradient is averaged over
     * @param sparkMaster Spark master that evaluates seeds, or null for the in-process thread pool
     * @param outputActivation the activation before the softmax: tanh in the log presets (the Jan 14-15
     *     figures' network), linear in the paper's
     * @param batchOrder {@code random} (new minibatches at every step, the default) or {@code consecutive}
     *     (the training set's slices in order, epoch after epoch, as the original experiments took them)
     */
    public record Config(String preset, int[] layers, int steps, int batchSize, int trainSize, double initialAlpha,
            double initialBeta, double initialScale, boolean perGroup, int stepsPerValue, boolean learnMomentum,
            boolean learnScales, boolean newSeedEachMetaIteration, String optimizer, double metaStep,
            int metaIterations, int seeds, String sparkMaster, Activation outputActivation, String batchOrder) {
        public Config {
            try {
                batchOrder = BatchOrder.parse(batchOrder).label();
            } catch (IllegalArgumentException e) {
                throw new ConfigException("--batch-order: " + e.getMessage(), e);
            }
            if (outputActivation == null) {
                throw new ConfigException("the network needs an output activation (linear or tanh)");
            }
            layers = NetworkSetup.checkLayers(layers);
            ConfigException.requirePositive("steps", steps);
            ConfigException.requirePositive("batch size", batchSize);
            ConfigException.requirePositive("training set size", trainSize);
            ConfigException.requireBatchWithin(batchSize, trainSize);
            ConfigException.requirePositive("initial learning rate", initialAlpha);
            ConfigException.requireFraction("initial momentum", initialBeta);
            ConfigException.requirePositive("initial scale", initialScale);
            ConfigException.requirePositive("steps per schedule value", stepsPerValue);
            if (!OPTIMIZERS.contains(optimizer)) {
                throw new ConfigException("meta-optimiser must be one of " + OPTIMIZERS + ", got " + optimizer);
            }
            ConfigException.requirePositive("meta step", metaStep);
            ConfigException.requirePositive("meta-iterations", metaIterations);
            if (seeds < 2) {
                throw new ConfigException("--gradient-seeds must be at least 2 (the hypergradient figure compares averages of"
                        + " two halves), got " + seeds);
            }
        }

        /** The paper's network (linear before the softmax) for {@code full} and {@code paper}, the log's otherwise. */
        public Config(String preset, int[] layers, int steps, int batchSize, int trainSize, double initialAlpha,
                double initialBeta, double initialScale, boolean perGroup, int stepsPerValue, boolean learnMomentum,
                boolean learnScales, boolean newSeedEachMetaIteration, String optimizer, double metaStep,
                int metaIterations, int seeds, String sparkMaster) {
            this(preset, layers, steps, batchSize, trainSize, initialAlpha, initialBeta, initialScale, perGroup,
                    stepsPerValue, learnMomentum, learnScales, newSeedEachMetaIteration, optimizer, metaStep,
                    metaIterations, seeds, sparkMaster, preset.startsWith("log-") ? Activation.TANH : Activation.LINEAR);
        }

        /** Random minibatches. */
        public Config(String preset, int[] layers, int steps, int batchSize, int trainSize, double initialAlpha,
                double initialBeta, double initialScale, boolean perGroup, int stepsPerValue, boolean learnMomentum,
                boolean learnScales, boolean newSeedEachMetaIteration, String optimizer, double metaStep,
                int metaIterations, int seeds, String sparkMaster, Activation outputActivation) {
            this(preset, layers, steps, batchSize, trainSize, initialAlpha, initialBeta, initialScale, perGroup,
                    stepsPerValue, learnMomentum, learnScales, newSeedEachMetaIteration, optimizer, metaStep,
                    metaIterations, seeds, sparkMaster, outputActivation, BatchOrder.RANDOM.label());
        }
        /** The meta-optimisers: Adam, the original hypergrad code's Adam, gradient descent. */
        public static final List<String> OPTIMIZERS = List.of("adam", "adam-original", "sgd");

        /** The preset names, default first. */
        public static final List<String> PRESETS = List.of("full", "paper", "log-1k", "log-3k", "log-epochs");

        /**
         * Whether the pixels are centred on the mean image: in the {@code paper} preset, as the original's
         * run behind the paper's figures did (its data loader centred, the January log's did not).
         */
        public Centring centring() {
            return preset.equals("paper") ? Centring.POOL_MEAN : Centring.NONE;
        }

        /** Whether a preset is one of the log's (Jan 15), whose explosion guard records rather than undoes. */
        public static boolean isLogPreset(String name) {
            return name.startsWith("log-");
        }

        /** A preset at full or quick size. */
        public static Config preset(String name, boolean quick) {
            return switch (name) {
                case "full" -> quick
                        ? new Config(name, new int[] {784, 20, 20, 10}, 20, 50, 500, 0.3, 0.9, Math.exp(-2), true, 1,
                                true, true, true, "adam", 0.04, 6, 8, null)
                        : new Config(name, new int[] {784, 50, 50, 50, 10}, 100, 200, 10_000, 0.3, 0.9, Math.exp(-2),
                                true, 1, true, true, true, "adam", 0.04, 50, 100, null);
                // The paper's starting point (its schedule figure): log alpha -1, momentum 0.5, log scale -3.
                case "paper" -> preset("full", quick).withPreset(name).withInitial(Math.exp(-1), 0.5, Math.exp(-3));
                // Jan 15 figure 1: 1,000 examples; figure 2: "3k" in the log's text, 30,000 in its code.
                case "log-1k" -> logVersion(name, quick ? 500 : 1_000, quick ? 10 : 20, 1, 40, 7, quick);
                case "log-3k" -> logVersion(name, quick ? 1_000 : 30_000, quick ? 10 : 20, 1, 40, 7, quick);
                // Figure 3: 30,000 examples, 1,200 steps, one rate per epoch of 120 steps, meta step 2,000 x the
                // epoch's mean hypergradient (= 2,000 / 120 x its sum), 4 meta-iterations.
                case "log-epochs" -> quick ? logVersion(name, 1_000, 20, 4, 40.0 / 4, 4, true)
                        : logVersion(name, 30_000, 1_200, 120, 2000.0 / 120, 4, false);
                default -> throw new ConfigException("unknown preset '" + name + "'; choose one of " + PRESETS);
            };
        }

        private static Config logVersion(String name, int train, int steps, int stepsPerValue, double metaStep,
                int metaIterations, boolean quick) {
            return new Config(name, quick ? new int[] {784, 50, 10} : new int[] {784, 200, 50, 10}, steps, 250,
                    train, 1.0, 0.9, Math.exp(-2), false, stepsPerValue, false, false, false, "sgd",
                    metaStep, quick ? Math.min(4, metaIterations) : metaIterations, quick ? 4 : 20, null);
        }

        public Config withPreset(String name) {
            return new Config(name, layers, steps, batchSize, trainSize, initialAlpha, initialBeta, initialScale, perGroup,
                    stepsPerValue, learnMomentum, learnScales, newSeedEachMetaIteration, optimizer, metaStep,
                    metaIterations, seeds, sparkMaster, outputActivation, batchOrder);
        }

        public Config withNetwork(Activation output) {
            return new Config(preset, layers, steps, batchSize, trainSize, initialAlpha, initialBeta, initialScale, perGroup,
                    stepsPerValue, learnMomentum, learnScales, newSeedEachMetaIteration, optimizer, metaStep,
                    metaIterations, seeds, sparkMaster, output, batchOrder);
        }

        public Config withMeta(double step, int count) {
            return new Config(preset, layers, steps, batchSize, trainSize, initialAlpha, initialBeta, initialScale,
                    perGroup, stepsPerValue, learnMomentum, learnScales, newSeedEachMetaIteration, optimizer, step,
                    count, seeds, sparkMaster, outputActivation, batchOrder);
        }

        public Config withTraining(int train, int batch, int t) {
            return new Config(preset, layers, t, batch, train, initialAlpha, initialBeta, initialScale, perGroup,
                    stepsPerValue, learnMomentum, learnScales, newSeedEachMetaIteration, optimizer, metaStep,
                    metaIterations, seeds, sparkMaster, outputActivation, batchOrder);
        }

        public Config withSeeds(int count, String master) {
            return new Config(preset, layers, steps, batchSize, trainSize, initialAlpha, initialBeta, initialScale,
                    perGroup, stepsPerValue, learnMomentum, learnScales, newSeedEachMetaIteration, optimizer, metaStep,
                    metaIterations, count, master, outputActivation, batchOrder);
        }

        /** The same configuration with minibatches in another order ({@code random} or {@code consecutive}). */
        public Config withBatchOrder(String order) {
            return new Config(preset, layers, steps, batchSize, trainSize, initialAlpha, initialBeta, initialScale,
                    perGroup, stepsPerValue, learnMomentum, learnScales, newSeedEachMetaIteration, optimizer, metaStep,
                    metaIterations, seeds, sparkMaster, outputActivation, order);
        }

        public Config withOptimizer(String name) {
            return new Config(preset, layers, steps, batchSize, trainSize, initialAlpha, initialBeta, initialScale,
                    perGroup, stepsPerValue, learnMomentum, learnScales, newSeedEachMetaIteration, name, metaStep,
                    metaIterations, seeds, sparkMaster, outputActivation, batchOrder);
        }

        public Config withInitial(double alpha, double beta, double scale) {
            return new Config(preset, layers, steps, batchSize, trainSize, alpha, beta, scale, perGroup, stepsPerValue,
                    learnMomentum, learnScales, newSeedEachMetaIteration, optimizer, metaStep, metaIterations, seeds,
                    sparkMaster, outputActivation, batchOrder);
        }
    }

    private final Config config;

    public LrSchedule(Config config) {
        this.config = config;
    }

    @Override
    public String name() {
        return "lr-schedule";
    }

    @Override
    public String title() {
        return config.learnMomentum() ? "Learning-rate and momentum schedules, per layer, and initial scales"
                : "Optimising the learning-rate schedule";
    }

    @Override
    public String description() {
        boolean consecutive = config.batchOrder().equals(BatchOrder.CONSECUTIVE.label());
        return "A learning rate for every training step" + (config.perGroup() ? " and for the weights and biases of"
                + " every layer" : "") + (config.learnMomentum() ? ", a momentum for each as well, and the initial"
                + " weight scale of each" : "") + ", learned by " + switch (config.optimizer()) {
                    case "adam" -> "Adam";
                    case "adam-original" -> "the original hypergrad code's Adam";
                    default -> "gradient descent";
                } + " on the exact hypergradient of the training loss after " + config.steps() + " steps."
                + " Before that, the hypergradient at the constant starting schedule is averaged over "
                + config.seeds() + (consecutive ? " seeds (initial weights; the minibatches are the training set's"
                + " consecutive slices, epoch after epoch, the same for every seed)" : " seeds (initial weights and"
                + " minibatches)") + ", which makes it smooth. Preset '" + config.preset() + "'.";
    }

    @Override
    public MonthDay logDate() {
        return MonthDay.of(1, 15);
    }

    @Override
    public Config config() {
        return config;
    }

    @Override
    public void run(ExperimentContext context) throws IOException {
        ScheduleProblem problem = NetworkSetup.scheduleProblem(context, name(), config.layers(), config.steps(),
                config.batchSize(), config.trainSize(), config.centring())
                .withOutputActivation(config.outputActivation())
                .withBatchOrder(BatchOrder.parse(config.batchOrder()));
        int groups = problem.groups(), steps = config.steps();
        double[] scales = new double[groups];
        Arrays.fill(scales, config.initialScale());
        HyperVector start = problem.initial(config.initialAlpha(), config.initialBeta(), scales);
        ScheduleTying tying = new ScheduleTying(start.values(), steps, groups, config.perGroup(),
                config.stepsPerValue(), true, config.learnMomentum(), config.learnScales());
        long runSeed = context.seedFor("initial weights and minibatches");
        context.info(String.format(Locale.ROOT, "%d hyperparameters learned (of %d); seeds on %s", tying.size(),
                problem.size(), config.sparkMaster() == null ? "this machine's threads" : "Spark " + config.sparkMaster()));
        try (SeedEvaluator evaluator = evaluator()) {
            SeedAverage average = averageHypergradient(context, evaluator, problem, start.values(), runSeed);

            MetaOptimizer optimizer = switch (config.optimizer()) {
                case "adam" -> new Adam(config.metaStep());
                case "adam-original" -> Adam.asInOriginalHypergrad(config.metaStep());
                default -> new SgdMomentum(config.metaStep(), 0);
            };
            ScheduleMetaLoop.Outcome meta = ScheduleMetaLoop.run(context, "lr-schedule meta-iterations", problem,
                    evaluator, tying, optimizer, config.metaIterations(), runSeed, config.newSeedEachMetaIteration(),
                    "trainLoss", null);
            MetaHistory history = meta.history();
            List<double[]> schedules = new ArrayList<>(meta.hyperparameters().values());
            double[] end = meta.finalFull();
            long[] compare = seeds(runSeed, Math.min(config.seeds(), 20));
            double before, after;
            try (Progress.Task task = context.progress().start("before/after on fixed seeds", 2)) {
                before = evaluator.mean(problem, start.values(), compare, 0).objective();
                task.advance(1, String.format(Locale.ROOT, "before %.4f", before));
                after = evaluator.mean(problem, end, compare, 0).objective();
                task.advance(1, String.format(Locale.ROOT, "after %.4f", after));
            }
            new LrScheduleFigures(new LrScheduleFigures.Shape(config.perGroup(),
                    config.learnMomentum(), config.learnScales(), config.newSeedEachMetaIteration()),
                    problem.model().layout(), steps, groups).save(context, history, schedules,
                    end, start.values(), average, before, after, compare.length, meta.hypergradients());
        }
    }

    private SeedEvaluator evaluator() {
        try {
            return SeedEvaluators.forOption(config.sparkMaster());
        } catch (IllegalStateException | IllegalArgumentException e) {
            // The library speaks of masters and class paths; here the user typed --spark.
            throw new ConfigException("--spark " + config.sparkMaster() + ": " + e.getMessage()
                    + " The ./hypergrad4j launcher adds both when --spark is among its arguments."
                    + " Without --spark, seeds run on a thread pool in this process.", e);
        }
    }

    private SeedAverage averageHypergradient(ExperimentContext context, SeedEvaluator evaluator, ScheduleProblem problem,
            double[] x, long runSeed) {
        long[] all = seeds(runSeed, config.seeds());
        int half = all.length / 2;
        long[] a = Arrays.copyOfRange(all, 0, half), b = Arrays.copyOfRange(all, half, 2 * half);
        // Seeds are summed chunk by chunk, then the chunk sums: the chunk size decides the summation
        // order, so it is fixed (never the core count) for the same bits on every machine.
        int chunk = 8;
        try (Progress.Task task = context.progress().start("hypergradient over " + all.length + " seeds", all.length)) {
            SeedResult sumA = chunkedSum(evaluator, problem, x, a, chunk, task);
            SeedResult sumB = chunkedSum(evaluator, problem, x, b, chunk, task);
            List<SeedResult> parts = new ArrayList<>(List.of(sumA, sumB));
            if (all.length > 2 * half) {
                parts.add(chunkedSum(evaluator, problem, x, new long[] {all[all.length - 1]}, chunk, task));
            }
            SeedResult total = SeedResult.sumInOrder(parts).dividedBy(all.length);
            SeedResult singleA = evaluator.mean(problem, x, new long[] {a[0]}, 0);
            SeedResult singleB = evaluator.mean(problem, x, new long[] {b[0]}, 0);
            return new SeedAverage(singleA, singleB, sumA.dividedBy(half), sumB.dividedBy(half), total, all.length);
        }
    }

    private static SeedResult chunkedSum(SeedEvaluator evaluator, ScheduleProblem problem, double[] x, long[] seeds,
            int chunk, Progress.Task task) {
        List<SeedResult> sums = new ArrayList<>();
        for (int from = 0; from < seeds.length; from += chunk) {
            long[] part = Arrays.copyOfRange(seeds, from, Math.min(seeds.length, from + chunk));
            sums.add(evaluator.sum(problem, x, part, 0));
            task.advance(part.length, String.format(Locale.ROOT, "loss %.4f", sums.get(sums.size() - 1).objective() / part.length));
        }
        return SeedResult.sumInOrder(sums);
    }

    static long[] seeds(long runSeed, int n) {
        long[] s = new long[n];
        for (int i = 0; i < n; i++) {
            s[i] = runSeed + i;
        }
        return s;
    }
}
