package io.github.hypergrad4j.experiments.log;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.github.hypergrad4j.autodiff.Tape;
import io.github.hypergrad4j.autodiff.Var;
import io.github.hypergrad4j.data.Centring;
import io.github.hypergrad4j.data.CyclicBatches;
import io.github.hypergrad4j.data.Examples;
import io.github.hypergrad4j.data.LabelledImages;
import io.github.hypergrad4j.data.SplitSizes;
import io.github.hypergrad4j.experiments.ConfigException;
import io.github.hypergrad4j.experiments.Experiment;
import io.github.hypergrad4j.experiments.ExperimentContext;
import io.github.hypergrad4j.experiments.InnerRun;
import io.github.hypergrad4j.experiments.LoadedData;
import io.github.hypergrad4j.experiments.meta.MetaFigures;
import io.github.hypergrad4j.experiments.meta.MetaHistory;
import io.github.hypergrad4j.experiments.meta.MetaLoop;
import io.github.hypergrad4j.experiments.meta.MetaTraining;
import io.github.hypergrad4j.hyper.InitialWeights;
import io.github.hypergrad4j.meta.SgdMomentum;
import io.github.hypergrad4j.model.L2Penalty;
import io.github.hypergrad4j.model.Losses;
import io.github.hypergrad4j.model.Mlp;
import io.github.hypergrad4j.model.ParameterLayout;
import io.github.hypergrad4j.plot.ColourScale;
import io.github.hypergrad4j.plot.ImageGrid;
import io.github.hypergrad4j.plot.LineChart;
import io.github.hypergrad4j.plot.Palette;
import io.github.hypergrad4j.plot.Panels;
import io.github.hypergrad4j.tensor.Tensor;
import io.github.hypergrad4j.train.Classification;
import io.github.hypergrad4j.train.Hypergradient;
import io.github.hypergrad4j.train.Schedule;
import io.github.hypergrad4j.train.Theta;
import io.github.hypergrad4j.train.TrainingLoss;
import java.io.IOException;
import java.time.MonthDay;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The continuous augmentation the Jan 19 log entry plans ("augment-flow"): training images are
 * augmented by the flow y = expm(t A_eff) x of a learned matrix whose only non-zero entries couple
 * neighbouring pixels, with t ~ N(0, sigma^2) drawn afresh at every training step. The couplings are
 * learned through the exact hypergradient of a logistic regression's validation loss, reversing its
 * whole SGD run on original-plus-augmented minibatches.
 *
 * <p>"Also used as its transpose": the flow uses A_eff = A - A^T ({@link NeighbourFlow}, which says why);
 * the price is the log's "symmetry-related" redundancy: P_ij and P_ji enter only through their
 * difference.
 */
public final class AugmentFlow implements Experiment {
    static final String COUPLINGS = "couplings";

    /**
     * @param inner the inner training run (its minibatches are each also augmented)
     * @param l2 L2 penalty on every weight
     * @param sigma standard deviation of the flow time t
     * @param taylorTerms terms of the truncated Taylor series of expm(t A_eff) x, beyond the identity
     * @param step gradient-descent step on the couplings
     * @param metaMomentum momentum of the gradient descent on the couplings
     * @param metaIterations hypergradient steps
     */
    public record Config(@JsonUnwrapped InnerRun inner, double l2, double sigma, int taylorTerms, double step,
            double metaMomentum, int metaIterations) {
        public Config {
            ConfigException.requireNonNegative("the L2 penalty", l2);
            ConfigException.requirePositive("sigma (--sigma)", sigma);
            ConfigException.requirePositive("Taylor terms", taylorTerms);
            ConfigException.requirePositive("meta step (--meta-step)", step);
            ConfigException.requireFraction("meta momentum", metaMomentum);
            ConfigException.requirePositive("meta-iterations (--meta-iterations)", metaIterations);
        }

        /** Modest sizes: a couple of minutes. */
        public static Config defaults() {
            return new Config(new InnerRun(new SplitSizes(1_000, 1_000, 1_000), 100, 30, 0.5, 0.9, -4), 0.001, 1.0, 10,
                    100, 0.5, 10);
        }

        /** Seconds. */
        public static Config quick() {
            return new Config(new InnerRun(new SplitSizes(200, 200, 200), 50, 10, 0.5, 0.9, -4), 0.001, 1.0, 6, 100,
                    0.5, 3);
        }

        public Config withMeta(double newStep, int count) {
            return new Config(inner, l2, sigma, taylorTerms, newStep, metaMomentum, count);
        }

        public Config withInner(InnerRun run) {
            return new Config(run, l2, sigma, taylorTerms, step, metaMomentum, metaIterations);
        }

        public Config withSigma(double newSigma) {
            return new Config(inner, l2, newSigma, taylorTerms, step, metaMomentum, metaIterations);
        }
    }

    private final Config config;

    public AugmentFlow(Config config) {
        this.config = config;
    }

    @Override
    public String name() {
        return "augment-flow";
    }

    @Override
    public String title() {
        return "Learning a continuous, local data augmentation: y = expm(t A) x";
    }

    @Override
    public String description() {
        return "The continuous version the Jan 19 log entry plans. Each training minibatch is used twice: as it is and"
                + " transformed by expm(t (A - A^T)), with t ~ N(0, sigma^2) drawn per step and A restricted to"
                + " couplings between 4-neighbour pixels. The couplings are learned by following the exact gradient of"
                + " a logistic regression's validation loss through its reversed SGD run. Meta-iteration 0 has A = 0,"
                + " i.e. no augmentation (the augmented copy equals the original).";
    }

    @Override
    public MonthDay logDate() {
        return MonthDay.of(1, 19);
    }

    @Override
    public Config config() {
        return config;
    }

    @Override
    public void run(ExperimentContext context) throws IOException {
        InnerRun run = config.inner();
        LoadedData data = context.loadData(run.sizes(), Centring.POOL_MEAN);
        Examples.Splits splits = Examples.Splits.of(data.splits());
        Examples train = splits.train(), valid = splits.validation(), test = splits.test();
        int h = train.height(), w = train.width(), d = h * w;
        Mlp model = Mlp.logisticRegression(d, LabelledImages.DEFAULT_CLASSES);
        ParameterLayout layout = model.layout();
        double[] times = InitialWeights.standardNormal(run.iterations(), context.seedFor("flow times"));
        for (int s = 0; s < times.length; s++) {
            times[s] *= config.sigma();
        }
        CyclicBatches batches = CyclicBatches.shuffled(train.size(), run.batchSize(), context.seedFor("batches"));
        L2Penalty l2 = L2Penalty.scalar(layout);
        Tensor lambda = Tensor.vector(config.l2());
        int terms = config.taylorTerms();
        NeighbourFlow flow = new NeighbourFlow(h, w);
        // Each step: the mean of the cross-entropies of the minibatch and of its flowed copy. t depends on
        // the step only, so the loss is the deterministic function of (step, w, theta) the reverse pass needs.
        TrainingLoss loss = (step, wv, theta) -> {
            Tape tape = wv.tape();
            int[] rows = batches.batch(step);
            Var x = tape.constant(train.images()).rows(rows);
            Var y = tape.constant(train.oneHot()).rows(rows);
            Var augmented = flow.apply(x, theta.get(COUPLINGS), times[step], terms);
            return Losses.softmaxCrossEntropy(model.logits(wv, x), y)
                    .plus(Losses.softmaxCrossEntropy(model.logits(wv, augmented), y)).times(0.5)
                    .plus(l2.apply(wv, tape.constant(lambda)));
        };
        double[] w0 = run.initialWeights(layout, context);
        Schedule schedule = run.schedule(layout);

        // x is the four coupling maps, the entries of P on the mask (right, left, below, above
        // neighbour of every pixel; those off the image get no gradient and stay 0).
        MetaTraining.Hyperparameters hyper = new MetaTraining.Hyperparameters() {
            @Override
            public Theta theta(double[] x) {
                return Theta.of(COUPLINGS, Tensor.of(x.clone(), x.length, 1));
            }

            @Override
            public double[] gradient(double[] x, Hypergradient hg) {
                return hg.dTheta().get(COUPLINGS).data().clone();
            }
        };
        MetaTraining.Evaluation evaluation = (weights, theta) -> {
            Map<String, Double> m = new LinkedHashMap<>();
            Classification.Score va = Classification.score(model, weights, valid);
            Classification.Score te = Classification.score(model, weights, test);
            m.put("validationLoss", va.loss());
            m.put("testLoss", te.loss());
            m.put("validationError", va.errorRate());
            m.put("testError", te.errorRate());
            m.put("couplingRms", Examples.rms(flow.effectiveMaps(theta.get(COUPLINGS).data())[0]));
            return m;
        };
        double[] couplings = new double[4 * d];
        MetaHistory history = new MetaLoop(context, "augment-flow meta-iterations", config.metaIterations(), "validationLoss")
                .run(couplings, new SgdMomentum(config.step(), config.metaMomentum()), new MetaTraining(context.trainer(layout, loss), w0, schedule,
                        Classification.setLoss(model, valid), hyper, evaluation));
        record(context, history, couplings, valid, flow);
    }

    private void record(ExperimentContext context, MetaHistory history, double[] couplings, Examples valid,
            NeighbourFlow flow) throws IOException {
        history.record(context.results().data().section("meta"));
        int h = flow.height(), w = flow.width(), d = h * w;
        double[][] maps = flow.effectiveMaps(couplings);
        context.results().data().put("couplingRight", maps[0]);
        context.results().data().put("couplingDown", maps[1]);

        // (1) a few validation images at t = -2 sigma .. 2 sigma; more Taylor terms than in training so
        // the picture is the flow itself, not its truncation.
        double[] ts = {-2 * config.sigma(), -config.sigma(), 0, config.sigma(), 2 * config.sigma()};
        int shownImages = Math.min(4, valid.size());
        double[] originals = Arrays.copyOf(valid.images().data(), shownImages * d);
        double[][] shown = new double[shownImages * ts.length][];
        String[] labels = new String[shown.length];
        for (int j = 0; j < ts.length; j++) {
            double[] flowed = flow.values(originals, shownImages, couplings, ts[j], 2 * config.taylorTerms());
            for (int i = 0; i < shownImages; i++) {
                shown[i * ts.length + j] = Arrays.copyOfRange(flowed, i * d, (i + 1) * d);
                labels[i * ts.length + j] = String.format(Locale.ROOT, "t = %.1f", ts[j]);
            }
        }
        // How far the training-time truncation is from the flow at t = 2 sigma, relative to the image norm.
        double[] truncated = flow.values(originals, shownImages, couplings, ts[4], config.taylorTerms());
        double[] accurate = flow.values(originals, shownImages, couplings, ts[4], 3 * config.taylorTerms());
        double diff = 0, norm = 0;
        for (int k = 0; k < truncated.length; k++) {
            diff += (truncated[k] - accurate[k]) * (truncated[k] - accurate[k]);
            norm += accurate[k] * accurate[k];
        }
        context.results().data().put("taylorRelativeErrorAtTwoSigma", Math.sqrt(diff / norm));
        var transformed = ImageGrid.of(shown, h, w).columns(ts.length).labels(labels).zoom(3)
                .title("expm(t (A - A^T)) x, t = -2 sigma .. 2 sigma")
                .scale(ColourScale.spanning(ColourScale.Map.GREYS, shown, false), "pixel value").render();

        // (2) the learned local couplings.
        var couplingGrid = ImageGrid.of(maps, h, w).labels("to the right neighbour", "to the neighbour below").zoom(6)
                .title("Learned couplings A - A^T")
                .scale(ColourScale.spanning(ColourScale.Map.DIVERGING, maps, true), "coupling").render();

        // (3) meta-learning curve against the no-augmentation baseline (meta-iteration 0: A = 0).
        double[] it = history.iterations();
        double[] ends = {it[0], it[it.length - 1]};
        LineChart curve = LineChart.titled("Meta-learning curve").axes("Meta-iteration", "Loss").legendAt("outside")
                .series("Validation loss", it, history.metric("validationLoss"), Palette.categorical(0))
                .series("Test loss", it, history.metric("testLoss"), Palette.categorical(1))
                .dashed("Validation, no augmentation", ends, constant(history.first("validationLoss")), Palette.categorical(0))
                .dashed("Test, no augmentation", ends, constant(history.first("testLoss")), Palette.categorical(1));
        context.saveFigure("augment-flow.png", "Top: meta-learning curves of the logistic regression's validation loss"
                + " (the objective) and test loss; dashed: the same classifier trained without augmentation (A = 0)."
                + " Bottom: the learned effective couplings (A - A^T)_ij of every pixel i to its right neighbour j"
                + " (left) and to the neighbour below (right); those to the left and above are the same numbers with"
                + " opposite sign. Positive: for t > 0 intensity flows from the neighbour into pixel i. Bottom: four"
                + " validation images (rows) transformed by the learned flow at t = -2 sigma, -sigma, 0 (the original),"
                + " sigma, 2 sigma (columns).",
                Panels.column(curve.render(MetaFigures.WIDTH, MetaFigures.HEIGHT), couplingGrid, transformed));
        context.results().summary("validation loss without augmentation", history.first("validationLoss"))
                .summary("validation loss after", history.last("validationLoss"))
                .summary("test loss without augmentation", history.first("testLoss"))
                .summary("test loss after", history.last("testLoss"))
                .summary("validation error without augmentation", history.first("validationError"))
                .summary("validation error after", history.last("validationError"))
                .summary("test error without augmentation", history.first("testError"))
                .summary("test error after", history.last("testError"))
                .summary("RMS horizontal coupling", history.last("couplingRms"))
                .summary("relative Taylor truncation error at t = 2 sigma", Math.sqrt(diff / norm));
    }

    private static double[] constant(double v) {
        return new double[] {v, v};
    }
}
