package io.github.hypergrad4j.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.hypergrad4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The public evaluation of a training loss and an objective: the trainer's own numbers, bit for bit,
 * and gradients that central finite differences confirm.
 */
class EvaluationTest {
    private final SmallProblem p = new SmallProblem(21);
    private final Theta theta = p.theta();

    @Test
    void theTrainingLossAtEachStepsWeightsIsTheTrainersLossBitForBit() {
        double[] w0 = p.init.weights(0.3);
        Schedule s = Schedule.constant(8, p.groups(), 0.2, 0.9);
        // w_t for every step: w_0, then what the listener sees after each step.
        List<double[]> weights = new ArrayList<>();
        weights.add(w0.clone());
        Hypergradient h = new ReversibleTrainer(p.model.layout(), p.trainingLoss()).hypergradient(w0,
                new double[w0.length], s, theta, p.validationLoss(), (t, loss, w) -> weights.add(w.clone()));
        TrainingLoss loss = p.trainingLoss();
        for (int t = 0; t < s.steps(); t++) {
            // The fixed-point w_0 differs from the double w0 by rounding; from step 1 on the listener
            // shows the exact state itself.
            double value = loss.evaluate(t, weights.get(t), theta).value();
            if (t == 0) {
                assertThat(value).isCloseTo(h.trainingLosses()[0], within(1e-12));
            } else {
                assertThat(value).as("step %d", t).isEqualTo(h.trainingLosses()[t]);
            }
        }
    }

    @Test
    void theObjectiveAtTheFinalWeightsIsTheTrainersObjectiveAndWithoutStepsItsGradients() {
        double[] w0 = p.init.weights(0.3);
        ReversibleTrainer trainer = new ReversibleTrainer(p.model.layout(), p.trainingLoss());
        Hypergradient h = trainer.hypergradient(w0, new double[w0.length], Schedule.constant(6, p.groups(), 0.2, 0.9),
                theta, p.validationLoss(), StepListener.NONE);
        assertThat(p.validationLoss().evaluate(h.finalWeights(), theta).value()).isEqualTo(h.objective());

        // With no steps, the hypergradient is the objective's own gradient at w_0.
        Hypergradient none = trainer.hypergradient(w0, new double[w0.length], Schedule.constant(0, p.groups(), 0.2, 0.9),
                theta, p.validationLoss(), StepListener.NONE);
        Evaluation e = p.validationLoss().evaluate(none.finalWeights(), theta);
        assertThat(e.value()).isEqualTo(none.objective());
        assertThat(e.dWeights()).containsExactly(none.dWeights0());
    }

    @Test
    void gradientsAgreeWithCentralFiniteDifferences() {
        double[] w = p.init.weights(0.3);
        TrainingLoss loss = p.trainingLoss();
        Evaluation e = loss.evaluate(2, w, theta);
        Random r = new Random(3);
        double h = 1e-6;

        double[] u = r.doubles(w.length, -1, 1).toArray();
        double fd = (loss.evaluate(2, shifted(w, u, h), theta).value()
                - loss.evaluate(2, shifted(w, u, -h), theta).value()) / (2 * h);
        assertThat(dot(e.dWeights(), u)).isCloseTo(fd, within(1e-7 * Math.max(1, Math.abs(fd))));

        for (String name : List.of("l2", "inputs")) {
            double[] x = theta.get(name).data();
            double[] d = r.doubles(x.length, -1, 1).toArray();
            Tensor plus = Tensor.of(shifted(x, d, h), theta.get(name).shape());
            Tensor minus = Tensor.of(shifted(x, d, -h), theta.get(name).shape());
            double fdTheta = (loss.evaluate(2, w, theta.with(name, plus)).value()
                    - loss.evaluate(2, w, theta.with(name, minus)).value()) / (2 * h);
            assertThat(dot(e.dTheta().get(name).data(), d)).as(name)
                    .isCloseTo(fdTheta, within(1e-7 * Math.max(1, Math.abs(fdTheta))));
        }
        // Non-trivial, and the caller's arrays are untouched.
        assertThat(Math.abs(dot(e.dWeights(), u))).isGreaterThan(1e-3);
        assertThat(w).containsExactly(p.init.weights(0.3));
    }

    private static double[] shifted(double[] x, double[] u, double h) {
        double[] y = x.clone();
        for (int i = 0; i < y.length; i++) {
            y[i] += h * u[i];
        }
        return y;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
