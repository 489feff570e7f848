package io.github.hypergrad4j.experiments.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.hypergrad4j.data.Examples;
import io.github.hypergrad4j.model.Activation;
import io.github.hypergrad4j.model.Mlp;
import io.github.hypergrad4j.tensor.Tensor;
import io.github.hypergrad4j.train.Hypergradient;
import io.github.hypergrad4j.train.Objective;
import io.github.hypergrad4j.train.ReversibleTrainer;
import io.github.hypergrad4j.train.Schedule;
import io.github.hypergrad4j.train.StepListener;
import io.github.hypergrad4j.train.Theta;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * fake-data's meta-objective with the L2 term (the original's): its value is the validation cross-entropy
 * plus l2 |w_T|^2, and its exact hypergradient with respect to the fake pixels, from the reversed run,
 * agrees with central finite differences of the whole training run (the oracle), and differs from the
 * cross-entropy's by more than the tolerance, so the L2 term's path through the reverse pass is checked.
 */
class FakeDataMetaObjectiveTest {
    private static final int CLASSES = 10, SIDE = 4, PIXELS = SIDE * SIDE, VALID = 40, STEPS = 12;
    private static final double L2 = 0.05;

    private final Random random = new Random(2026);
    private final Mlp model = new Mlp(Activation.TANH, Activation.LINEAR, PIXELS, CLASSES);
    private final Examples valid = examples(VALID);
    private final Tensor fakeTargets = identity();
    private final ReversibleTrainer trainer = new ReversibleTrainer(model.layout(),
            FakeData.trainingLoss(model, fakeTargets, CLASSES, L2));
    private final Schedule schedule = Schedule.constant(STEPS, model.layout(), 0.5, 0.9);
    private final double[] w0 = gaussian(model.layout().size(), 0.3);
    private final double[] fake = gaussian(CLASSES * PIXELS, 0.5);

    @Test
    void theL2ObjectiveIsTheCrossEntropyPlusThePenaltyOfTheTrainedWeights() {
        Objective withL2 = FakeData.metaObjective(model, valid, L2, FakeData.MetaObjective.WITH_L2);
        Objective crossEntropy = FakeData.metaObjective(model, valid, L2, FakeData.MetaObjective.CROSS_ENTROPY);
        double[] wT = trainer.train(w0, new double[w0.length], schedule, theta(fake), StepListener.NONE);
        double squares = 0;
        for (double v : wT) {
            squares += v * v;
        }
        assertThat(withL2.evaluate(wT, theta(fake)).value())
                .isCloseTo(crossEntropy.evaluate(wT, theta(fake)).value() + L2 * squares, within(1e-12));
    }

    @Test
    void theL2ObjectivesHypergradientMatchesFiniteDifferencesOfTheWholeRun() {
        Objective withL2 = FakeData.metaObjective(model, valid, L2, FakeData.MetaObjective.WITH_L2);
        Hypergradient h = trainer.hypergradient(w0, new double[w0.length], schedule, theta(fake), withL2,
                StepListener.NONE);
        Hypergradient ce = trainer.hypergradient(w0, new double[w0.length], schedule, theta(fake),
                FakeData.metaObjective(model, valid, L2, FakeData.MetaObjective.CROSS_ENTROPY), StepListener.NONE);
        double[] exact = h.dTheta().get(FakeData.DATA).data(), exactCe = ce.dTheta().get(FakeData.DATA).data();
        for (int trial = 0; trial < 3; trial++) {
            double[] r = gaussian(fake.length, 1);
            double eps = 1e-5;
            double numeric = (objective(withL2, axpy(fake, eps, r)) - objective(withL2, axpy(fake, -eps, r))) / (2 * eps);
            double along = dot(exact, r), alongCe = dot(exactCe, r);
            double tolerance = 1e-4 * Math.abs(numeric) + 1e-9;
            assertThat(along).as("direction %d: exact %s vs finite difference %s", trial, along, numeric)
                    .isCloseTo(numeric, within(tolerance));
            assertThat(Math.abs(alongCe - numeric)).as("the cross-entropy's hypergradient misses the L2 term's part")
                    .isGreaterThan(10 * tolerance);
        }
    }

    private double objective(Objective f, double[] x) {
        double[] wT = trainer.train(w0, new double[w0.length], schedule, theta(x), StepListener.NONE);
        return f.evaluate(wT, theta(x)).value();
    }

    private static Theta theta(double[] x) {
        return Theta.of(FakeData.DATA, Tensor.of(x.clone(), CLASSES, PIXELS));
    }

    private Examples examples(int n) {
        double[] images = gaussian(n * PIXELS, 1), oneHot = new double[n * CLASSES];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % CLASSES;
            oneHot[i * CLASSES + labels[i]] = 1;
            images[i * PIXELS + labels[i]] += 2; // a pixel that tells the class, so there is something to learn
        }
        return new Examples(Tensor.of(images, n, PIXELS), Tensor.of(oneHot, n, CLASSES), labels, SIDE, SIDE);
    }

    private static Tensor identity() {
        double[] d = new double[CLASSES * CLASSES];
        for (int c = 0; c < CLASSES; c++) {
            d[c * CLASSES + c] = 1;
        }
        return Tensor.of(d, CLASSES, CLASSES);
    }

    private double[] gaussian(int n, double scale) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = scale * random.nextGaussian();
        }
        return x;
    }

    private static double[] axpy(double[] x, double a, double[] r) {
        double[] y = x.clone();
        for (int i = 0; i < y.length; i++) {
            y[i] += a * r[i];
        }
        return y;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
