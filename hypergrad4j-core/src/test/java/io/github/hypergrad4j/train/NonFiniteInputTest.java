package io.github.hypergrad4j.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.hypergrad4j.model.Losses;
import io.github.hypergrad4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * A NaN or infinity in an input is reported as what it is, naming the input and where in it, and
 * not as a diverged run with the advice to lower the learning rate.
 */
class NonFiniteInputTest {
    private final SmallProblem p = new SmallProblem(5);
    private final ReversibleTrainer trainer = new ReversibleTrainer(p.model.layout(), p.trainingLoss());
    private final Schedule schedule = Schedule.constant(5, p.groups(), 0.1, 0.9);

    private Hypergradient run(double[] w0, double[] v0, Theta theta, Objective objective) {
        return trainer.hypergradient(w0, v0, schedule, theta, objective, StepListener.NONE);
    }

    @Test
    void nanInTheInitialWeightsNamesW0AndTheGroup() {
        double[] w0 = p.init.weights(0.3);
        int index = p.model.layout().group("b1").offset() + 2;
        w0[index] = Double.NaN;
        assertThatThrownBy(() -> run(w0, new double[w0.length], p.theta(), p.validationLoss()))
                .isInstanceOf(NonFiniteInputException.class)
                .hasMessageStartingWith("the initial weights w0 hold NaN at index " + index + " (group 'b1')")
                .hasMessageNotContaining("learning rate")
                .satisfies(e -> assertThat(((NonFiniteInputException) e).input()).isEqualTo("the initial weights w0"));
    }

    @Test
    void infinityInTheInitialVelocityNamesV0() {
        double[] w0 = p.init.weights(0.3), v0 = new double[w0.length];
        v0[0] = Double.POSITIVE_INFINITY;
        assertThatThrownBy(() -> run(w0, v0, p.theta(), p.validationLoss()))
                .isInstanceOf(NonFiniteInputException.class)
                .hasMessageStartingWith("the initial velocity v0 hold Infinity at index 0");
    }

    @Test
    void nanInAHyperparameterNamesItAndTheEntry() {
        Tensor l2 = p.theta().get("l2").copy();
        l2.data()[7] = Double.NaN;
        assertThatThrownBy(() -> run(p.init.weights(0.3), new double[p.model.layout().size()],
                p.theta().with("l2", l2), p.validationLoss()))
                .isInstanceOf(NonFiniteInputException.class)
                .hasMessageStartingWith("hyperparameter 'l2' holds NaN at index 7")
                .hasMessageNotContaining("learning rate");
    }

    @Test
    void nanInTheTrainingDataNamesTheTrainingDataAndTheEntry() {
        // The targets are constants the training loss reads (the inputs are a hyperparameter here).
        Tensor targets = p.trainTargets.copy();
        targets.data()[4 * SmallProblem.CLASSES + 1] = Double.NaN;
        TrainingLoss loss = (step, w, theta) -> {
            int[] idx = p.batch(step);
            return Losses.softmaxCrossEntropy(p.model.logits(w, theta.get("inputs").rows(idx)),
                    w.tape().constant(targets).rows(idx));
        };
        double[] w0 = p.init.weights(0.3);
        assertThatThrownBy(() -> new ReversibleTrainer(p.model.layout(), loss).hypergradient(w0,
                new double[w0.length], schedule, p.theta(), p.validationLoss(), StepListener.NONE))
                .isInstanceOf(NonFiniteInputException.class)
                .hasMessageStartingWith("the training loss at step 0 is NaN because the data it reads are not finite")
                .hasMessageContaining("a constant 24 x 3 tensor (the training set, usually) holds NaN at row 4, column 1")
                .hasMessageNotContaining("lower the learning rate")
                .satisfies(e -> assertThat(((NonFiniteInputException) e).step()).isZero());
    }

    @Test
    void nanInTheValidationDataNamesTheValidationDataNotDivergence() {
        Tensor valid = p.validInputs.copy();
        valid.data()[3 * SmallProblem.FEATURES + 2] = Double.NaN;
        Objective objective = (w, theta) -> Losses.softmaxCrossEntropy(p.model.logits(w, w.tape().constant(valid)),
                w.tape().constant(p.validTargets));
        assertThatThrownBy(() -> run(p.init.weights(0.3), new double[p.model.layout().size()], p.theta(), objective))
                .isInstanceOf(NonFiniteInputException.class)
                .hasMessageStartingWith("the objective is NaN because the data it reads are not finite")
                .hasMessageContaining("16 x 6 tensor (the validation set, usually) holds NaN at row 3, column 2")
                .hasMessageNotContaining("diverged")
                .hasMessageNotContaining("lower the learning rate");
    }

    @Test
    void nanInTestDataIsReportedWhenTheTestLossIsEvaluated() {
        Tensor test = p.gaussian(10, SmallProblem.FEATURES);
        // NaN survives tanh, an infinity would not (tanh(inf) = 1), yet it is reported either way.
        test.data()[9 * SmallProblem.FEATURES] = Double.NaN;
        Tensor testTargets = SmallProblem.rows(p.trainTargets, new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
        Objective testLoss = (w, theta) -> Losses.softmaxCrossEntropy(p.model.logits(w, w.tape().constant(test)),
                w.tape().constant(testTargets));
        double[] trained = run(p.init.weights(0.3), new double[p.model.layout().size()], p.theta(),
                p.validationLoss()).finalWeights();
        assertThatThrownBy(() -> testLoss.evaluate(trained, p.theta()))
                .isInstanceOf(NonFiniteInputException.class)
                .hasMessageContaining("the objective")
                .hasMessageContaining("10 x 6 tensor (the test or validation set, usually) holds NaN at row 9,"
                        + " column 0");
    }

    @Test
    void evaluatingAtNonFiniteWeightsNamesThem() {
        double[] w = p.init.weights(0.3);
        w[5] = Double.NaN;
        assertThatThrownBy(() -> p.validationLoss().evaluate(w, p.theta()))
                .isInstanceOf(NonFiniteInputException.class)
                .hasMessage("the weights hold NaN at index 5: weights to evaluate at must be finite");
    }

    @Test
    void nanInTrainingDataOutsideTheFirstBatchIsFoundAtStepZero() {
        Tensor targets = p.trainTargets.copy();
        targets.data()[20 * SmallProblem.CLASSES] = Double.NaN; // row 20: first used at step 3
        TrainingLoss loss = (step, w, theta) -> {
            int[] idx = p.batch(step);
            return Losses.softmaxCrossEntropy(p.model.logits(w, theta.get("inputs").rows(idx)),
                    w.tape().constant(targets).rows(idx));
        };
        assertThatThrownBy(() -> new ReversibleTrainer(p.model.layout(), loss).train(p.init.weights(0.3),
                new double[p.model.layout().size()], schedule, p.theta(), StepListener.NONE))
                .isInstanceOf(NonFiniteInputException.class)
                .hasMessageStartingWith("the training loss at step 0 reads data that hold NaN")
                .hasMessageContaining("holds NaN at row 20, column 0");
    }
}
