package io.github.hypergrad4j.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.hypergrad4j.autodiff.Var;
import io.github.hypergrad4j.exact.RationalFactor;
import io.github.hypergrad4j.model.Activation;
import io.github.hypergrad4j.model.Losses;
import io.github.hypergrad4j.model.Mlp;
import io.github.hypergrad4j.model.ParameterLayout;
import io.github.hypergrad4j.tensor.Tensor;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Adam, AdamW and RMSprop with momentum over long runs: the trainer throws unless w_0, m_0, s_0 = 0
 * and the empty buffer come back bit for bit, so completing is the reversal assertion; the buffer
 * holds close to the information the multiplications destroy; a dead unit gets zero updates and
 * finite hypergradients; and the second moment's range and resolution are checked with clear errors.
 */
class OptimizerReversalTest {

    /** Per-step, per-group beta1 in 0.5..0.99 and beta2 in 0.9..0.9999, on the grid. */
    private static Schedule randomSchedule(SmallProblem p, int steps, double alphaMin, double alphaMax) {
        Schedule s = p.schedule(steps, alphaMin, alphaMax, 0.5, 0.99);
        double[][] b2 = new double[steps][p.groups()];
        for (double[] row : b2) {
            for (int g = 0; g < row.length; g++) {
                row[g] = SmallProblem.onGrid(0.9 + 0.0999 * p.random.nextDouble());
            }
        }
        return s.withBeta2(b2);
    }

    @ParameterizedTest(name = "{0}, schedule seed {1}")
    @CsvSource({"adam, 1", "adam, 2", "adamw, 3", "rmsprop, 4", "rmsprop, 5"})
    void thousandStepRunsWithRandomPerGroupSchedulesReverseExactly(String name, int seed) {
        SmallProblem p = new SmallProblem(5000 + seed);
        Schedule s = randomSchedule(p, 1000, name.equals("adamw") ? 0.001 : 0, name.equals("rmsprop") ? 0.002 : 0.01);
        if (name.equals("adamw")) {
            s = s.withWeightDecay(Schedule.constantRows(1000, p.groups(), 0.05)); // alpha lambda >= 5e-5 > 2^-17
        }
        double[] w0 = p.init.weights(new double[] {0.5, 0.1, 0.5, 0.1});
        double[] m0 = p.gaussian(w0.length).data();
        for (int i = 0; i < m0.length; i++) {
            m0[i] *= 0.01;
        }
        Hypergradient h = new ReversibleTrainer(p.model.layout(), p.trainingLoss(), OptimizerOracleTest.optimizer(name))
                .hypergradient(w0, m0, s, p.theta(), p.validationLoss(), StepListener.NONE);
        assertThat(h.trainingLosses()).hasSize(1000);
        assertThat(Arrays.stream(h.trainingLosses()).allMatch(Double::isFinite)).isTrue();
        assertThat(Arrays.stream(OptimizerOracleTest.flat(h.dBeta2())).allMatch(Double::isFinite)).isTrue();
        assertThat(h.bufferBits()).isPositive();
    }

    @Test
    void aNonDeterministicLossIsCaughtAtTheStepWhereItDiverged() {
        SmallProblem p = new SmallProblem(9);
        TrainingLoss honest = p.trainingLoss();
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        TrainingLoss flaky = (step, w, theta) -> {
            Var l = honest.at(step, w, theta);
            return step == 6 && calls.incrementAndGet() > 1 ? l.plus(w.slice(0, 1).reshape().times(1e-9)) : l;
        };
        double[] w0 = p.init.weights(0.3);
        assertThatThrownBy(() -> new ReversibleTrainer(p.model.layout(), flaky, Optimizer.adam()).hypergradient(w0,
                new double[w0.length], Schedule.constant(10, p.groups(), 0.01, 0.9), p.theta(), p.validationLoss(),
                StepListener.NONE))
                .isInstanceOf(ReversalException.class)
                .satisfies(e -> assertThat(((ReversalException) e).step()).isEqualTo(6));
    }

    @ParameterizedTest(name = "beta1 = {0}")
    @ValueSource(doubles = {0.5, 0.9, 0.99})
    void theBufferHoldsWithinFivePercentOfTheBitsTheMultiplicationsDestroy(double beta1) {
        SmallProblem p = new SmallProblem(77);
        int steps = 400;
        Schedule s = randomSchedule(p, steps, 0, 0.01);
        double[][] b1 = Schedule.constantRows(steps, p.groups(), beta1);
        s = new Schedule(s.alphas(), b1).withBeta2(betas2(s));
        double[] w0 = p.init.weights(0.3);
        Hypergradient h = new ReversibleTrainer(p.model.layout(), p.trainingLoss(), Optimizer.adam())
                .hypergradient(w0, new double[w0.length], s, p.theta(), p.validationLoss(), StepListener.NONE);
        ParameterLayout layout = p.model.layout();
        double ideal = 0;
        for (int t = 0; t < steps; t++) {
            for (int g = 0; g < p.groups(); g++) {
                ideal += layout.group(g).size() * (RationalFactor.of(s.beta(t, g)).idealBitsPerMultiply()
                        + RationalFactor.of(s.beta2(t, g, Double.NaN)).idealBitsPerMultiply());
            }
        }
        double perParameterStep = h.bufferBits() / ((double) layout.size() * steps);
        double idealPerParameterStep = ideal / ((double) layout.size() * steps);
        System.out.printf(java.util.Locale.ROOT, "adam buffer beta1=%s: %.4f bits per parameter per step, ideal %.4f (ratio %.4f)%n",
                beta1, perParameterStep, idealPerParameterStep, perParameterStep / idealPerParameterStep);
        assertThat(perParameterStep).isLessThanOrEqualTo(1.05 * idealPerParameterStep);
        assertThat(perParameterStep).isGreaterThan(0.9 * idealPerParameterStep);
    }

    private static double[][] betas2(Schedule s) {
        double[][] b2 = new double[s.steps()][s.groups()];
        for (int t = 0; t < s.steps(); t++) {
            for (int g = 0; g < s.groups(); g++) {
                b2[t][g] = s.beta2(t, g, Double.NaN);
            }
        }
        return b2;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"adam", "adamw", "rmsprop"})
    void aDeadReluUnitGetsNoUpdateAndFiniteHypergradients(String name) {
        // 3 inputs -> 4 relu units -> 2 classes; unit 0's incoming weights and bias are negative and the
        // inputs positive, so it never fires: its incoming and outgoing weights have zero gradient forever,
        // and s = 0 there (where the usual sqrt(s) + eps has an infinite derivative).
        Mlp model = new Mlp(Activation.RELU, 3, 4, 2);
        ParameterLayout layout = model.layout();
        java.util.Random r = new java.util.Random(3);
        Tensor x = Tensor.of(r.doubles(20 * 3, 0.1, 1).toArray(), 20, 3);
        Tensor y = Tensor.zeros(20, 2);
        for (int i = 0; i < 20; i++) {
            y.data()[i * 2 + r.nextInt(2)] = 1;
        }
        TrainingLoss loss = (step, w, theta) -> Losses.softmaxCrossEntropy(model.logits(w, w.tape().constant(x)),
                w.tape().constant(y));
        Objective objective = (w, theta) -> loss.at(0, w, theta);
        double[] w0 = r.doubles(layout.size(), -0.5, 0.5).toArray();
        int[] dead = deadUnitParameters(layout);
        for (int i : new int[] {dead[0], dead[1], dead[2], dead[3]}) {
            w0[i] = -1; // W1[k][0] for the 3 inputs, and b1[0]
        }
        Schedule s = Schedule.constant(30, layout, 0.01, 0.9);
        Optimizer o = OptimizerOracleTest.optimizer(name);
        Hypergradient h = new ReversibleTrainer(layout, loss, o).hypergradient(w0, new double[w0.length], s, Theta.empty(),
                objective, StepListener.NONE);
        // The update is zero but for the exact multiplication's rounding: beta times a zero moment holds
        // buffer digits in its lowest 16 bits (below 2^-44 with 60 fraction bits), which Adam divides by
        // about eps. AdamW also decays the dead weights, as it should.
        double decay = 1;
        for (int t = 0; t < s.steps(); t++) {
            decay *= name.equals("adamw") ? RationalFactor.of(1 - s.alpha(t, 0) * 0.01).value() : 1;
        }
        for (int i : dead) {
            assertThat(Math.abs(h.finalWeights()[i] - decay * w0[i])).as("dead-unit parameter %d", i).isLessThan(1e-6);
        }
        Hypergradient live = new StoredTrajectoryTrainer(layout, loss, o).hypergradient(w0, new double[w0.length], s,
                Theta.empty(), objective);
        for (int i : dead) {
            assertThat(live.finalWeights()[i]).as("float64 reference, dead-unit parameter %d", i).isEqualTo(decay * w0[i],
                    org.assertj.core.data.Offset.offset(1e-15));
        }
        for (double[] rows : new double[][] {h.dWeights0(), h.dVelocity0(), OptimizerOracleTest.flat(h.dAlpha()),
                OptimizerOracleTest.flat(h.dBeta()), OptimizerOracleTest.flat(h.dBeta2()), OptimizerOracleTest.flat(h.dEps())}) {
            assertThat(Arrays.stream(rows).allMatch(Double::isFinite)).isTrue();
        }
        Hypergradient ref = new StoredTrajectoryTrainer(layout, loss, o).hypergradient(w0, new double[w0.length], s,
                Theta.empty(), objective);
        // (Not eps: at the default eps = 1e-7 its hypergradient comes mostly from the dead unit, whose exact
        // moments hold the multiplication's digits where the float64 ones are exactly zero.)
        assertThat(OptimizerOracleTest.rel(h.dWeights0(), ref.dWeights0())).isLessThan(1e-6);
    }

    /** The parameters of hidden unit 0: its three incoming weights, its bias, its two outgoing weights. */
    private static int[] deadUnitParameters(ParameterLayout layout) {
        ParameterLayout.Group w1 = layout.group(0), b1 = layout.group(1), w2 = layout.group(2);
        int hidden = w1.shape()[1];
        return new int[] {w1.offset(), w1.offset() + hidden, w1.offset() + 2 * hidden, b1.offset(), w2.offset(),
                w2.offset() + 1};
    }

    @Test
    void anEpsTooSmallForTheSecondMomentsResolutionIsRefusedBeforeTraining() {
        SmallProblem p = new SmallProblem(1);
        double[] w0 = p.init.weights(0.3);
        assertThatThrownBy(() -> new ReversibleTrainer(p.model.layout(), p.trainingLoss(), Optimizer.adam().withEps(1e-9))
                .train(w0, new double[w0.length], Schedule.constant(5, p.groups(), 0.01, 0.9), p.theta(), StepListener.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("step 0, group 0")
                .hasMessageContaining("use eps >= ")
                .hasMessageContaining("withSecondMomentFractionBits");
    }

    @Test
    void aSecondMomentOverflowNamesTheStepAndGroup() {
        SmallProblem p = new SmallProblem(2);
        TrainingLoss huge = (step, w, theta) -> p.trainingLoss().at(step, w, theta).times(1e4);
        double[] w0 = p.init.weights(0.3);
        assertThatThrownBy(() -> new ReversibleTrainer(p.model.layout(), huge, Optimizer.adam().withBeta2(0.5))
                .train(w0, new double[w0.length], Schedule.constant(5, p.groups(), 0.01, 0.9), p.theta(), StepListener.NONE))
                .isInstanceOf(TrainingDivergedException.class)
                .hasMessageContaining("the second moment")
                .hasMessageContaining("at step 0, parameter group")
                .hasMessageContaining("scale the loss down");
    }

    @Test
    void aWeightDecayBelowTheContractionsResolutionIsRefused() {
        SmallProblem p = new SmallProblem(3);
        double[] w0 = p.init.weights(0.3);
        assertThatThrownBy(() -> new ReversibleTrainer(p.model.layout(), p.trainingLoss(), Optimizer.adamW().withWeightDecay(1e-4))
                .train(w0, new double[w0.length], Schedule.constant(5, p.groups(), 0.01, 0.9), p.theta(), StepListener.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("alpha * lambda = ")
                .hasMessageContaining("2^-17");
    }

    @Test
    void scheduleRowsAreValidated() {
        double[][] a = Schedule.constantRows(2, 1, 0.1), b = Schedule.constantRows(2, 1, 0.9);
        Schedule s = new Schedule(a, b);
        assertThatThrownBy(() -> s.withBeta2(Schedule.constantRows(2, 1, 1.0))).hasMessageContaining("beta2 at step 0");
        assertThatThrownBy(() -> s.withEps(Schedule.constantRows(2, 1, 0))).hasMessageContaining("eps at step 0");
        assertThatThrownBy(() -> s.withWeightDecay(Schedule.constantRows(3, 1, 0.1))).hasMessageContaining("3 steps");
        assertThatThrownBy(() -> Optimizer.sgdMomentum().withEps(1e-3)).hasMessageContaining("Optimizer.adam()");
    }
}
