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
 * Log entry of Jan 9, "param scale wiggliness": the training loss after T steps as a function of the
 * log scale s of the initial weights (w_0 = exp(s) z, z fixed), and its exact derivative
 * dL/ds = exp(s) sum(dL/dw_0 * z), for several T; then a zoomed, denser sweep that shows the loss's
 * small wiggles.
 */
public final class ScaleWiggliness implements Experiment {

    /**
     * @param trainSize training examples
     * @param batchSize minibatch size (cyclic batches)
     * @param layers network layer sizes, input first
     * @param learningRate constant learning rate
     * @param momentum constant momentum
     * @param sweep the main sweep over s
     * @param zoom the zoomed sweep, or null for none
     * @param outputActivation the activation before the softmax (tanh in the log's Jan 9 figures)
     * @param boxWindow the zoom's high-pass: the loss minus its mean over this many neighbouring points, the
     *     log's box filter (20 in its figure 2); 0 for the loss minus its local quadratic trend
     * @param seeds initial noises z the main sweep is repeated for (1: only the run's own); more add the
     *     mean and a band of one standard deviation
     */
    public record Config(int trainSize, int batchSize, int[] layers, double learningRate, double momentum,
            SweepGrid sweep, SweepGrid zoom, Activation outputActivation, int boxWindow, int seeds) {
        public Config {
            ConfigException.requirePositive("--seeds", seeds);
            ConfigException.requirePositive("training set size", trainSize);
            ConfigException.requirePositive("batch size", batchSize);
            layers = NetworkSetup.checkLayers(layers);
            ConfigException.requirePositive("learning rate", learningRate);
            ConfigException.requireFraction("momentum", momentum);
            if (sweep == null) {
                throw new ConfigException("the scale sweep needs a grid");
            }
            if (outputActivation == null) {
                throw new ConfigException("the network needs an output activation (linear or tanh)");
            }
            ConfigException.requireNonNegative("the box filter's window", boxWindow);
            if (boxWindow == 1) {
                throw new ConfigException("a box filter of one point removes everything; use a window of at least 2,"
                        + " or 0 for the local quadratic trend");
            }
        }

        /** The log's network (tanh before the softmax) and its box filter of 20 points. */
        public Config(int trainSize, int batchSize, int[] layers, double learningRate, double momentum, SweepGrid sweep,
                SweepGrid zoom) {
            this(trainSize, batchSize, layers, learningRate, momentum, sweep, zoom, Activation.TANH, 20, 1);
        }

        /** The log's setting. */
        public static Config defaults() {
            return new Config(1000, 250, new int[] {784, 200, 50, 10}, 1.0, 0.9,
                    new SweepGrid(-4, 1, 20, new int[] {0, 1, 5, 10, 20, 50, 400}),
                    new SweepGrid(-2, 1, 100, new int[] {10, 15}));
        }

        /** A small version that runs in seconds. */
        public static Config quick() {
            return new Config(200, 50, new int[] {784, 200, 50, 10}, 1.0, 0.9,
                    new SweepGrid(-4, 1, 8, new int[] {0, 1, 5, 10}),
                    new SweepGrid(-2, 1, 16, new int[] {5, 10}), Activation.TANH, 4, 1);
        }

        public Config withSweep(SweepGrid grid) {
            return new Config(trainSize, batchSize, layers, learningRate, momentum, grid, zoom, outputActivation, boxWindow, seeds);
        }

        public Config withZoom(SweepGrid grid) {
            return new Config(trainSize, batchSize, layers, learningRate, momentum, sweep, grid, outputActivation, boxWindow, seeds);
        }

        public Config withData(int newTrainSize, int newBatchSize) {
            return new Config(newTrainSize, newBatchSize, layers, learningRate, momentum, sweep, zoom, outputActivation,
                    boxWindow, seeds);
        }

        public Config withNetwork(Activation output) {
            return new Config(trainSize, batchSize, layers, learningRate, momentum, sweep, zoom, output, boxWindow, seeds);
        }

        public Config withSeeds(int n) {
            return new Config(trainSize, batchSize, layers, learningRate, momentum, sweep, zoom, outputActivation,
                    boxWindow, n);
        }

        public Config withBoxWindow(int window) {
            return new Config(trainSize, batchSize, layers, learningRate, momentum, sweep, zoom, outputActivation, window, seeds);
        }
    }

    private final Config config;

    public ScaleWiggliness(Config config) {
        this.config = config;
    }

    @Override
    public String name() {
        return "scale-wiggliness";
    }

    @Override
    public String title() {
        return "Loss and its exact derivative vs the scale of the initial weights";
    }

    @Override
    public String description() {
        return "Training loss of an MLP " + java.util.Arrays.toString(config.layers()) + " after T steps of SGD with"
                + " momentum from initial weights exp(s) * z (z fixed standard normal noise), and its exact derivative"
                + " with respect to s from the reversed training run. The loss looks smooth, but for large scales and"
                + " long runs the derivative becomes chaotic; small scales stay on the peaceful side.";
    }

    @Override
    public MonthDay logDate() {
        return MonthDay.of(1, 9);
    }

    @Override
    public Config config() {
        return config;
    }

    @Override
    public void run(ExperimentContext context) throws IOException {
        NetworkSetup setup = NetworkSetup.create(context, config.layers(), config.outputActivation(), config.trainSize(),
                config.batchSize());
        Sweep sweep = new Sweep(setup.trainer(), setup.objective(), new LogScale(setup, setup.init()));
        SweepResult main;
        try (Progress.Task task = context.progress().start("scale sweep", config.sweep().totalSteps())) {
            main = sweep.run(config.sweep(), task);
        }
        ResultsSection data = context.results().data();
        main.record(data.section("sweep"), "logScale");
        context.saveFigure("loss-and-derivative-vs-scale.png", "Training loss (top) and its exact derivative with"
                + " respect to the log initial scale s (bottom), one curve per number of training iterations.",
                SweepFigures.lossAndDerivative(main, "log initial scale", "Log param scale s", "s"));
        main.summarise(context.results(), "s", "main sweep");
        if (config.seeds() > 1) {
            List<SweepResult> runs = new ArrayList<>(List.of(main));
            try (Progress.Task task = context.progress().start("scale sweep, more seeds",
                    (config.seeds() - 1) * config.sweep().totalSteps())) {
                for (int n = 1; n < config.seeds(); n++) {
                    InitialWeights z = new InitialWeights(setup.model().layout(), context.seedFor("initial weights " + n));
                    runs.add(new Sweep(setup.trainer(), setup.objective(), new LogScale(setup, z)).run(config.sweep(), task));
                }
            }
            SeedBand band = SeedBand.of(runs);
            band.record(data.section("seeds"), "logScale");
            context.saveFigure("loss-and-derivative-vs-scale-seeds.png", "Mean over " + config.seeds() + " initial"
                    + " noises z of the training loss (top) and its derivative (bottom), dashed: +- one standard"
                    + " deviation.", SweepFigures.seedBand(band, "log initial scale", "Log param scale s", "s"));
        }

        if (config.zoom() != null) {
            SweepResult zoom;
            try (Progress.Task task = context.progress().start("zoomed sweep", config.zoom().totalSteps())) {
                zoom = sweep.run(config.zoom(), task);
            }
            ResultsSection z = data.section("zoom");
            zoom.record(z, "logScale");
            double[][] highPass;
            String filter;
            if (config.boxWindow() > 0) {
                highPass = SweepFigures.boxHighPass(zoom.loss(), config.boxWindow());
                filter = "loss minus its mean over " + config.boxWindow() + " points (the log's box filter)";
                z.put("highPassLoss", highPass).put("highPassBoxWindow", config.boxWindow());
            } else {
                int half = Math.max(2, config.zoom().points() / 12);
                highPass = SweepFigures.highPass(zoom.loss(), half);
                filter = "loss minus its local quadratic trend over " + (2 * half + 1) + " points";
                z.put("highPassLoss", highPass).put("highPassHalfWindow", half);
            }
            context.saveFigure("zoomed-scale.png", "Zoomed sweep: loss, " + filter + " (the wiggles), and the exact"
                    + " derivative.", SweepFigures.zoomed(zoom, highPass, "log initial scale", "Log param scale s", "s",
                    config.boxWindow() > 0 ? "loss - box mean" : "loss - local quadratic trend"));
            context.results().summary("diverged runs (zoomed sweep)", zoom.diverged());
        }
    }

    /** s, the log of the initial weights' scale: w_0 = exp(s) z. */
    private final class LogScale implements SweepVariable {
        private final NetworkSetup setup;
        private final InitialWeights init;

        LogScale(NetworkSetup setup, InitialWeights init) {
            this.setup = setup;
            this.init = init;
        }

        @Override
        public String symbol() {
            return "s";
        }

        @Override
        public double[] initialWeights(double s) {
            return init.weights(Math.exp(s));
        }

        @Override
        public Schedule schedule(double s, int steps) {
            return Schedule.constant(steps, setup.model().layout(), config.learningRate(), config.momentum());
        }

        @Override
        public double derivative(double s, Hypergradient h) {
            double total = 0;
            for (double d : init.scaleGradient(h.dWeights0())) {
                total += d;
            }
            return Math.exp(s) * total;
        }
    }
}
