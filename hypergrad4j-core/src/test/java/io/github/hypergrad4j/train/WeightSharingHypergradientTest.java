package io.github.hypergrad4j.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.hypergrad4j.autodiff.Tape;
import io.github.hypergrad4j.autodiff.Var;
import io.github.hypergrad4j.hyper.InitialWeights;
import io.github.hypergrad4j.model.Activation;
import io.github.hypergrad4j.model.Losses;
import io.github.hypergrad4j.model.TaskNetworks;
import io.github.hypergrad4j.model.WeightMixing;
import io.github.hypergrad4j.tensor.Tensor;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The hypergradient with respect to learned weight-sharing matrices, through the reversible trainer,
 * against the float64 stored-trajectory reference (relative error 1e-6) and central finite
 * differences of the whole training run (1e-4): K task networks mixed layer by layer.
 */
class WeightSharingHypergradientTest {
    static final int TASKS = 3, FEATURES = 4, HIDDEN = 3, CLASSES = 2, TRAIN = 8, VALID = 6, STEPS = 30;
    static final double LAMBDA = 0.01, BETA = 58982 / 65536.0;

    final TaskNetworks nets = new TaskNetworks(TASKS, Activation.TANH, FEATURES, HIDDEN, CLASSES);
    final WeightMixing mixing = nets.layerMixing();
    final Random random = new Random(21);
    final Tensor[] trainX = new Tensor[TASKS], trainY = new Tensor[TASKS], validX = new Tensor[TASKS],
            validY = new Tensor[TASKS];

    WeightSharingHypergradientTest() {
        for (int k = 0; k < TASKS; k++) {
            trainX[k] = gaussian(TRAIN, FEATURES);
            trainY[k] = oneHot(TRAIN);
            validX[k] = gaussian(VALID, FEATURES);
            validY[k] = oneHot(VALID);
        }
    }

    Tensor gaussian(int... shape) {
        Tensor t = Tensor.zeros(shape);
        for (int i = 0; i < t.size(); i++) {
            t.data()[i] = random.nextGaussian();
        }
        return t;
    }

    Tensor oneHot(int n) {
        Tensor t = Tensor.zeros(n, CLASSES);
        for (int i = 0; i < n; i++) {
            t.data()[i * CLASSES + random.nextInt(CLASSES)] = 1;
        }
        return t;
    }

    /** Summed cross-entropy of the K networks on their own data, plus lambda |z|^2 on the whitened weights. */
    TrainingLoss trainingLoss() {
        return (step, z, theta) -> {
            Var w = mixing.apply(z, theta::get);
            Var total = z.square().sum().times(LAMBDA);
            for (int k = 0; k < TASKS; k++) {
                Tape tape = z.tape();
                total = total.plus(Losses.softmaxCrossEntropy(nets.logits(w, k, tape.constant(trainX[k])),
                        tape.constant(trainY[k])));
            }
            return total;
        };
    }

    Objective validationLoss() {
        return (z, theta) -> {
            Var w = mixing.apply(z, theta::get);
            Var total = null;
            for (int k = 0; k < TASKS; k++) {
                Tape tape = z.tape();
                Var l = Losses.softmaxCrossEntropy(nets.logits(w, k, tape.constant(validX[k])), tape.constant(validY[k]));
                total = total == null ? l : total.plus(l);
            }
            return total;
        };
    }

    /** Mixing matrices near the identity, with a tied-ish first layer, so every entry matters. */
    Theta theta() {
        Theta theta = Theta.empty();
        for (WeightMixing.Block b : mixing.blocks()) {
            Tensor t = WeightMixing.identity(b.count());
            for (int i = 0; i < t.size(); i++) {
                t.data()[i] += 0.3 * random.nextGaussian();
            }
            theta = theta.with(b.name(), t);
        }
        return theta;
    }

    double[] z0() {
        return new InitialWeights(nets.layout(), 3).weights(0.5);
    }

    Schedule schedule() {
        return Schedule.constant(STEPS, nets.layout(), 0.2, BETA);
    }

    @Test
    void exactHypergradientOfTheMixingMatricesMatchesTheStoredTrajectoryReference() {
        Theta theta = theta();
        double[] z0 = z0();
        Hypergradient exact = new ReversibleTrainer(nets.layout(), trainingLoss())
                .hypergradient(z0, new double[z0.length], schedule(), theta, validationLoss(), StepListener.NONE);
        Hypergradient ref = new StoredTrajectoryTrainer(nets.layout(), trainingLoss())
                .hypergradient(z0, new double[z0.length], schedule(), theta, validationLoss());
        for (String name : mixing.names()) {
            double[] a = exact.dTheta().get(name).data(), b = ref.dTheta().get(name).data();
            assertThat(relativeError(a, b)).as(name).isLessThan(1e-6);
            assertThat(norm(b)).as("%s's hypergradient is not zero", name).isGreaterThan(1e-3);
        }
        // Training did something: the validation loss moved away from its value at z0.
        assertThat(exact.trainingLosses()[STEPS - 1]).isLessThan(exact.trainingLosses()[0]);
    }

    @Test
    void exactHypergradientOfTheMixingMatricesMatchesFiniteDifferencesOfTheWholeRun() {
        Theta theta = theta();
        double[] z0 = z0();
        ReversibleTrainer trainer = new ReversibleTrainer(nets.layout(), trainingLoss());
        Hypergradient h = trainer.hypergradient(z0, new double[z0.length], schedule(), theta, validationLoss(),
                StepListener.NONE);
        double eps = 1e-5;
        for (String name : mixing.names()) {
            Tensor r = gaussian(theta.get(name).shape());
            double analytic = dot(h.dTheta().get(name).data(), r.data());
            double numeric = (objective(trainer, shift(theta, name, r, eps)) - objective(trainer, shift(theta, name, r, -eps)))
                    / (2 * eps);
            assertThat(Math.abs(analytic - numeric)).as("%s: analytic %s vs finite difference %s", name, analytic, numeric)
                    .isLessThanOrEqualTo(1e-4 * Math.abs(numeric));
        }
    }

    private double objective(ReversibleTrainer trainer, Theta theta) {
        double[] z0 = z0();
        double[] zT = trainer.train(z0, new double[z0.length], schedule(), theta, StepListener.NONE);
        Tape tape = new Tape();
        java.util.Map<String, Var> vars = new java.util.LinkedHashMap<>();
        theta.asMap().forEach((n, v) -> vars.put(n, tape.constant(v)));
        return validationLoss().at(tape.constant(Tensor.of(zT, zT.length)), new ThetaVars(vars)).item();
    }

    static Theta shift(Theta theta, String name, Tensor r, double eps) {
        Tensor t = theta.get(name).copy();
        for (int i = 0; i < t.size(); i++) {
            t.data()[i] += eps * r.data()[i];
        }
        return theta.with(name, t);
    }

    static double relativeError(double[] a, double[] b) {
        double num = 0;
        for (int i = 0; i < a.length; i++) {
            num += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(num) / Math.max(norm(b), 1e-300);
    }

    static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
