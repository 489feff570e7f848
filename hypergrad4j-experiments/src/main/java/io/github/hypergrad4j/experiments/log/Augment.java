package io.github.hypergrad4j.experiments.log;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.github.hypergrad4j.autodiff.Tape;
import io.github.hypergrad4j.autodiff.Var;
import io.github.hypergrad4j.data.Centring;
import io.github.hypergrad4j.data.Examples;
import io.github.hypergrad4j.data.SplitSizes;
import io.github.hypergrad4j.experiments.ConfigException;
import io.github.hypergrad4j.experiments.Experiment;
import io.github.hypergrad4j.experiments.ExperimentContext;
import io.github.hypergrad4j.experiments.InnerRun;
import io.github.hypergrad4j.experiments.LoadedData;
import io.github.hypergrad4j.experiments.Progress;
import io.github.hypergrad4j.experiments.meta.MetaFigures;
import io.github.hypergrad4j.experiments.meta.MetaCurve;
import io.github.hypergrad4j.experiments.meta.MetaHistory;
import io.github.hypergrad4j.experiments.meta.MetaLoop;
import io.github.hypergrad4j.hyper.InitialWeights;
import io.github.hypergrad4j.model.KernelClassifier;
import io.github.hypergrad4j.plot.ColourScale;
import io.github.hypergrad4j.plot.ImageGrid;
import io.github.hypergrad4j.plot.Panels;
import io.github.hypergrad4j.tensor.Tensor;
import io.github.hypergrad4j.tensor.TensorOps;
import java.io.IOException;
import java.time.MonthDay;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Log entry of Jan 19, "having a go at learning data augmentation", the first try: a linear map A of
 * the images (784 x 784, starting at the identity plus small noise, L1-penalised) whose images A x are
 * added to the training set of a kernel-weighted nearest-neighbour classifier (squared-exponential
 * kernel). A is learned by stochastic gradient descent on the validation loss, over minibatches of the
 * validation set. There is no inner training run here, so the gradient is ordinary reverse mode
 * through the classifier (no reversal and no checkpointed {@link MetaLoop}; A has 614,656 entries).
 */
public final class Augment implements Experiment {

    /**
     * @param sizes training examples (the reference set), validation examples (the objective) and test
     *     examples (reported only)
     * @param lengthScale the kernel's length scale
     * @param l1 L1 penalty on the entries of A
     * @param initNoise A starts at the identity plus initNoise * N(0, 1)
     * @param step gradient-descent step on A
     * @param batchSize validation examples per step
     * @param metaIterations passes over the validation set
     */
    public record Config(@JsonUnwrapped(suffix = "Size") SplitSizes sizes, double lengthScale, double l1,
            double initNoise, double step, int batchSize, int metaIterations) {
        public Config {
            InnerRun.sizes(sizes.train(), sizes.validation(), sizes.test());
            ConfigException.requirePositive("kernel length scale", lengthScale);
            if (!(l1 >= 0) || Double.isInfinite(l1)) {
                throw new ConfigException("the L1 penalty must be >= 0, got " + l1);
            }
            if (!(initNoise >= 0) || Double.isInfinite(initNoise)) {
                throw new ConfigException("the initial noise must be >= 0, got " + initNoise);
            }
            ConfigException.requirePositive("step (--meta-step)", step);
            ConfigException.requirePositive("batch size", batchSize);
            ConfigException.requirePositive("meta-iterations (--meta-iterations)", metaIterations);
        }

        /** The log's setting. */
        public static Config defaults() {
            return new Config(new SplitSizes(1_000, 1_000, 1_000), 2.0, 0.001, 0.01, 0.1, 100, 50);
        }

        public static Config quick() {
            return new Config(new SplitSizes(300, 300, 300), 2.0, 0.001, 0.01, 0.1, 100, 6);
        }

        public Config withMeta(double s, int count) {
            return new Config(sizes, lengthScale, l1, initNoise, s, batchSize, count);
        }

        public Config withSizes(SplitSizes newSizes) {
            return new Config(newSizes, lengthScale, l1, initNoise, step, batchSize, metaIterations);
        }
    }

    private final Config config;

    public Augment(Config config) {
        this.config = config;
    }

    @Override
    public String name() {
        return "augment";
    }

    @Override
    public String title() {
        return "Learning a linear data augmentation for a nearest-neighbour classifier";
    }

    @Override
    public String description() {
        return "A 784 x 784 matrix A, starting near the identity, adds the transformed images A x to the training set"
                + " of a kernel-weighted nearest-neighbour classifier (squared-exponential kernel, length scale "
                + config.lengthScale() + "). A is learned by gradient descent on the validation loss with an L1 penalty"
                + " of " + config.l1() + " on its entries. The figure shows stripe patterns and test digits (top) and"
                + " their transformations (bottom).";
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
        LoadedData data = context.loadData(config.sizes(), Centring.POOL_MEAN);
        Examples.Splits splits = Examples.Splits.of(data.splits());
        Examples train = splits.train(), valid = splits.validation(), test = splits.test();
        int d = train.images().cols();
        KernelClassifier knn = new KernelClassifier(config.lengthScale());
        double[] a = identity(d);
        MetaHistory history = new MetaHistory();
        history.add(new double[0], metrics(knn, a, d, train, valid, test));
        double[] noise = InitialWeights.standardNormal(d * d, context.seedFor("augmentation noise"));
        for (int i = 0; i < a.length; i++) {
            a[i] += config.initNoise() * noise[i];
        }
        int batches = (valid.size() + config.batchSize() - 1) / config.batchSize();
        try (Progress.Task task = context.progress().start("augment meta-iterations", config.metaIterations())) {
            for (int it = 1; it <= config.metaIterations(); it++) {
                double[] curve = new double[batches];
                for (int b = 0; b < batches; b++) {
                    int[] rows = range(b * config.batchSize(), Math.min(valid.size(), (b + 1) * config.batchSize()));
                    Tape tape = new Tape();
                    Var av = tape.input(Tensor.of(a, d, d));
                    Var loss = loss(knn, tape, av, train, tape.constant(valid.images()).rows(rows),
                            tape.constant(valid.oneHot()).rows(rows));
                    Var total = loss.plus(av.abs().sum().times(config.l1()));
                    double[] g = tape.gradient(total, av)[0].value().data();
                    curve[b] = loss.item();
                    for (int k = 0; k < a.length; k++) {
                        a[k] -= config.step() * g[k];
                    }
                }
                Map<String, Double> m = metrics(knn, a, d, train, valid, test);
                history.add(curve, m);
                task.advance(1, String.format(Locale.ROOT, "meta %d/%d validation loss %.4f", it,
                        config.metaIterations(), m.get("validationLoss")));
            }
        }
        context.recordMetaCurve(MetaCurve.of("validationLoss", history)); // no MetaLoop here: for --seeds
        record(context, history, a, d, test);
    }

    /** Mean negative log probability of the query labels, the reference set being X and X A^T. */
    private static Var loss(KernelClassifier knn, Tape tape, Var a, Examples train, Var queries, Var labels) {
        Var x = tape.constant(train.images());
        Var y = tape.constant(train.oneHot());
        return knn.loss(queries, labels, new Var[] {x, x.matmul(false, a, true)}, new Var[] {y, y});
    }

    private Map<String, Double> metrics(KernelClassifier knn, double[] a, int d, Examples train, Examples valid,
            Examples test) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("validationLoss", setLoss(knn, a, d, train, valid));
        m.put("testLoss", setLoss(knn, a, d, train, test));
        double offDiagonal = 0;
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                offDiagonal += Math.abs(a[i * d + j] - (i == j ? 1 : 0));
            }
        }
        m.put("distanceFromIdentity", offDiagonal);
        return m;
    }

    private double setLoss(KernelClassifier knn, double[] a, int d, Examples train, Examples set) {
        Tape tape = new Tape();
        return loss(knn, tape, tape.constant(Tensor.of(a.clone(), d, d)), train, tape.constant(set.images()),
                tape.constant(set.oneHot())).item();
    }

    private void record(ExperimentContext context, MetaHistory history, double[] a, int d, Examples test)
            throws IOException {
        var meta = context.results().data().section("meta");
        for (String name : new String[] {"validationLoss", "testLoss", "distanceFromIdentity"}) {
            meta.put(name, history.metric(name));
        }
        int h = test.height(), w = test.width();
        double[][] originals = testImages(test, h, w);
        double[][] shown = new double[2 * originals.length][];
        String[] labels = new String[shown.length];
        Tensor am = Tensor.of(a.clone(), d, d);
        for (int i = 0; i < originals.length; i++) {
            shown[i] = originals[i];
            shown[originals.length + i] = TensorOps.matmul(Tensor.of(originals[i].clone(), 1, d), false, am, true).data();
            labels[i] = i < 2 ? (i == 0 ? "vertical" : "horizontal") : "test image";
            labels[originals.length + i] = "A x";
        }
        context.results().data().put("diagonalOfA", diagonal(a, d));
        var grid = ImageGrid.of(shown, h, w).columns(originals.length).labels(labels).zoom(3)
                .title("Test images (top) and their learned transformations A x (bottom)")
                .scale(ColourScale.spanning(ColourScale.Map.GREYS, shown, false), "pixel value").render();
        context.saveFigure("augment.png", "Top: meta-learning curves, the nearest-neighbour classifier's validation"
                + " loss (the objective) and test loss; meta-iteration 0 is A = identity, i.e. no augmentation. Bottom:"
                + " stripe patterns and test digits, and their images under the learned A.", Panels.column(
                MetaFigures.metaCurve(history, "Meta-learning curves", "Negative log probability",
                        new String[] {"validationLoss", "testLoss"}, new String[] {"Validation", "Test"}), grid));
        context.results().summary("validation loss at the identity", history.first("validationLoss"))
                .summary("validation loss after", history.last("validationLoss"))
                .summary("test loss at the identity", history.first("testLoss"))
                .summary("test loss after", history.last("testLoss"))
                .summary("sum |A - I|", history.last("distanceFromIdentity"));
    }

    /** Vertical and horizontal stripes (two on, two off, as in the log) and four test digits. */
    static double[][] testImages(Examples test, int h, int w) {
        double[][] out = new double[6][];
        double[] vertical = new double[h * w], horizontal = new double[h * w];
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                vertical[r * w + c] = c % 4 < 2 ? 1 : 0;
                horizontal[r * w + c] = r % 4 < 2 ? 1 : 0;
            }
        }
        out[0] = vertical;
        out[1] = horizontal;
        double[] pixels = test.images().data();
        for (int i = 0; i < 4; i++) {
            int row = Math.min(i, test.size() - 1);
            out[2 + i] = Arrays.copyOfRange(pixels, row * h * w, (row + 1) * h * w);
        }
        return out;
    }

    private static double[] identity(int d) {
        double[] a = new double[d * d];
        for (int i = 0; i < d; i++) {
            a[i * d + i] = 1;
        }
        return a;
    }

    private static double[] diagonal(double[] a, int d) {
        double[] out = new double[d];
        for (int i = 0; i < d; i++) {
            out[i] = a[i * d + i];
        }
        return out;
    }

    private static int[] range(int from, int to) {
        int[] r = new int[to - from];
        for (int i = 0; i < r.length; i++) {
            r[i] = from + i;
        }
        return r;
    }
}
