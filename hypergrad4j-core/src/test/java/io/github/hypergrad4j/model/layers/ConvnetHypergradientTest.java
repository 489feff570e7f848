package io.github.hypergrad4j.model.layers;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.hypergrad4j.autodiff.Tape;
import io.github.hypergrad4j.autodiff.Var;
import io.github.hypergrad4j.data.Dataset;
import io.github.hypergrad4j.data.LabelledImages;
import io.github.hypergrad4j.data.RealData;
import io.github.hypergrad4j.hyper.HyperVector;
import io.github.hypergrad4j.hyper.InitialWeights;
import io.github.hypergrad4j.model.L2Penalty;
import io.github.hypergrad4j.model.Losses;
import io.github.hypergrad4j.tensor.Tensor;
import io.github.hypergrad4j.tensor.TensorOps;
import io.github.hypergrad4j.train.Hypergradient;
import io.github.hypergrad4j.train.Objective;
import io.github.hypergrad4j.train.ReversibleTrainer;
import io.github.hypergrad4j.train.Schedule;
import io.github.hypergrad4j.train.StepListener;
import io.github.hypergrad4j.train.StoredTrajectoryTrainer;
import io.github.hypergrad4j.train.Theta;
import io.github.hypergrad4j.train.TrainingLoss;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A small convnet ({@link Convnets#small}: conv 5x5, tanh, 2x2 pooling, conv 5x5, tanh, 2x2 pooling,
 * dense) trained by exact reversible SGD with momentum on real images (MNIST's test set, else
 * Fashion-MNIST's; skipped with a reason when neither is there). Its hypergradients (per-step
 * learning rates and momentums, initial scales, a per-layer L2 penalty) are checked against the
 * float64 stored-trajectory reference and against central finite differences of the whole run.
 *
 * <p>With max pooling the trained weights are only piecewise smooth in the hyperparameters (a window
 * whose maximum moves changes a step's gradient by a jump): measured on such a run (24 images,
 * T = 6), the validation loss jumps by 2e-6 to 2e-4 within 2e-5 of the initial scale of W2, so a
 * finite difference with step 1e-5 is off by up to 100% while the reference agrees to 1e-10. The max-pooling network (16
 * filters) is therefore checked against the reference, and the same network with average pooling
 * (smooth; 8 filters to stay quick) against both. Few images, few steps: seconds.
 */
class ConvnetHypergradientTest {
    private static final int TRAIN = 16, VALID = 16, BATCH = 8, STEPS = 4;

    private final double[] scales = {0.2, 0.05, 0.05, 0.05, 0.04, 0.05};

    @Test
    void maxPoolingConvnetMatchesTheStoredTrajectory() throws Exception {
        Sequential net = Convnets.small(Pool2d.Kind.MAX, 16, 10, 1, 28, 28);
        assertThat(net.layout().names()).containsExactly("W1", "b1", "W2", "b2", "W3", "b3");
        assertThat(net.layout().size()).isEqualTo(16 * 25 + 16 + 16 * 16 * 25 + 16 + 16 * 7 * 7 * 10 + 10);
        check(net, false);
    }

    @Test
    void averagePoolingConvnetMatchesTheStoredTrajectoryAndFiniteDifferences() throws Exception {
        check(Convnets.small(Pool2d.Kind.AVERAGE, 8, 10, 1, 28, 28), true);
    }

    private void check(Sequential net, boolean finiteDifferences) throws Exception {
        LabelledImages images = RealData.mnistElseFashionTestImagesOrSkip();
        Dataset train = images.select(range(0, TRAIN)), valid = images.select(range(TRAIN, TRAIN + VALID));
        L2Penalty penalty = L2Penalty.perGroup(net.layout(), "W1", "W2", "W3");

        TrainingLoss loss = (step, w, theta) -> {
            int[] idx = range(step * BATCH % TRAIN, step * BATCH % TRAIN + BATCH);
            Dataset b = train.rows(idx);
            return Losses.softmaxCrossEntropy(net.logits(w, w.tape().constant(b.images())), w.tape().constant(b.oneHotTensor()))
                    .plus(penalty.apply(w, theta.get("l2")));
        };
        Objective objective = (w, theta) -> Losses.softmaxCrossEntropy(net.logits(w, w.tape().constant(valid.images())),
                w.tape().constant(valid.oneHotTensor()));
        Theta theta = Theta.of("l2", Tensor.vector(1e-3, 2e-3, 1e-3));
        InitialWeights init = new InitialWeights(net.layout(), 11);
        Random r = new Random(3);
        double[][] alpha = new double[STEPS][6], beta = new double[STEPS][6];
        for (int t = 0; t < STEPS; t++) {
            for (int g = 0; g < 6; g++) {
                alpha[t][g] = 0.1 + 0.1 * r.nextDouble();
                beta[t][g] = Math.round((0.8 + 0.15 * r.nextDouble()) * 65536) / 65536.0;
            }
        }
        Schedule schedule = new Schedule(alpha, beta);
        ReversibleTrainer trainer = new ReversibleTrainer(net.layout(), loss);

        long t0 = System.nanoTime();
        double[] w0 = init.weights(scales);
        Hypergradient exact = trainer.hypergradient(w0, new double[w0.length], schedule, theta, objective, StepListener.NONE);
        long t1 = System.nanoTime();
        Hypergradient ref = new StoredTrajectoryTrainer(net.layout(), loss).hypergradient(w0, new double[w0.length],
                schedule, theta, objective);
        assertThat(exact.trainingLosses()[STEPS - 1]).as("training makes progress").isLessThan(exact.trainingLosses()[0]);

        double eAlpha = rel(HyperVector.flatten(exact.dAlpha()), HyperVector.flatten(ref.dAlpha()));
        double eBeta = rel(HyperVector.flatten(exact.dBeta()), HyperVector.flatten(ref.dBeta()));
        double eScale = rel(init.scaleGradient(exact.dWeights0()), init.scaleGradient(ref.dWeights0()));
        double eL2 = rel(exact.dTheta().get("l2").data(), ref.dTheta().get("l2").data());
        String name = net.layers().get(2).toString();
        System.out.printf(Locale.ROOT, "convnet (%s) on %s: %d parameters, T = %d, objective %.6f (loss %.4f -> %.4f), "
                        + "exact hypergradient %.2f s; vs stored trajectory: learning rates %.1e, momentums %.1e, "
                        + "initial scales %.1e, L2 %.1e%n", name, images.description(), net.layout().size(), STEPS,
                exact.objective(), exact.trainingLosses()[0], exact.trainingLosses()[STEPS - 1], (t1 - t0) / 1e9,
                eAlpha, eBeta, eScale, eL2);
        assertThat(eAlpha).as("learning rates vs stored trajectory").isLessThan(1e-6);
        assertThat(eBeta).as("momentums vs stored trajectory").isLessThan(1e-6);
        assertThat(eScale).as("initial scales vs stored trajectory").isLessThan(1e-6);
        assertThat(eL2).as("L2 vs stored trajectory").isLessThan(1e-6);
        if (!finiteDifferences) {
            return;
        }

        double eps = 1e-5;
        double[][] ra = new double[STEPS][6];
        for (double[] row : ra) {
            for (int g = 0; g < 6; g++) {
                row[g] = r.nextGaussian();
            }
        }
        double aAlpha = dot(HyperVector.flatten(exact.dAlpha()), HyperVector.flatten(ra));
        double nAlpha = (run(net, trainer, objective, scales, shift(schedule, ra, eps), theta)
                - run(net, trainer, objective, scales, shift(schedule, ra, -eps), theta)) / (2 * eps);
        double[] rs = {0.7, -0.3, 0.5, 1.1, -0.8, 0.4};
        double aScale = dot(init.scaleGradient(exact.dWeights0()), rs);
        double nScale = (run(net, trainer, objective, axpy(scales, eps, rs), schedule, theta)
                - run(net, trainer, objective, axpy(scales, -eps, rs), schedule, theta)) / (2 * eps);
        double[] rl = {0.5, -1.0, 0.8};
        double aL2 = dot(exact.dTheta().get("l2").data(), rl);
        double nL2 = (run(net, trainer, objective, scales, schedule, Theta.of("l2", Tensor.of(axpy(theta.get("l2").data(), eps, rl), 3)))
                - run(net, trainer, objective, scales, schedule, Theta.of("l2", Tensor.of(axpy(theta.get("l2").data(), -eps, rl), 3))))
                / (2 * eps);
        System.out.printf(Locale.ROOT, "convnet (" + name + ") vs finite differences: learning rates %.8g vs %.8g (%.1e), initial scales "
                        + "%.8g vs %.8g (%.1e), L2 %.8g vs %.8g (%.1e)%n", aAlpha, nAlpha, rel1(aAlpha, nAlpha), aScale, nScale,
                rel1(aScale, nScale), aL2, nL2, rel1(aL2, nL2));
        assertThat(rel1(aAlpha, nAlpha)).as("learning rates vs finite differences").isLessThan(1e-4);
        assertThat(rel1(aScale, nScale)).as("initial scales vs finite differences").isLessThan(1e-4);
        assertThat(rel1(aL2, nL2)).as("L2 vs finite differences").isLessThan(1e-4);
    }

    private static double run(Sequential net, ReversibleTrainer trainer, Objective objective, double[] s, Schedule schedule, Theta theta) {
        double[] w0 = new InitialWeights(net.layout(), 11).weights(s);
        double[] wT = trainer.train(w0, new double[w0.length], schedule, theta, StepListener.NONE);
        Tape tape = new Tape();
        return objective.at(tape.constant(Tensor.of(wT, wT.length)), null).item();
    }

    private static Schedule shift(Schedule s, double[][] r, double eps) {
        double[][] a = s.alphas();
        for (int t = 0; t < a.length; t++) {
            for (int g = 0; g < a[t].length; g++) {
                a[t][g] += eps * r[t][g];
            }
        }
        return new Schedule(a, s.betas());
    }

    private static int[] range(int from, int to) {
        int[] idx = new int[to - from];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = from + i;
        }
        return idx;
    }

    private static double rel(double[] a, double[] b) {
        double num = 0, den = 0;
        for (int i = 0; i < a.length; i++) {
            num += (a[i] - b[i]) * (a[i] - b[i]);
            den += b[i] * b[i];
        }
        return Math.sqrt(num) / Math.max(Math.sqrt(den), 1e-300);
    }

    private static double rel1(double a, double n) {
        return Math.abs(a - n) / Math.max(Math.abs(n), 1e-12);
    }

    private static double dot(double[] a, double[] b) {
        return TensorOps.dot(a, b);
    }

    private static double[] axpy(double[] x, double eps, double[] r) {
        double[] y = x.clone();
        for (int i = 0; i < y.length; i++) {
            y[i] += eps * r[i];
        }
        return y;
    }
}
