package io.github.hypergrad4j.train;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Timing a hypergradient runs the exact updates as separate passes and, for SGD with momentum,
 * evaluates extra gradients; none of that may change a single bit of the result.
 */
class PhaseTimesTest {

    @Test
    void timedRunsGiveTheSameBitsAsUntimedOnes() {
        SmallProblem p = new SmallProblem(31);
        Schedule s = p.schedule(60, 0.0, 0.2, 0.3, 0.99);
        double[] w0 = p.init.weights(new double[] {0.5, 0.1, 0.5, 0.1});
        double[] v0 = p.gaussian(w0.length).data();
        Theta theta = p.theta();
        ReversibleTrainer trainer = new ReversibleTrainer(p.model.layout(), p.trainingLoss());
        Hypergradient plain = trainer.hypergradient(w0, v0, s, theta, p.validationLoss(), StepListener.NONE);
        PhaseTimes times = new PhaseTimes();
        Hypergradient timed = trainer.hypergradient(w0, v0, s, theta, p.validationLoss(), StepListener.NONE, times);

        assertSameBits(timed, plain, s, theta);
        assertThat(times.runs()).isEqualTo(1);
        assertThat(times.asSeconds()).hasSize(PhaseTimes.Phase.values().length);
    }

    /** Adam's timed reverse step (every chunk's phase as a pass of its own) gives the untimed bits. */
    @Test
    void timedAdamRunsGiveTheSameBitsAsUntimedOnes() {
        SmallProblem p = new SmallProblem(37);
        Schedule s = p.schedule(40, 0.001, 0.01, 0.5, 0.95);
        double[] w0 = p.init.weights(new double[] {0.5, 0.1, 0.5, 0.1});
        Theta theta = p.theta();
        ReversibleTrainer trainer = new ReversibleTrainer(p.model.layout(), p.trainingLoss(), Optimizer.adamW());
        Hypergradient plain = trainer.hypergradient(w0, new double[w0.length], s, theta, p.validationLoss(),
                StepListener.NONE);
        PhaseTimes times = new PhaseTimes();
        Hypergradient timed = trainer.hypergradient(w0, new double[w0.length], s, theta, p.validationLoss(),
                StepListener.NONE, times);

        assertSameBits(timed, plain, s, theta);
        for (int t = 0; t < s.steps(); t++) {
            assertThat(timed.dBeta2()[t]).containsExactly(plain.dBeta2()[t]);
            assertThat(timed.dEps()[t]).containsExactly(plain.dEps()[t]);
            assertThat(timed.dWeightDecay()[t]).containsExactly(plain.dWeightDecay()[t]);
        }
        assertThat(times.seconds(PhaseTimes.Phase.REVERSE_HESSIAN)).isPositive();
    }

    /** The hypergradients every optimiser has, bit for bit. */
    private static void assertSameBits(Hypergradient timed, Hypergradient plain, Schedule s, Theta theta) {
        assertThat(timed.objective()).isEqualTo(plain.objective());
        assertThat(timed.dWeights0()).containsExactly(plain.dWeights0());
        assertThat(timed.dVelocity0()).containsExactly(plain.dVelocity0());
        for (int t = 0; t < s.steps(); t++) {
            assertThat(timed.dAlpha()[t]).containsExactly(plain.dAlpha()[t]);
            assertThat(timed.dBeta()[t]).containsExactly(plain.dBeta()[t]);
        }
        for (String name : theta.names()) {
            assertThat(timed.dTheta().get(name).data()).containsExactly(plain.dTheta().get(name).data());
        }
        assertThat(timed.bufferBits()).isEqualTo(plain.bufferBits());
    }
}
