package io.github.hypergrad4j.train;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.hypergrad4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Each way a training run can be set up wrong gives an exception that says what to change. */
class BadInputTest {
    private final SmallProblem p = new SmallProblem(3);
    private final ReversibleTrainer trainer = new ReversibleTrainer(p.model.layout(), p.trainingLoss());

    private void run(double[] w0, Schedule s, Theta theta) {
        trainer.hypergradient(w0, new double[w0.length], s, theta, p.validationLoss(), StepListener.NONE);
    }

    @Test
    void fixedPointOverflowNamesStepGroupAndTheFix() {
        double[] w0 = p.init.weights(0.3);
        assertThatThrownBy(() -> run(w0, Schedule.constant(50, p.groups(), 1e6, 0.9), p.theta()))
                .isInstanceOf(TrainingDivergedException.class)
                .hasMessageContaining("fixed-point range")
                .hasMessageContaining("at step")
                .hasMessageContaining("parameter group '")
                .hasMessageContaining("learning rate or the initial scale is too large");
    }

    @Test
    void aLossThatOverflowsWithFiniteInputsIsDivergenceAndSaysWhatToLower() {
        // Finite weights and data, but exp(800 w) overflows at the initial weights already.
        TrainingLoss steep = (step, w, theta) -> w.times(800).exp().sum();
        double[] w0 = new double[p.model.layout().size()];
        java.util.Arrays.fill(w0, 1.0);
        assertThatThrownBy(() -> new ReversibleTrainer(p.model.layout(), steep).train(w0, new double[w0.length],
                Schedule.constant(5, p.groups(), 0.1, 0.9), Theta.empty(), StepListener.NONE))
                .isInstanceOf(TrainingDivergedException.class)
                .isNotInstanceOf(NonFiniteInputException.class)
                .hasMessageContaining("the training loss is Infinity at step 0, before any update")
                .hasMessageContaining("lower the initial scale");
    }

    @Test
    void aLossThatBecomesNonFiniteDuringTrainingIsDivergenceAndNamesTheLastGoodLoss() {
        // sum exp(20 w^2): finite at w0 = 0.1, but a learning rate of 10 overshoots to w = -24.3 in one
        // step, where exp(20 w^2) overflows although the weights are well inside the fixed-point range.
        TrainingLoss steep = (step, w, theta) -> w.square().times(20).exp().sum();
        double[] w0 = new double[p.model.layout().size()];
        java.util.Arrays.fill(w0, 0.1);
        assertThatThrownBy(() -> new ReversibleTrainer(p.model.layout(), steep).train(w0, new double[w0.length],
                Schedule.constant(5, p.groups(), 10, 0.5), Theta.empty(), StepListener.NONE))
                .isInstanceOf(TrainingDivergedException.class)
                .isNotInstanceOf(NonFiniteInputException.class)
                .hasMessageContaining("the training loss is Infinity at step 1 (it was ")
                .hasMessageContaining("training diverged; lower the learning rate or the initial scale");
    }

    @Test
    void momentumOutsideTheOpenUnitIntervalIsRefused() {
        assertThatThrownBy(() -> Schedule.constant(5, p.groups(), 0.1, 1.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("strictly inside (0, 1)");
        assertThatThrownBy(() -> Schedule.constant(5, p.groups(), 0.1, 0.0)).hasMessageContaining("strictly inside (0, 1)");
    }

    @Test
    void negativeLearningRateIsRefused() {
        assertThatThrownBy(() -> Schedule.constant(5, p.groups(), -0.1, 0.9))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("learning rates must be finite and >= 0");
    }

    @Test
    void mismatchedShapesAreRefused() {
        assertThatThrownBy(() -> run(new double[3], Schedule.constant(5, p.groups(), 0.1, 0.9), p.theta()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must both have the layout's");
        assertThatThrownBy(() -> run(p.init.weights(0.3), Schedule.constant(5, p.groups() + 1, 0.1, 0.9), p.theta()))
                .hasMessageContaining("one learning rate and momentum per group");
        assertThatThrownBy(() -> run(p.init.weights(0.3), Schedule.constant(5, p.groups(), 0.1, 0.9),
                p.theta().with("l2", Tensor.zeros(7))))
                .hasMessageContaining("L2 penalty expects");
    }
}
