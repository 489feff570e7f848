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
 * <p>"Also used as its transpose": the flow uses A_eff = A - A^T, A = M ⊙ P with M the 0/1 mask of
 * 4-neighbour pairs. A - A^T is antisymmetric, so expm(t A_eff) is orthogonal (imaginary eigenvalues):
 * it moves intensity around without growing or shrinking the image, t and -t are inverse to each
 * other (so the symmetric Gaussian over t gives a symmetric distribution of transformations), and the
 * truncated Taylor series stays accurate for any learned A because no direction is amplified. The
 * alternative of using A and A^T on alternate steps would also allow smoothing (real eigenvalues), but
 * then a learned A could make expm(t A) blow up for large t. The price is the log's "symmetry-related"
 * redundancy: P_ij and P_ji enter only through their difference.
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

    /** The 0/1 mask of ordered 4-neighbour pixel pairs (i, j) of an h x w image, row-major. */
    static double[] neighbourMask(int h, int w) {
        int d = h * w;
        double[] m = new double[d * d];
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                int i = r * w + c;
                for (int j : neighbours(r, c, h, w)) {
                    if (j >= 0) {
                        m[i * d + j] = 1;
                    }
                }
            }
        }
        return m;
    }

    /** Right, left, below, above neighbours of pixel (r, c); -1 off the image. */
    static int[] neighbours(int r, int c, int h, int w) {
        return new int[] {c + 1 < w ? r * w + c + 1 : -1, c > 0 ? r * w + c - 1 : -1, r + 1 < h ? (r + 1) * w + c : -1,
            r > 0 ? (r - 1) * w + c : -1};
    }

    /**
     * The rows of x (n x d) transformed by expm(t (A - A^T)), A = M ⊙ P, by the truncated Taylor series
     * of the action: Y_0 = X, Y_k = Y_{k-1} (t A_eff)^T / k, result sum_k Y_k. P enters only through its
     * entries on the mask M, the four coupling maps {@code couplings} (4d x 1: map k holds
     * P[i, n_k(i)] for the k-th neighbour n_k of every pixel i, in the order right, left, below, above;
     * entries off the image are ignored). A_eff is never formed as a d x d matrix: in the transposed
     * layout Z = Y^T (d x n), (A_eff Z)[i] = sum_k E_k[i] Z[n_k(i)] with
     * E_k[i] = P_k[i] - P_opp(k)[n_k(i)], a gather of rows per neighbour, about d / 4 times cheaper than
     * the dense product with the d x d matrix. The transposes are products with an n x n identity.
     */
    static Var flow(Var x, Var couplings, int h, int w, double t, int terms) {
        Tape tape = x.tape();
        int n = x.value().rows(), d = h * w;
        Var identity = tape.constant(identity(n));
        Var ones = tape.constant(Tensor.of(filled(n, 1), 1, n));
        Local local = Local.of(h, w);
        Var[] coefficient = new Var[4];
        for (int k = 0; k < 4; k++) {
            coefficient[k] = couplings.rows(local.own[k]).minus(couplings.rows(local.opposite[k]))
                    .times(tape.constant(Tensor.of(local.inside[k].clone(), d, 1))).matmul(ones);
        }
        Var z = x.matmul(true, identity, false);
        Var y = z, sum = z;
        for (int term = 1; term <= terms; term++) {
            Var next = null;
            for (int k = 0; k < 4; k++) {
                Var part = coefficient[k].times(y.rows(local.neighbour[k]));
                next = next == null ? part : next.plus(part);
            }
            y = next.times(t / term);
            sum = sum.plus(y);
        }
        return identity.matmul(false, sum, true);
    }

    /**
     * Index arrays of the local flow: per direction k and pixel i, the row of n_k(i) (i itself off the
     * image), the entry of P_k[i] and of P_opp(k)[n_k(i)] in the coupling vector, and 1 where n_k(i)
     * exists.
     */
    private record Local(int[][] neighbour, int[][] own, int[][] opposite, double[][] inside) {
        static final int[] OPPOSITE = {1, 0, 3, 2};

        static Local of(int h, int w) {
            int d = h * w;
            int[][] neighbour = new int[4][d], own = new int[4][d], opposite = new int[4][d];
            double[][] inside = new double[4][d];
            for (int r = 0; r < h; r++) {
                for (int c = 0; c < w; c++) {
                    int i = r * w + c;
                    int[] n = neighbours(r, c, h, w);
                    for (int k = 0; k < 4; k++) {
                        boolean in = n[k] >= 0;
                        neighbour[k][i] = in ? n[k] : i;
                        own[k][i] = k * d + i;
                        opposite[k][i] = OPPOSITE[k] * d + (in ? n[k] : i);
                        inside[k][i] = in ? 1 : 0;
                    }
                }
            }
            return new Local(neighbour, own, opposite, inside);
        }
    }

    /** The flow applied to plain values (figures). */
    static double[] flowValues(double[] rows, int n, double[] couplings, int h, int w, double t, int terms) {
        Tape tape = new Tape();
        return flow(tape.constant(Tensor.of(rows.clone(), n, h * w)),
                tape.constant(Tensor.of(couplings.clone(), couplings.length, 1)), h, w, t, terms).value().data();
    }

    private static Tensor identity(int n) {
        double[] id = new double[n * n];
        for (int i = 0; i < n; i++) {
            id[i * n + i] = 1;
        }
        return Tensor.of(id, n, n);
    }

    private static double[] filled(int n, double v) {
        double[] a = new double[n];
        Arrays.fill(a, v);
        return a;
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
        // Each step: the mean of the cross-entropies of the minibatch and of its flowed copy. t depends on
        // the step only, so the loss is the deterministic function of (step, w, theta) the reverse pass needs.
        TrainingLoss loss = (step, wv, theta) -> {
            Tape tape = wv.tape();
            int[] rows = batches.batch(step);
            Var x = tape.constant(train.images()).rows(rows);
            Var y = tape.constant(train.oneHot()).rows(rows);
            Var augmented = flow(x, theta.get(COUPLINGS), h, w, times[step], terms);
            return Losses.softmaxCrossEntropy(model.logits(wv, x), y)
                    .plus(Losses.softmaxCrossEntropy(model.logits(wv, augmented), y)).times(0.5)
                    .plus(l2.apply(wv, tape.constant(lambda)));
        };
        double[] w0 = new InitialWeights(layout, context.seedFor("initial weights")).weights(run.initialScale());
        Schedule schedule = Schedule.constant(run.iterations(), layout, run.learningRate(), run.momentum());

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
            m.put("couplingRms", Examples.rms(effectiveMaps(theta.get(COUPLINGS).data(), h, w)[0]));
            return m;
        };
        double[] couplings = new double[4 * d];
        MetaHistory history = new MetaLoop(context, "augment-flow meta-iterations", config.metaIterations(), "validationLoss")
                .run(couplings, new SgdMomentum(config.step(), config.metaMomentum()), new MetaTraining(context.trainer(layout, loss), w0, schedule,
                        Classification.setLoss(model, valid), hyper, evaluation));
        record(context, history, couplings, valid, h, w);
    }

    /**
     * The dense d x d matrix A = M ⊙ P of the coupling vector (4d entries, see {@link #flow}): for tests
     * and as the definition the local flow implements.
     */
    static double[] denseA(double[] couplings, int h, int w) {
        int d = h * w;
        double[] a = new double[d * d];
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                int i = r * w + c;
                int[] n = neighbours(r, c, h, w);
                for (int k = 0; k < 4; k++) {
                    if (n[k] >= 0) {
                        a[i * d + n[k]] = couplings[k * d + i];
                    }
                }
            }
        }
        return a;
    }

    /**
     * The effective couplings A_eff = A - A^T of every pixel to its right neighbour (map 0) and to the
     * neighbour below (map 1); those to the left and above are their negatives, shifted.
     */
    static double[][] effectiveMaps(double[] couplings, int h, int w) {
        int d = h * w;
        double[] a = denseA(couplings, h, w);
        double[][] maps = new double[2][d];
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                int i = r * w + c;
                int[] n = neighbours(r, c, h, w);
                if (n[0] >= 0) {
                    maps[0][i] = a[i * d + n[0]] - a[n[0] * d + i];
                }
                if (n[2] >= 0) {
                    maps[1][i] = a[i * d + n[2]] - a[n[2] * d + i];
                }
            }
        }
        return maps;
    }

    private void record(ExperimentContext context, MetaHistory history, double[] couplings, Examples valid, int h,
            int w) throws IOException {
        history.record(context.results().data().section("meta"));
        int d = h * w;
        double[][] maps = effectiveMaps(couplings, h, w);
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
            double[] flowed = flowValues(originals, shownImages, couplings, h, w, ts[j], 2 * config.taylorTerms());
            for (int i = 0; i < shownImages; i++) {
                shown[i * ts.length + j] = Arrays.copyOfRange(flowed, i * d, (i + 1) * d);
                labels[i * ts.length + j] = String.format(Locale.ROOT, "t = %.1f", ts[j]);
            }
        }
        // How far the training-time truncation is from the flow at t = 2 sigma, relative to the image norm.
        double[] truncated = flowValues(originals, shownImages, couplings, h, w, ts[4], config.taylorTerms());
        double[] accurate = flowValues(originals, shownImages, couplings, h, w, ts[4], 3 * config.taylorTerms());
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
