package io.github.hypergrad4j.bench;

import io.github.hypergrad4j.exact.RationalFactor;
import io.github.hypergrad4j.train.Hypergradient;
import io.github.hypergrad4j.train.Optimizer;
import io.github.hypergrad4j.train.StepListener;
import java.io.IOException;

/**
 * Section 6, exactly reversible Adam: the paper setting trained with Adam (forward training and the
 * full hypergradient, now also with respect to beta2, eps and the weight decay), its ratio to its
 * own forward training and to the SGD-momentum hypergradient of section 1's setting (measured again
 * here, in turn with Adam's, so that both see the same machine load), the information buffer's bits
 * per parameter per step against log2(1/beta1) + log2(1/beta2), and memory at width 500 against
 * Adam's stored-trajectory reference (w_t, m_t, s_t per step), with section 2's machinery.
 */
final class AdamSection {
    private AdamSection() {}

    /**
     * @param forward forward training times with Adam
     * @param hypergradient full hypergradient times with Adam
     * @param sgdHypergradient SGD-momentum hypergradient times, measured in turn with Adam's
     * @param ratioToForward best hypergradient over best forward time
     * @param ratioToSgdMomentum best Adam hypergradient over the best SGD-momentum hypergradient
     * @param cpuRatioToSgdMomentum the same for the process CPU time of the best runs
     * @param objective the validation loss after Adam training
     * @param bitsPerParameterStep information buffer bits per parameter per step
     * @param idealBits log2(1/beta1) + log2(1/beta2) for the factors used
     * @param bufferRatio stored over ideal
     * @param memory memory scaling with Adam
     */
    record Result(Timing.Stats forward, Timing.Stats hypergradient, Timing.Stats sgdHypergradient, double ratioToForward,
            double ratioToSgdMomentum, double cpuRatioToSgdMomentum, double objective, double bitsPerParameterStep, double idealBits, double bufferRatio,
            MemoryScalingSection.Result memory) {}

    static Result run(BenchConfig config, Progress progress) throws IOException, InterruptedException {
        Optimizer adam = Optimizer.adam();
        PaperSetting s = PaperSetting.forOptimizer(config.paperHidden(), config.paperSteps(), config.paperExamples(), 1,
                adam);
        double[] w0 = s.initialWeights();
        progress.note("Adam, paper setting: forward training, " + config.runs() + " timed runs");
        Timing.Stats forward = Timing.measure(config.warmups(), config.runs(),
                () -> s.trainer().train(w0, new double[w0.length], s.schedule, s.theta(), StepListener.NONE));
        progress.note("Adam, paper setting: hypergradient, in turn with SGD with momentum's, " + config.runs()
                + " timed runs each");
        PaperSetting sgd = new PaperSetting(config.paperHidden(), config.paperSteps(), config.paperExamples(), 1);
        Hypergradient[] last = new Hypergradient[1];
        Timing.Stats[] both = Timing.measureAlternately(config.warmups(), config.runs(), () -> last[0] = s.trainer()
                .hypergradient(w0, new double[w0.length], s.schedule, s.theta(), s.validationLoss(), StepListener.NONE),
                () -> sgd.trainer().hypergradient(w0, new double[w0.length], sgd.schedule, sgd.theta(),
                        sgd.validationLoss(), StepListener.NONE));
        Timing.Stats hyper = both[0], sgdHyper = both[1];
        double bits = last[0].bufferBits() / w0.length / s.steps;
        // A constant schedule: the same factors at every step and group.
        double ideal = RationalFactor.of(s.schedule.beta(0, 0)).idealBitsPerMultiply()
                + RationalFactor.of(0.999).idealBitsPerMultiply();
        progress.note(String.format(java.util.Locale.ROOT, "Adam: hypergradient %.3f s = %.2f x its forward, %.2f x SGD-momentum's",
                hyper.bestSeconds(), hyper.bestSeconds() / forward.bestSeconds(),
                hyper.bestSeconds() / sgdHyper.bestSeconds()));
        MemoryScalingSection.Result memory = MemoryScalingSection.run(config, progress, "adam", config.adamMemorySteps());
        return new Result(forward, hyper, sgdHyper, hyper.bestSeconds() / forward.bestSeconds(),
                hyper.bestSeconds() / sgdHyper.bestSeconds(), hyper.cpuSeconds() / sgdHyper.cpuSeconds(),
                last[0].objective(), bits, ideal, bits / ideal, memory);
    }
}
