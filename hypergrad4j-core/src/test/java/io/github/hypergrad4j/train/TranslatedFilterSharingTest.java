package io.github.hypergrad4j.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.hypergrad4j.autodiff.Tape;
import io.github.hypergrad4j.autodiff.Var;
import io.github.hypergrad4j.hyper.InitialWeights;
import io.github.hypergrad4j.meta.Adam;
import io.github.hypergrad4j.model.Losses;
import io.github.hypergrad4j.model.ParameterLayout;
import io.github.hypergrad4j.model.WeightMixing;
import io.github.hypergrad4j.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Weight sharing inside one network, the convnet case: a locally connected layer over 1-D signals has
 * one filter per position, and a {@link WeightMixing} block over the positions' filters turns it into
 * a convolution when tied, leaves it locally connected at the identity, and in between is learned by
 * hypergradient descent like any other hyperparameter.
 */
class TranslatedFilterSharingTest {
    static final int LENGTH = 9, WIDTH = 3, POSITIONS = LENGTH - WIDTH + 1, CLASSES = 2, TRAIN = 10, VALID = 60, STEPS = 40;
    static final double LAMBDA = 0.005, BETA = 58982 / 65536.0;

    final ParameterLayout layout = ParameterLayout.builder()
            .add("filters", POSITIONS, WIDTH).add("fbias", POSITIONS).add("out", POSITIONS, CLASSES).add("ob", CLASSES)
            .build();
    final WeightMixing mixing = WeightMixing.builder(layout).mix("conv", "filters", "fbias").build();
    /** Puts filter entry (p, i) at row p + i, column p of the dense LENGTH x POSITIONS weight matrix. */
    final Tensor placement = placement();
    final Random random = new Random(8);

    static Tensor placement() {
        Tensor m = Tensor.zeros(POSITIONS * WIDTH, LENGTH * POSITIONS);
        for (int p = 0; p < POSITIONS; p++) {
            for (int i = 0; i < WIDTH; i++) {
                m.data()[(p * WIDTH + i) * LENGTH * POSITIONS + (p + i) * POSITIONS + p] = 1;
            }
        }
        return m;
    }

    /** Pre-activations of the locally connected layer, batch x POSITIONS. */
    Var hidden(Var w, Var x) {
        Var filters = w.slice(layout.group("filters").offset(), 1, POSITIONS * WIDTH);
        Var dense = filters.matmul(w.tape().constant(placement)).reshape(LENGTH, POSITIONS);
        return x.matmul(dense).plusRow(w.slice(layout.group("fbias").offset(), POSITIONS));
    }

    Var logits(Var w, Var x) {
        return hidden(w, x).tanh().matmul(w.slice(layout.group("out").offset(), POSITIONS, CLASSES))
                .plusRow(w.slice(layout.group("ob").offset(), CLASSES));
    }

    Tensor gaussian(int... shape) {
        Tensor t = Tensor.zeros(shape);
        for (int i = 0; i < t.size(); i++) {
            t.data()[i] = random.nextGaussian();
        }
        return t;
    }

    @Test
    void tiedFiltersAreAConvolutionWithOneFilter() {
        double[] z = new InitialWeights(layout, 4).weights(1);
        Tensor x = gaussian(5, LENGTH);
        Tape tape = new Tape();
        Var t = tape.constant(WeightMixing.tied(POSITIONS));
        Var w = mixing.apply(tape.constant(Tensor.of(z, z.length)), name -> t);
        double[] h = hidden(w, tape.constant(x)).value().data();
        double[] filter = java.util.Arrays.copyOfRange(z, 0, WIDTH); // every position reads the first filter
        double bias = z[layout.group("fbias").offset()];
        for (int n = 0; n < 5; n++) {
            for (int p = 0; p < POSITIONS; p++) {
                double expected = bias;
                for (int i = 0; i < WIDTH; i++) {
                    expected += x.data()[n * LENGTH + p + i] * filter[i];
                }
                assertThat(h[n * POSITIONS + p]).isCloseTo(expected, within(1e-12));
            }
        }
    }

    /** A translation-invariant task: labels from a convolutional teacher; few training signals. */
    final class Problem {
        final Tensor trainX = gaussian(TRAIN, LENGTH), validX = gaussian(VALID, LENGTH);
        final Tensor testX = gaussian(500, LENGTH);
        final Tensor trainY = teacher(trainX), validY = teacher(validX), testY = teacher(testX);

        double test(ReversibleTrainer trainer, Tensor t) {
            Theta theta = Theta.of("conv", t);
            double[] zT = trainer.train(z0, new double[z0.length], schedule, theta, StepListener.NONE);
            Tape tape = new Tape();
            Var c = tape.constant(t);
            return Losses.softmaxCrossEntropy(logits(mixing.apply(tape.constant(Tensor.of(zT, zT.length)), n -> c),
                    tape.constant(testX)), tape.constant(testY)).item();
        }

        /** A convolution with one filter, tanh, summed over positions: the tied student's own form. */
        Tensor teacher(Tensor x) {
            double[] f = {1, -1.5, 1};
            Tensor y = Tensor.zeros(x.rows(), CLASSES);
            for (int n = 0; n < x.rows(); n++) {
                double score = 0;
                for (int p = 0; p < POSITIONS; p++) {
                    double s = 0;
                    for (int i = 0; i < WIDTH; i++) {
                        s += f[i] * x.data()[n * LENGTH + p + i];
                    }
                    score += Math.tanh(s);
                }
                y.data()[n * CLASSES + (score > 0 ? 1 : 0)] = 1;
            }
            return y;
        }

        TrainingLoss trainingLoss() {
            return (step, z, theta) -> Losses.softmaxCrossEntropy(logits(mixing.apply(z, theta::get), z.tape().constant(trainX)),
                    z.tape().constant(trainY)).plus(z.square().sum().times(LAMBDA));
        }

        Objective validationLoss() {
            return (z, theta) -> Losses.softmaxCrossEntropy(logits(mixing.apply(z, theta::get), z.tape().constant(validX)),
                    z.tape().constant(validY));
        }
    }

    final double[] z0 = aligned(new InitialWeights(layout, 9).weights(0.5));

    /**
     * Starts every position from the same filter and the same read-out weights, a convolution with sum
     * pooling, which separate filters may then leave: with unaligned read-outs, the positions' gradients
     * would differ in sign and sharing them would have nothing to gain.
     */
    double[] aligned(double[] z) {
        mixing.alignPiecesInPlace(z);
        WeightMixing.builder(layout).mix("readout", "out").build().alignPiecesInPlace(z);
        return z;
    }
    final Schedule schedule = Schedule.constant(STEPS, layout, 0.3, BETA);

    @Test
    void hypergradientOfTheFilterSharingMatchesTheReferenceAndFiniteDifferences() {
        Problem p = new Problem();
        Tensor start = WeightMixing.identity(POSITIONS);
        for (int i = 0; i < start.size(); i++) {
            start.data()[i] += 0.2 * random.nextGaussian();
        }
        Theta theta = Theta.of("conv", start);
        ReversibleTrainer trainer = new ReversibleTrainer(layout, p.trainingLoss());
        Hypergradient exact = trainer.hypergradient(z0, new double[z0.length], schedule, theta, p.validationLoss(), StepListener.NONE);
        Hypergradient ref = new StoredTrajectoryTrainer(layout, p.trainingLoss())
                .hypergradient(z0, new double[z0.length], schedule, theta, p.validationLoss());
        double[] g = exact.dTheta().get("conv").data();
        assertThat(WeightSharingHypergradientTest.relativeError(g, ref.dTheta().get("conv").data())).isLessThan(1e-6);
        assertThat(WeightSharingHypergradientTest.norm(g)).isGreaterThan(1e-3);

        Tensor r = gaussian(POSITIONS, POSITIONS);
        double eps = 1e-5;
        double numeric = (validation(trainer, p, WeightSharingHypergradientTest.shift(theta, "conv", r, eps))
                - validation(trainer, p, WeightSharingHypergradientTest.shift(theta, "conv", r, -eps))) / (2 * eps);
        double analytic = WeightSharingHypergradientTest.dot(g, r.data());
        assertThat(Math.abs(analytic - numeric)).as("analytic %s vs finite difference %s", analytic, numeric)
                .isLessThanOrEqualTo(1e-4 * Math.abs(numeric));
    }

    /**
     * On a task a convolution solves, with ten training signals: learned sharing (30 Adam steps on the
     * validation loss, from separate filters) ends with a lower loss on 500 fresh test signals than both
     * fixed architectures, separate filters and the convolution (measured: 0.91 and 0.80 against 0.52).
     */
    @Test
    void learnedFilterSharingGeneralisesBetterThanSeparateFiltersAndThanTheConvolution() {
        Problem p = new Problem();
        ReversibleTrainer trainer = new ReversibleTrainer(layout, p.trainingLoss());
        double[] t = WeightMixing.identity(POSITIONS).data().clone();
        Adam adam = new Adam(0.05);
        double first = Double.NaN, last = Double.NaN;
        for (int meta = 0; meta < 30; meta++) {
            Theta theta = Theta.of("conv", Tensor.of(t.clone(), POSITIONS, POSITIONS));
            Hypergradient h = trainer.hypergradient(z0, new double[z0.length], schedule, theta, p.validationLoss(), StepListener.NONE);
            first = meta == 0 ? h.objective() : first;
            last = h.objective();
            adam.stepInPlace(t, h.dTheta().get("conv").data());
        }
        assertThat(last).isLessThan(first);
        double learned = p.test(trainer, Tensor.of(t, POSITIONS, POSITIONS));
        double separate = p.test(trainer, WeightMixing.identity(POSITIONS));
        double convolution = p.test(trainer, WeightMixing.tied(POSITIONS));
        assertThat(convolution).as("the convolution beats separate filters on this task").isLessThan(separate);
        assertThat(learned).as("learned sharing beats the convolution").isLessThan(convolution);
    }

    private double validation(ReversibleTrainer trainer, Problem p, Theta theta) {
        double[] zT = trainer.train(z0, new double[z0.length], schedule, theta, StepListener.NONE);
        Tape tape = new Tape();
        Map<String, Var> vars = new LinkedHashMap<>();
        theta.asMap().forEach((n, v) -> vars.put(n, tape.constant(v)));
        return p.validationLoss().at(tape.constant(Tensor.of(zT, zT.length)), new ThetaVars(vars)).item();
    }
}
