package io.github.hypergrad4j.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.hypergrad4j.autodiff.Dual;
import io.github.hypergrad4j.autodiff.Tape;
import io.github.hypergrad4j.autodiff.Var;
import io.github.hypergrad4j.hyper.InitialWeights;
import io.github.hypergrad4j.tensor.Tensor;
import io.github.hypergrad4j.train.Hypergradient;
import io.github.hypergrad4j.train.Objective;
import io.github.hypergrad4j.train.ReversibleTrainer;
import io.github.hypergrad4j.train.Schedule;
import io.github.hypergrad4j.train.StepListener;
import io.github.hypergrad4j.train.Theta;
import io.github.hypergrad4j.train.TrainingLoss;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The {@link Mlp} rebuilt on {@code model.layers} against the hand-sliced MLP it replaced
 * ({@link HandSlicedMlp}): the same group names, order and shapes, and the same bits for logits,
 * gradients, Hessian-vector products and every hypergradient of a fixed training run (per-weight L2
 * penalty and the training inputs as hyperparameters).
 */
class MlpOnLayersTest {
    private static final int[] SIZES = {7, 6, 5, 3};
    private static final int TRAIN = 20, BATCH = 5, VALID = 12, STEPS = 25;

    @ParameterizedTest
    @EnumSource(value = Activation.class, names = {"TANH", "RELU"})
    void sameLayoutLogitsGradientsAndHypergradientsBitForBit(Activation activation) {
        Mlp rebuilt = new Mlp(activation, SIZES);
        HandSlicedMlp before = new HandSlicedMlp(activation, SIZES);
        assertThat(rebuilt.layout().names()).containsExactly("W1", "b1", "W2", "b2", "W3", "b3");
        assertThat(rebuilt.layout().toString()).isEqualTo(before.layout().toString());
        assertThat(rebuilt.layout().size()).isEqualTo(before.layout().size());

        Random r = new Random(5);
        Tensor x = gaussian(r, 9, SIZES[0]);
        double[] w = new InitialWeights(rebuilt.layout(), 3).weights(0.5);
        Tensor u = gaussian(r, w.length);
        Dual[] a = gradientAndHvp(rebuilt, w, u, x), b = gradientAndHvp(before, w, u, x);
        assertThat(bits(a[0].value().data())).as("logits").isEqualTo(bits(b[0].value().data()));
        assertThat(bits(a[1].value().data())).as("gradient").isEqualTo(bits(b[1].value().data()));
        assertThat(bits(a[1].tangent().data())).as("Hessian-vector product").isEqualTo(bits(b[1].tangent().data()));

        Hypergradient ha = hypergradient(rebuilt), hb = hypergradient(before);
        assertThat(Double.doubleToRawLongBits(ha.objective())).isEqualTo(Double.doubleToRawLongBits(hb.objective()));
        assertThat(bits(ha.finalWeights())).as("w_T").isEqualTo(bits(hb.finalWeights()));
        assertThat(bits(ha.dWeights0())).as("dw_0").isEqualTo(bits(hb.dWeights0()));
        assertThat(bits(ha.dVelocity0())).as("dv_0").isEqualTo(bits(hb.dVelocity0()));
        for (int t = 0; t < STEPS; t++) {
            assertThat(bits(ha.dAlpha()[t])).as("dalpha at step %d", t).isEqualTo(bits(hb.dAlpha()[t]));
            assertThat(bits(ha.dBeta()[t])).as("dbeta at step %d", t).isEqualTo(bits(hb.dBeta()[t]));
        }
        for (String name : new String[] {"l2", "inputs"}) {
            assertThat(bits(ha.dTheta().get(name).data())).as("d" + name).isEqualTo(bits(hb.dTheta().get(name).data()));
        }
        assertThat(Math.abs(ha.dAlpha()[0][0])).as("a non-trivial run").isGreaterThan(0);
    }

    /** Logits (as [0]) and the gradient of a loss with its derivative along u (as [1]). */
    private static Dual[] gradientAndHvp(Model m, double[] w, Tensor u, Tensor x) {
        Tape tape = new Tape();
        Var wv = tape.input(Tensor.of(w.clone(), w.length), u);
        Var logits = m.logits(wv, tape.constant(x));
        Var loss = logits.logSoftmax().sum().plus(logits.square().sum().times(0.1));
        return new Dual[] {logits.dual(), tape.gradient(loss, wv)[0]};
    }

    private static Hypergradient hypergradient(Model m) {
        Random r = new Random(17);
        Tensor inputs = gaussian(r, TRAIN, SIZES[0]), valid = gaussian(r, VALID, SIZES[0]);
        Tensor targets = oneHot(r, TRAIN), validTargets = oneHot(r, VALID);
        L2Penalty penalty = L2Penalty.perWeight(m.layout());
        TrainingLoss loss = (step, w, theta) -> {
            int[] idx = new int[BATCH];
            for (int k = 0; k < BATCH; k++) {
                idx[k] = (step * BATCH + k) % TRAIN;
            }
            Var xb = theta.get("inputs").rows(idx);
            Var yb = w.tape().constant(targets).rows(idx);
            return Losses.softmaxCrossEntropy(m.logits(w, xb), yb).plus(penalty.apply(w, theta.get("l2")));
        };
        Objective objective = (w, theta) -> Losses.softmaxCrossEntropy(m.logits(w, w.tape().constant(valid)),
                w.tape().constant(validTargets));
        Tensor l2 = Tensor.zeros(penalty.size());
        for (int i = 0; i < l2.size(); i++) {
            l2.data()[i] = 1e-3 * (1 + r.nextDouble());
        }
        Theta theta = Theta.of("inputs", inputs).with("l2", l2);
        double[] w0 = new InitialWeights(m.layout(), 23).weights(new double[] {0.4, 0.1, 0.3, 0.1, 0.5, 0.2});
        Schedule s = Schedule.constant(STEPS, m.layout(), 0.1, 0.9);
        return new ReversibleTrainer(m.layout(), loss).hypergradient(w0, new double[w0.length], s, theta, objective,
                StepListener.NONE);
    }

    private static long[] bits(double[] x) {
        long[] b = new long[x.length];
        for (int i = 0; i < x.length; i++) {
            b[i] = Double.doubleToRawLongBits(x[i]);
        }
        return b;
    }

    private static Tensor gaussian(Random r, int... shape) {
        Tensor t = Tensor.zeros(shape);
        for (int i = 0; i < t.size(); i++) {
            t.data()[i] = r.nextGaussian();
        }
        return t;
    }

    private static Tensor oneHot(Random r, int n) {
        Tensor t = Tensor.zeros(n, SIZES[SIZES.length - 1]);
        for (int i = 0; i < n; i++) {
            t.data()[i * SIZES[SIZES.length - 1] + r.nextInt(SIZES[SIZES.length - 1])] = 1;
        }
        return t;
    }
}
