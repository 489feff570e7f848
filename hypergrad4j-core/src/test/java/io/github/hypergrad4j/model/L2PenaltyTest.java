package io.github.hypergrad4j.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.hypergrad4j.autodiff.Tape;
import io.github.hypergrad4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

class L2PenaltyTest {
    private final Mlp model = Mlp.logisticRegression(3, 2); // W1: 3x2, b1: 2
    private final Tensor w = Tensor.vector(1, 2, 3, 4, 5, 6, 7, 8);

    private double value(L2Penalty p, double... lambda) {
        Tape tape = new Tape();
        return p.apply(tape.constant(w), tape.constant(Tensor.vector(lambda))).item();
    }

    @Test
    void scalarPerGroupAndPerWeightAgreeWithHandSums() {
        assertThat(value(L2Penalty.scalar(model.layout()), 0.5)).isCloseTo(0.5 * 204, within(1e-12));
        assertThat(value(L2Penalty.perGroup(model.layout()), 1, 2)).isCloseTo(91 + 2 * 113, within(1e-12));
        assertThat(value(L2Penalty.perWeight(model.layout(), "W1"), 1, 0, 0, 0, 0, 1)).isCloseTo(1 + 36, within(1e-12));
        assertThat(L2Penalty.perWeight(model.layout(), "W1").size()).isEqualTo(6);
    }
}
