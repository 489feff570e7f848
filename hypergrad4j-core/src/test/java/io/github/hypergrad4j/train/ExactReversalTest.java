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
    void aLossThatIsNeverReproducibleIsReportedAtTheFirstStepNotTheLast() {
        // From step 3 on, every evaluation adds a different hair (a counter): the reverse pass meets
        // the mismatch at its first step, T - 1 = 9, but the non-determinism began at step 3.
        SmallProblem p = new SmallProblem(10);
        TrainingLoss honest = p.trainingLoss();
        AtomicInteger calls = new AtomicInteger();
        TrainingLoss noisy = (step, w, theta) -> {
            Var l = honest.at(step, w, theta);
            return step < 3 ? l : l.plus(w.slice(0, 1).reshape().times(1e-9 * calls.incrementAndGet()));
        };
        double[] w0 = p.init.weights(0.3);
        Schedule s = Schedule.constant(10, p.groups(), 0.1, 0.9);
        assertThatThrownBy(() -> new ReversibleTrainer(p.model.layout(), noisy)
                .hypergradient(w0, new double[w0.length], s, p.theta(), p.validationLoss(), StepListener.NONE))
                .isInstanceOf(ReversalException.class)
                .hasMessageContaining("at step 3: training is not reproducible")
                .hasMessageContaining("the reverse pass noticed at step 9")
                .satisfies(e -> assertThat(((ReversalException) e).step()).isEqualTo(3));
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

    @Test
    void aNetworkBigEnoughForSplitProductsAndChunkedStateReversesExactly() {
        // 784-64-10 on batches of 128: the products exceed the split threshold, and the exact state
        // is cut into one chunk per thread.
        java.util.Random r = new java.util.Random(4);
        io.github.hypergrad4j.model.Mlp model = new io.github.hypergrad4j.model.Mlp(
                io.github.hypergrad4j.model.Activation.TANH, 784, 64, 10);
        Tensor x = Tensor.of(r.doubles(512 * 784).toArray(), 512, 784);
        Tensor y = Tensor.zeros(512, 10);
        for (int i = 0; i < 512; i++) {
            y.data()[i * 10 + r.nextInt(10)] = 1;
        }
        TrainingLoss loss = (step, w, theta) -> {
            int[] idx = new int[128];
            for (int k = 0; k < 128; k++) {
                idx[k] = (step * 128 + k) % 512;
            }
            return io.github.hypergrad4j.model.Losses.softmaxCrossEntropy(model.logits(w, w.tape().constant(x).rows(idx)),
                    w.tape().constant(y).rows(idx));
        };
        double[] w0 = new io.github.hypergrad4j.hyper.InitialWeights(model.layout(), 1).weights(0.05);
        Hypergradient h = new ReversibleTrainer(model.layout(), loss).hypergradient(w0, new double[w0.length],
                Schedule.constant(30, model.layout(), 0.5, 0.9), Theta.empty(),
                (w, theta) -> io.github.hypergrad4j.model.Losses.softmaxCrossEntropy(model.logits(w, w.tape().constant(x)),
                        w.tape().constant(y)), StepListener.NONE);
        assertThat(h.trainingLosses()[29]).isLessThan(h.trainingLosses()[0]);
    }
}
