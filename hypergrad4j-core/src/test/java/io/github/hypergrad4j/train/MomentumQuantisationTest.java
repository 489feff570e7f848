package io.github.hypergrad4j.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * What {@link Schedule}'s comment promises about momentums: training uses n / 2^16, clamped; a
 * finite-difference step below the grid sees nothing; a step of whole grid points agrees with dBeta.
 */
class MomentumQuantisationTest {
    private final SmallProblem p = new SmallProblem(31);
    private final double[] w0 = p.init.weights(0.3);
    private final Theta theta = p.theta(); // drawn once: p.theta() draws new penalties each time
    private final ReversibleTrainer trainer = new ReversibleTrainer(p.model.layout(), p.trainingLoss());

    private double objective(double beta00) {
        double[][] a = Schedule.constant(10, p.groups(), 0.2, 0.9).alphas();
        double[][] b = Schedule.constant(10, p.groups(), 0.2, 0.9).betas();
        b[0][0] = beta00;
        return hypergradient(new Schedule(a, b)).objective();
    }

    private Hypergradient hypergradient(Schedule s) {
        return trainer.hypergradient(w0, new double[w0.length], s, theta, p.validationLoss(), StepListener.NONE);
    }

    @Test
    void betaUsedIsTheNearestMultipleOf2ToTheMinus16Clamped() {
        Schedule s = new Schedule(new double[][] {{0.1, 0.1, 0.1}}, new double[][] {{0.9, 1e-9, 1 - 1e-9}});
        assertThat(s.betaUsed(0, 0)).isEqualTo(58982 / 65536.0);
        assertThat(s.betaUsed(0, 1)).isEqualTo(Schedule.MOMENTUM_RESOLUTION);
        assertThat(s.betaUsed(0, 2)).isEqualTo(1 - Schedule.MOMENTUM_RESOLUTION);
    }

    @Test
    void aStepBelowTheGridSeesNothingAndWholeGridStepsAgreeWithDBeta() {
        double beta = 58982 / 65536.0; // on the grid
        double small = 1e-6;
        assertThat(objective(beta + small) - objective(beta - small)).isZero();

        double h = 4 * Schedule.MOMENTUM_RESOLUTION;
        double fd = (objective(beta + h) - objective(beta - h)) / (2 * h);
        double exact = hypergradient(Schedule.constant(10, p.groups(), 0.2, beta)).dBeta()[0][0];
        assertThat(Math.abs(exact)).isGreaterThan(1e-4);
        assertThat(fd).isCloseTo(exact, within(1e-3 * Math.abs(exact)));
    }
}
