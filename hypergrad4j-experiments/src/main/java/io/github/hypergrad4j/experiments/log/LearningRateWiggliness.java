package io.github.hypergrad4j.experiments.log;

import io.github.hypergrad4j.experiments.ConfigException;
import io.github.hypergrad4j.experiments.Experiment;
import io.github.hypergrad4j.experiments.ExperimentContext;
import io.github.hypergrad4j.experiments.Progress;
import io.github.hypergrad4j.experiments.sweep.NetworkSetup;
import io.github.hypergrad4j.experiments.sweep.SeedBand;
import io.github.hypergrad4j.experiments.sweep.Sweep;
import io.github.hypergrad4j.experiments.sweep.SweepFigures;
import io.github.hypergrad4j.experiments.sweep.SweepGrid;
import io.github.hypergrad4j.experiments.sweep.SweepResult;
import io.github.hypergrad4j.experiments.sweep.SweepVariable;
import io.github.hypergrad4j.hyper.InitialWeights;
import io.github.hypergrad4j.model.Activation;
import io.github.hypergrad4j.report.ResultsSection;
import io.github.hypergrad4j.train.Hypergradient;
import io.github.hypergrad4j.train.Schedule;
import java.io.IOException;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;

/**
 * Log entry of Jan 14, "learning rate wiggliness": the training loss after T steps as a function of
 * the log learning rate a (the same rate exp(a) for every step and layer), and its exact derivative
 * dL/da = exp(a) sum over steps and layers of dL/dalpha. Large rates overflow the fixed-point range:
 * those runs are recorded as diverged, the "edge of chaos".
 */
public final class LearningRateWiggliness implements Experiment {

    /**
     * @param trainSize training examples
     * @param batchSize minibatch size (cyclic batches)
     * @param layers network layer sizes, input first
     * @param logScale log of the initial weights' scale (w_0 = exp(logScale) z)
     * @param momentum constant momentum
     * @param sweep the sweep over the log learning rate
     * @param outputActivation the activation before the softmax (tanh in the log's Jan 14 figure)
     * @param seeds initial noises the sweep is repeated for (1: only the run's own); more add the mean and a
     *     band of one standard deviation
     */
    public record Config(int trainSize, int batchSize, int[] layers, double logScale, double momentum, SweepGrid sweep,
            Activation outputActivation, int seeds) {
        public Config {
            ConfigException.requirePositive("--seeds", seeds);
            ConfigException.requirePositive("training set size", trainSize);
            ConfigException.requirePositive("batch size", batchSize);
            layers = NetworkSetup.checkLayers(layers);
            ConfigException.requireFinite("log initial scale", logScale);
            ConfigException.requireFraction("momentum", momentum);
            if (sweep == null) {
                throw new ConfigException("the learning-rate sweep needs a grid");
            }
            if (outputActivation == null) {
                throw new ConfigException("the network needs an output activation (linear or tanh)");
            }
        }

        /** The log's network: tanh before the softmax. */
        public Config(int trainSize, int batchSize, int[] layers, double logScale, double momentum, SweepGrid sweep) {
            this(trainSize, batchSize, layers, logScale, momentum, sweep, Activation.TANH, 1);
        }

        /** The log's setting. */
        public static Config defaults() {
            return new Config(1000, 250, new int[] {784, 200, 50, 10}, -2, 0.9,
                    new SweepGrid(-4, 3, 20, new int[] {0, 1, 5, 10, 20, 50}));
        }

        /** A small version that runs in seconds. */
        public static Config quick() {
            return new Config(200, 50, new int[] {784, 200, 50, 10}, -2, 0.9, new SweepGrid(-4, 3, 8, new int[] {0, 1, 5, 10}));
        }

        public Config withSweep(SweepGrid grid) {
            return new Config(trainSize, batchSize, layers, logScale, momentum, grid, outputActivation, seeds);
        }

        public Config withData(int newTrainSize, int newBatchSize) {
            return new Config(newTrainSize, newBatchSize, layers, logScale, momentum, sweep, outputActivation, seeds);
        }

        public Config withLogScale(double s) {
            return new Config(trainSize, batchSize, layers, s, momentum, sweep, outputActivation, seeds);
        }

        public Config withSeeds(int n) {
            return new Config(trainSize, batchSize, layers, logScale, momentum, sweep, outputActivation, n);
        }

        public Config withNetwork(Activation output) {
            return new Config(trainSize, batchSize, layers, logScale, momentum, sweep, output, seeds);
        }
    }

    private final Config config;

    public LearningRateWiggliness(Config config) {
        this.config = config;
    }

    @Override
    public String name() {
        return "lr-wiggliness";
    }

    @Override
    public String title() {
        return "Loss and its exact derivative vs the learning rate";
    }

    @Override
    public String description() {
        return "Training loss of an MLP " + java.util.Arrays.toString(config.layers()) + " after T steps with learning"
                + " rate exp(a) (initial scale exp(" + config.logScale() + ")), and its exact derivative with respect to"
                + " a. The gradients are sensible up to an edge of chaos at large rates, where runs oscillate or leave"
                + " the fixed-point range (marked as diverged).";
    }

    @Override
    public MonthDay logDate() {
        return MonthDay.of(1, 14);
    }

    @Override
    public Config config() {
        return config;
    }

    @Override
    public void run(ExperimentContext context) throws IOException {
        NetworkSetup setup = NetworkSetup.create(context, config.layers(), config.outputActivation(), config.trainSize(),
                config.batchSize());
        SweepResult result;
        try (Progress.Task task = context.progress().start("learning-rate sweep", config.sweep().totalSteps())) {
            result = new Sweep(setup.trainer(), setup.objective(), logRate(setup, setup.init())).run(config.sweep(), task);
        }
        ResultsSection data = context.results().data();
        result.record(data.section("sweep"), "logLearningRate");
        context.saveFigure("loss-and-derivative-vs-learning-rate.png", "Training loss (top) and its exact derivative"
                + " with respect to the log learning rate a (bottom), one curve per number of iterations; black"
                + " markers: runs that diverged.", SweepFigures.lossAndDerivative(result, "log learning rate",
                "Log learning rate a", "a"));
        result.summarise(context.results(), "a", "sweep");
        if (config.seeds() > 1) {
            List<SweepResult> runs = new ArrayList<>(List.of(result));
            try (Progress.Task task = context.progress().start("learning-rate sweep, more seeds",
                    (config.seeds() - 1) * config.sweep().totalSteps())) {
                for (int n = 1; n < config.seeds(); n++) {
                    InitialWeights z = new InitialWeights(setup.model().layout(), context.seedFor("initial weights " + n));
                    runs.add(new Sweep(setup.trainer(), setup.objective(), logRate(setup, z)).run(config.sweep(), task));
                }
            }
            SeedBand band = SeedBand.of(runs);
            band.record(data.section("seeds"), "logLearningRate");
            context.saveFigure("loss-and-derivative-vs-learning-rate-seeds.png", "Mean over " + config.seeds()
                    + " initial noises of the training loss (top) and its derivative (bottom), dashed: +- one standard"
                    + " deviation.", SweepFigures.seedBand(band, "log learning rate", "Log learning rate a", "a"));
        }
    }

    /** a, the log learning rate of every step, from the initial weights exp(logScale) z. */
    private SweepVariable logRate(NetworkSetup setup, InitialWeights z) {
        double[] w0 = z.weights(Math.exp(config.logScale()));
        return new SweepVariable() {
            @Override
            public String symbol() {
                return "a";
            }

            @Override
            public double[] initialWeights(double a) {
                return w0;
            }

            @Override
            public Schedule schedule(double a, int steps) {
                return Schedule.constant(steps, setup.model().layout(), Math.exp(a), config.momentum());
            }

            @Override
            public double derivative(double a, Hypergradient h) {
                double total = 0;
                for (double[] step : h.dAlpha()) {
                    for (double d : step) {
                        total += d;
                    }
                }
                return Math.exp(a) * total;
            }
        };
    }
}
