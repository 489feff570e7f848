package io.github.hypergrad4j.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.hypergrad4j.autodiff.Tape;
import io.github.hypergrad4j.autodiff.Var;
import io.github.hypergrad4j.tensor.Tensor;
import io.github.hypergrad4j.tensor.TensorOps;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KernelClassifierTest {
    private final Random random = new Random(5);
    private final KernelClassifier knn = new KernelClassifier(2.0);

    private Tensor gaussian(int n, int d) {
        return Tensor.of(random.doubles(n * d).map(x -> 3 * (x - 0.5)).toArray(), n, d);
    }

    private Tensor oneHot(int n, int c) {
        Tensor t = Tensor.zeros(n, c);
        for (int i = 0; i < n; i++) {
            t.data()[i * c + random.nextInt(c)] = 1;
        }
        return t;
    }

    @Test
    void probabilitiesAreKernelWeightedLabelFrequencies() {
        Tensor x = gaussian(5, 3), y = oneHot(5, 2), q = gaussian(4, 3);
        Tape tape = new Tape();
        Tensor logp = knn.logProbabilities(tape.constant(q), new Var[] {tape.constant(x)}, new Var[] {tape.constant(y)}).value();
        for (int i = 0; i < 4; i++) {
            double[] s = new double[2];
            for (int j = 0; j < 5; j++) {
                double d2 = 0;
                for (int k = 0; k < 3; k++) {
                    double diff = q.data()[i * 3 + k] - x.data()[j * 3 + k];
                    d2 += diff * diff;
                }
                double w = Math.exp(-d2 / 8);
                s[0] += w * y.data()[j * 2];
                s[1] += w * y.data()[j * 2 + 1];
            }
            assertThat(Math.exp(logp.data()[i * 2])).isCloseTo(s[0] / (s[0] + s[1]), within(1e-12));
        }
    }

    @Test
    void gradientWithRespectToALinearAugmentationMatchesFiniteDifferences() {
        Tensor x = gaussian(6, 4), y = oneHot(6, 3), q = gaussian(5, 4), qy = oneHot(5, 3);
        Tensor a = gaussian(4, 4), r = gaussian(4, 4);
        java.util.function.Function<Tensor, Double> f = m -> {
            Tape t = new Tape();
            return knn.loss(t.constant(q), t.constant(qy), new Var[] {t.constant(x), t.constant(x).matmul(false, t.constant(m), true)},
                    new Var[] {t.constant(y), t.constant(y)}).item();
        };
        Tape tape = new Tape();
        Var av = tape.input(a);
        Var loss = knn.loss(tape.constant(q), tape.constant(qy),
                new Var[] {tape.constant(x), tape.constant(x).matmul(false, av, true)}, new Var[] {tape.constant(y), tape.constant(y)});
        double analytic = TensorOps.dot(tape.gradient(loss, av)[0].value().data(), r.data());
        double h = 1e-6;
        Tensor plus = a.copy(), minus = a.copy();
        TensorOps.axpyInPlace(plus, h, r);
        TensorOps.axpyInPlace(minus, -h, r);
        double numeric = (f.apply(plus) - f.apply(minus)) / (2 * h);
        assertThat(analytic).isCloseTo(numeric, within(1e-6 * (1 + Math.abs(numeric))));
    }
}
