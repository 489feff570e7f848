package io.github.hypergrad4j.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.hypergrad4j.autodiff.GradCheck;
import io.github.hypergrad4j.autodiff.Tape;
import io.github.hypergrad4j.tensor.Tensor;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Each loss against its formula evaluated directly, and to second order against finite differences. */
class LossesTest {
    private final Random random = new Random(4);

    private Tensor gaussian(int... shape) {
        Tensor t = Tensor.zeros(shape);
        for (int i = 0; i < t.size(); i++) {
            t.data()[i] = random.nextGaussian();
        }
        return t;
    }

    @Test
    void meanSquaredError() {
        Tensor p = gaussian(4, 3), y = gaussian(4, 3);
        double s = 0;
        for (int i = 0; i < 12; i++) {
            s += Math.pow(p.data()[i] - y.data()[i], 2);
        }
        Tape t = new Tape();
        assertThat(Losses.meanSquaredError(t.constant(p), t.constant(y)).item()).isCloseTo(s / 12, within(1e-14));
        GradCheck.check((tape, v) -> Losses.meanSquaredError(v[0], v[1]), 1, p, y).requireWithin(1e-6, 1e-5);
        assertThatThrownBy(() -> Losses.meanSquaredError(t.constant(p), t.constant(gaussian(3, 4))))
                .hasMessageContaining("differ in shape");
    }

    @Test
    void binaryCrossEntropyFromLogits() {
        Tensor z = gaussian(5, 2), y = Tensor.zeros(5, 2);
        for (int i = 0; i < 10; i++) {
            y.data()[i] = random.nextDouble();
        }
        double s = 0;
        for (int i = 0; i < 10; i++) {
            double q = 1 / (1 + Math.exp(-z.data()[i]));
            s -= y.data()[i] * Math.log(q) + (1 - y.data()[i]) * Math.log(1 - q);
        }
        Tape t = new Tape();
        assertThat(Losses.binaryCrossEntropyWithLogits(t.constant(z), t.constant(y)).item()).isCloseTo(s / 10, within(1e-13));
        // Saturated logits stay finite.
        assertThat(Losses.binaryCrossEntropyWithLogits(t.constant(Tensor.vector(-800, 800)), t.constant(Tensor.vector(1, 0)))
                .item()).isCloseTo(800, within(1e-9));
        GradCheck.check((tape, v) -> Losses.binaryCrossEntropyWithLogits(v[0], tape.constant(y)), 2, z)
                .requireWithin(1e-6, 1e-5);
    }

    @Test
    void hingeLosses() {
        Tensor z = gaussian(6, 4), signs = Tensor.zeros(6, 4);
        for (int i = 0; i < 24; i++) {
            signs.data()[i] = random.nextBoolean() ? 1 : -1;
            // Away from the hinge's kink at y z = 1.
            if (Math.abs(1 - z.data()[i] * signs.data()[i]) < 0.05) {
                z.data()[i] += 0.1;
            }
        }
        int[] labels = {0, 3, 1, 1, 2, 0};
        double binary = 0, multi = 0;
        for (int i = 0; i < 24; i++) {
            binary += Math.max(0, 1 - signs.data()[i] * z.data()[i]);
        }
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 4; j++) {
                if (j != labels[i]) {
                    multi += Math.max(0, 1 + z.data()[i * 4 + j] - z.data()[i * 4 + labels[i]]);
                }
            }
        }
        Tape t = new Tape();
        assertThat(Losses.hinge(t.constant(z), t.constant(signs)).item()).isCloseTo(binary / 24, within(1e-14));
        assertThat(Losses.multiclassHinge(t.constant(z), labels).item()).isCloseTo(multi / 6, within(1e-14));
        GradCheck.check((tape, v) -> Losses.hinge(v[0], tape.constant(signs)), 3, z).requireWithin(1e-6, 1e-5);
        GradCheck.check((tape, v) -> Losses.multiclassHinge(v[0], labels), 4, z).requireWithin(1e-6, 1e-5);
    }
}
