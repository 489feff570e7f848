package io.github.hypergrad4j.train;

import io.github.hypergrad4j.autodiff.Var;
import io.github.hypergrad4j.hyper.InitialWeights;
import io.github.hypergrad4j.model.L2Penalty;
import io.github.hypergrad4j.model.Losses;
import io.github.hypergrad4j.model.Mlp;
import io.github.hypergrad4j.model.Activation;
import io.github.hypergrad4j.tensor.Tensor;
import java.util.Random;

/**
 * A small synthetic classification problem whose training loss depends on every kind of
 * hyperparameter at once: the training inputs ("inputs") and a per-weight L2 penalty ("l2") are
 * entries of theta; learning rates, momentums and initial scales come from the schedule and w_0.
 */
final class SmallProblem {
    static final int FEATURES = 6, HIDDEN = 5, CLASSES = 3, TRAIN = 24, VALID = 16, BATCH = 6;

    final Mlp model = new Mlp(Activation.TANH, FEATURES, HIDDEN, CLASSES);
    final L2Penalty penalty = L2Penalty.perWeight(model.layout());
    final Tensor trainInputs, trainTargets, validInputs, validTargets;
    final InitialWeights init;
    final Random random;

    SmallProblem(long seed) {
        random = new Random(seed);
        trainInputs = gaussian(TRAIN, FEATURES);
        trainTargets = oneHot(TRAIN);
        validInputs = gaussian(VALID, FEATURES);
        validTargets = oneHot(VALID);
        init = new InitialWeights(model.layout(), seed + 1);
    }

    int groups() {
        return model.layout().groupCount();
    }

    Tensor gaussian(int... shape) {
        Tensor t = Tensor.zeros(shape);
        for (int i = 0; i < t.size(); i++) {
            t.data()[i] = random.nextGaussian();
        }
        return t;
    }

    private Tensor oneHot(int n) {
        Tensor t = Tensor.zeros(n, CLASSES);
        for (int i = 0; i < n; i++) {
            t.data()[i * CLASSES + random.nextInt(CLASSES)] = 1;
        }
        return t;
    }

    /** Cyclic minibatches of the training set. */
    int[] batch(int step) {
        int[] idx = new int[BATCH];
        for (int k = 0; k < BATCH; k++) {
            idx[k] = (step * BATCH + k) % TRAIN;
        }
        return idx;
    }

    TrainingLoss trainingLoss() {
        return (step, w, theta) -> {
            int[] idx = batch(step);
            Var x = theta.get("inputs").rows(idx);
            Var y = w.tape().constant(rows(trainTargets, idx));
            return Losses.softmaxCrossEntropy(model.logits(w, x), y).plus(penalty.apply(w, theta.get("l2")));
        };
    }

    Objective validationLoss() {
        return (w, theta) -> Losses.softmaxCrossEntropy(model.logits(w, w.tape().constant(validInputs)),
                w.tape().constant(validTargets));
    }

    Theta theta() {
        Tensor l2 = Tensor.zeros(penalty.size());
        for (int i = 0; i < l2.size(); i++) {
            l2.data()[i] = 0.001 * (1 + random.nextDouble());
        }
        return Theta.of("inputs", trainInputs.copy()).with("l2", l2);
    }

    /** A random schedule; momentums on the 2^-16 grid so the float64 reference uses the same values. */
    Schedule schedule(int steps, double alphaMin, double alphaMax, double betaMin, double betaMax) {
        double[][] a = new double[steps][groups()], b = new double[steps][groups()];
        for (int t = 0; t < steps; t++) {
            for (int g = 0; g < groups(); g++) {
                a[t][g] = alphaMin + (alphaMax - alphaMin) * random.nextDouble();
                b[t][g] = onGrid(betaMin + (betaMax - betaMin) * random.nextDouble());
            }
        }
        return new Schedule(a, b);
    }

    static double onGrid(double beta) {
        return Math.max(1, Math.min(65535, Math.round(beta * 65536))) / 65536.0;
    }

    static Tensor rows(Tensor m, int[] idx) {
        int c = m.cols();
        double[] out = new double[idx.length * c];
        for (int r = 0; r < idx.length; r++) {
            System.arraycopy(m.data(), idx[r] * c, out, r * c, c);
        }
        return Tensor.of(out, idx.length, c);
    }
}
