package io.github.hypergrad4j.bench;

import io.github.hypergrad4j.hyper.InitialWeights;
import io.github.hypergrad4j.model.Losses;
import io.github.hypergrad4j.model.layers.Convnets;
import io.github.hypergrad4j.model.layers.Pool2d;
import io.github.hypergrad4j.model.layers.Sequential;
import io.github.hypergrad4j.tensor.Tensor;
import io.github.hypergrad4j.train.Hypergradient;
import io.github.hypergrad4j.train.Objective;
import io.github.hypergrad4j.train.ReversibleTrainer;
import io.github.hypergrad4j.train.Schedule;
import io.github.hypergrad4j.train.StepListener;
import io.github.hypergrad4j.train.Theta;
import io.github.hypergrad4j.train.TrainingLoss;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Section 5, a small convnet ({@link Convnets#small}: conv 5x5x16, tanh, 2x2 max pooling, conv
 * 5x5x16, tanh, 2x2 max pooling, dense to 10; 14,682 weights) on synthetic images of MNIST's shape:
 * forward training alone, the full exact hypergradient (learning rates and momentums per step and
 * layer, initial scales), and their ratio. Convolutions run as im2col products on the same BLAS.
 */
final class ConvnetSection {
    private ConvnetSection() {}

    /**
     * @param architecture the layers
     * @param parameters weights and biases
     * @param batch minibatch size
     * @param steps training steps T
     * @param examples training and validation images each
     * @param forward forward training times
     * @param hypergradient full hypergradient times
     * @param ratio best hypergradient time over best forward time
     * @param objective the validation loss (a sanity check)
     * @param bitsPerParameterStep information buffer bits per parameter per step
     */
    record Result(String architecture, int parameters, int batch, int steps, int examples, Timing.Stats forward,
            Timing.Stats hypergradient, double ratio, double objective, double bitsPerParameterStep) {}

    static Result run(BenchConfig config, Progress progress) {
        Sequential net = Convnets.small(Pool2d.Kind.MAX, 16, 10, 1, 28, 28);
        int n = config.convnetExamples(), batch = config.convnetBatch(), steps = config.convnetSteps();
        SplittableRandom r = new SplittableRandom(5);
        Tensor trainX = pixels(n, r), trainY = labels(n, r), validX = pixels(n, r), validY = labels(n, r);
        TrainingLoss loss = (step, w, theta) -> {
            int[] idx = new int[batch];
            for (int k = 0; k < batch; k++) {
                idx[k] = (step * batch + k) % n;
            }
            return Losses.softmaxCrossEntropy(net.logits(w, w.tape().constant(trainX).rows(idx)),
                    w.tape().constant(trainY).rows(idx));
        };
        Objective objective = (w, theta) -> Losses.softmaxCrossEntropy(net.logits(w, w.tape().constant(validX)),
                w.tape().constant(validY));
        ReversibleTrainer trainer = new ReversibleTrainer(net.layout(), loss);
        Schedule schedule = Schedule.constant(steps, net.layout(), 0.05, 0.9);
        double[] w0 = new InitialWeights(net.layout(), 5).weights(new double[] {0.2, 0.05, 0.05, 0.05, 0.04, 0.05});
        int warmups = Math.min(config.warmups(), 1), runs = Math.max(2, Math.min(config.runs(), 3));
        progress.note("convnet: forward training, " + runs + " timed runs");
        Timing.Stats forward = Timing.measure(warmups, runs,
                () -> trainer.train(w0, new double[w0.length], schedule, Theta.empty(), StepListener.NONE));
        progress.note("convnet: hypergradient, " + runs + " timed runs");
        Hypergradient[] last = new Hypergradient[1];
        Timing.Stats hyper = Timing.measure(warmups, runs, () -> last[0] = trainer.hypergradient(w0, new double[w0.length],
                schedule, Theta.empty(), objective, StepListener.NONE));
        return new Result(net.layers().toString(), w0.length, batch, steps, n, forward, hyper,
                hyper.bestSeconds() / forward.bestSeconds(), last[0].objective(), last[0].bufferBits() / w0.length / steps);
    }

    private static Tensor pixels(int n, SplittableRandom r) {
        double[] x = new double[n * 784];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextDouble();
        }
        return Tensor.of(x, n, 784);
    }

    private static Tensor labels(int n, SplittableRandom r) {
        double[] y = new double[n * 10];
        for (int i = 0; i < n; i++) {
            y[i * 10 + r.nextInt(10)] = 1;
        }
        return Tensor.of(y, n, 10);
    }

    /** Runs this section alone at the full suite's sizes ({@code --quick}: the smoke sizes) and prints it. */
    public static void main(String[] args) {
        BenchConfig config = args.length > 0 && args[0].equals("--quick") ? BenchConfig.smoke() : BenchConfig.full();
        Result res = run(config, new Progress(System.err));
        System.out.printf(Locale.ROOT, "convnet %d weights, batch %d, T = %d: forward %.3f s (median %.3f, process CPU "
                        + "%.3f s), hypergradient %.3f s (median %.3f, process CPU %.3f s), ratio %.2f, objective %.6f, %.4f "
                        + "bits/param/step%n", res.parameters(), res.batch(), res.steps(), res.forward().bestSeconds(),
                res.forward().medianSeconds(), res.forward().cpuSeconds(), res.hypergradient().bestSeconds(),
                res.hypergradient().medianSeconds(), res.hypergradient().cpuSeconds(), res.ratio(), res.objective(),
                res.bitsPerParameterStep());
    }
}
