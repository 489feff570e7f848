package io.github.hypergrad4j.bench;

import io.github.hypergrad4j.train.Hypergradient;
import io.github.hypergrad4j.train.StepListener;

/**
 * Section 1, the paper's timing setting: forward training alone, the full hypergradient (forward
 * training, the validation objective and the exact reverse pass, with respect to T x 8 learning
 * rates, T x 8 momentums and 8 initial scales), their ratio, and the rate of analytically counted
 * flops next to the machine's dgemm rate measured in the same process.
 */
final class PaperSettingSection {
    private PaperSettingSection() {}

    /**
     * @param sizes layer sizes of the MLP
     * @param batch minibatch size
     * @param steps training steps T
     * @param examples training and validation examples each
     * @param parameters weights and biases
     * @param hyperparameters learning rates, momentums and initial scales differentiated
     * @param forward forward training times
     * @param hypergradient full hypergradient times
     * @param ratio best hypergradient time over best forward time
     * @param forwardGflop flops of forward training, in 1e9
     * @param hypergradientGflop flops of the hypergradient, in 1e9
     * @param forwardGflops forward training's rate at its best time
     * @param hypergradientGflops the hypergradient's rate at its best time
     * @param dgemm the machine's dgemm rate, same BLAS, same process
     * @param efficiency hypergradient rate over the all-threads dgemm rate
     * @param efficiencySingleThread hypergradient rate over the one-thread dgemm rate
     * @param objective the validation loss (a sanity check: same on every machine up to BLAS rounding)
     * @param bitsPerParameterStep information buffer bits per parameter per step
     */
    record Result(int[] sizes, int batch, int steps, int examples, int parameters, int hyperparameters,
            Timing.Stats forward, Timing.Stats hypergradient, double ratio, double forwardGflop,
            double hypergradientGflop, double forwardGflops, double hypergradientGflops, DgemmRate dgemm,
            double efficiency, double efficiencySingleThread, double objective, double bitsPerParameterStep) {}

    static Result run(BenchConfig config, Progress progress) {
        PaperSetting s = new PaperSetting(config.paperHidden(), config.paperSteps(), config.paperExamples(), 1);
        double[] w0 = s.initialWeights();
        int groups = s.model.layout().groupCount();
        progress.note("paper setting: forward training, " + config.runs() + " timed runs");
        Timing.Stats forward = Timing.measure(config.warmups(), config.runs(),
                () -> s.trainer().train(w0, new double[w0.length], s.schedule, s.theta(), StepListener.NONE));
        progress.note("paper setting: hypergradient, " + config.runs() + " timed runs");
        Hypergradient[] last = new Hypergradient[1];
        double[][] scaleGradient = new double[1][];
        Timing.Stats hyper = Timing.measure(config.warmups(), config.runs(), () -> {
            last[0] = s.trainer().hypergradient(w0, new double[w0.length], s.schedule, s.theta(), s.validationLoss(),
                    StepListener.NONE);
            scaleGradient[0] = s.init.scaleGradient(last[0].dWeights0());
        });
        progress.note("paper setting: dgemm " + config.dgemmSize() + "^3");
        DgemmRate dgemm = DgemmRate.measure(config.dgemmSize(), config.warmups(), Math.max(3, config.runs()));
        int[] sizes = s.model.sizes();
        double fFlops = FlopCount.forwardTraining(sizes, PaperSetting.BATCH, s.steps);
        double hFlops = FlopCount.hypergradient(sizes, PaperSetting.BATCH, s.steps, s.validX.rows());
        double hRate = hFlops / hyper.bestSeconds() / 1e9;
        int p = w0.length;
        return new Result(sizes, PaperSetting.BATCH, s.steps, config.paperExamples(), p, 2 * s.steps * groups + groups,
                forward, hyper, hyper.bestSeconds() / forward.bestSeconds(), fFlops / 1e9, hFlops / 1e9,
                fFlops / forward.bestSeconds() / 1e9, hRate, dgemm, hRate / dgemm.allThreadsGflops(),
                hRate / dgemm.singleThreadGflops(), last[0].objective(), last[0].bufferBits() / p / s.steps);
    }
}
