package io.github.hypergrad4j.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.hypergrad4j.autodiff.Var;
import io.github.hypergrad4j.tensor.Tensor;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Long runs must reverse bit for bit: the trainer itself throws {@link ReversalException} unless
 * w_0, v_0 and the empty buffer come back exactly, so completing is the assertion; on top, the
 * result must agree with the float64 reference where the dynamics are tame. A deliberately
 * non-deterministic loss shows that a failure is caught and located.
 */
class ExactReversalTest {

    @ParameterizedTest(name = "schedule seed {0}")
    @ValueSource(ints = {1, 2, 3, 4})
    void thousandStepRunsWithRandomSchedulesReverseExactly(int seed) {
        SmallProblem p = new SmallProblem(1000 + seed);
        // Per-group, per-step momentums across the whole range, 0.01 to 0.999.
        Schedule s = p.schedule(1000, 0.0, 0.2, 0.01, 0.999);
        double[] w0 = p.init.weights(new double[] {0.5, 0.1, 0.5, 0.1});
        double[] v0 = p.gaussian(w0.length).data();
        Hypergradient h = new ReversibleTrainer(p.model.layout(), p.trainingLoss())
                .hypergradient(w0, v0, s, p.theta(), p.validationLoss(), StepListener.NONE);
        assertThat(java.util.Arrays.stream(h.trainingLosses()).allMatch(Double::isFinite)).isTrue();
        assertThat(h.trainingLosses()).hasSize(1000);
        assertThat(h.bufferBits()).isPositive();
    }

    @Test
    void momentumsNearZeroAndNearOneReverseExactly() {
        SmallProblem p = new SmallProblem(7);
        double[] w0 = p.init.weights(0.3);
        for (double beta : new double[] {0.01, 0.5, 0.999, 65535 / 65536.0, 1 / 65536.0}) {
            Schedule s = Schedule.constant(300, p.groups(), 0.1, beta);
            new ReversibleTrainer(p.model.layout(), p.trainingLoss())
                    .hypergradient(w0, new double[w0.length], s, p.theta(), p.validationLoss(), StepListener.NONE);
        }
    }

    @Test
    void aNonDeterministicLossIsCaughtAtTheStepWhereItDiverged() {
        SmallProblem p = new SmallProblem(9);
        TrainingLoss honest = p.trainingLoss();
        AtomicInteger calls = new AtomicInteger();
        // Step 6's loss changes by a hair on its second evaluation (the reverse pass).
        TrainingLoss flaky = (step, w, theta) -> {
            Var l = honest.at(step, w, theta);
            if (step == 6 && calls.incrementAndGet() > 1) {
                return l.plus(w.slice(0, 1).reshape().times(1e-9));
            }
            return l;
        };
        double[] w0 = p.init.weights(0.3);
        Schedule s = Schedule.constant(10, p.groups(), 0.1, 0.9);
        assertThatThrownBy(() -> new ReversibleTrainer(p.model.layout(), flaky)
                .hypergradient(w0, new double[w0.length], s, p.theta(), p.validationLoss(), StepListener.NONE))
                .isInstanceOf(ReversalException.class)
                .hasMessageContaining("at step 6")
                .hasMessageContaining("deterministic")
                .satisfies(e -> assertThat(((ReversalException) e).step()).isEqualTo(6));
    }

    @Test
    void listenerSeesEveryStepWithTheTrainingLoss() {
        SmallProblem p = new SmallProblem(5);
        double[] w0 = p.init.weights(0.3);
        double[] losses = new double[20];
        new ReversibleTrainer(p.model.layout(), p.trainingLoss()).train(w0, new double[w0.length],
                Schedule.constant(20, p.groups(), 0.2, 0.9), p.theta(), (t, loss, w) -> losses[t] = loss);
        assertThat(java.util.Arrays.stream(losses).allMatch(l -> l > 0)).isTrue();
        assertThat(losses[19]).isLessThan(losses[0]);
    }

    @Test
    void trainingInputsEnterAsConstantsForwardAndAsInputsBackwardWithTheSameBits() {
        // The forward pass treats theta as constants, the reverse pass as differentiable inputs; the
        // recomputed gradient must not change. A long run with data gradients exercises this.
        SmallProblem p = new SmallProblem(77);
        double[] w0 = p.init.weights(0.4);
        Hypergradient h = new ReversibleTrainer(p.model.layout(), p.trainingLoss()).hypergradient(w0,
                new double[w0.length], Schedule.constant(200, p.groups(), 0.2, 0.8), p.theta(), p.validationLoss(),
                StepListener.NONE);
        Tensor dx = h.dTheta().get("inputs");
        assertThat(io.github.hypergrad4j.tensor.TensorOps.sum(io.github.hypergrad4j.tensor.TensorOps.multiply(dx, dx)))
                .isPositive();
    }
}
