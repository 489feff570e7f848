package io.github.hypergrad4j.model.layers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.hypergrad4j.autodiff.Tape;
import io.github.hypergrad4j.autodiff.Var;
import io.github.hypergrad4j.model.Activation;
import io.github.hypergrad4j.model.L2Penalty;
import io.github.hypergrad4j.model.Mlp;
import io.github.hypergrad4j.model.ParameterLayout;
import io.github.hypergrad4j.tensor.Tensor;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Layer composition: group names, order and shapes, the forward pass, and the errors for misfits. */
class SequentialTest {
    private final Random random = new Random(2);

    private Tensor gaussian(int... shape) {
        Tensor t = Tensor.zeros(shape);
        for (int i = 0; i < t.size(); i++) {
            t.data()[i] = random.nextGaussian();
        }
        return t;
    }

    @Test
    void aConvnetNamesItsGroupsByLayerAndInfersEveryShape() {
        Sequential net = Convnets.small(Pool2d.Kind.MAX, 16, 10, 1, 28, 28);
        ParameterLayout l = net.layout();
        assertThat(l.names()).containsExactly("W1", "b1", "W2", "b2", "W3", "b3");
        assertThat(l.group("W1").shape()).containsExactly(16, 1, 5, 5);
        assertThat(l.group("W2").shape()).containsExactly(16, 16, 5, 5);
        assertThat(l.group("W3").shape()).containsExactly(16 * 7 * 7, 10);
        assertThat(l.size()).isEqualTo(14_682);
        assertThat(net.inputs()).isEqualTo(784);
        assertThat(net.classes()).isEqualTo(10);
        assertThat(net.groupNames(0)).containsExactly("W1", "b1");
        assertThat(net.groupNames(1)).isEmpty();
        // Per-layer penalties and scales address the layers by these names.
        assertThat(L2Penalty.perGroup(l, "W1", "W2", "W3").size()).isEqualTo(3);
    }

    @Test
    void theForwardPassIsTheChainOfItsLayersOperations() {
        Sequential net = Sequential.builder(2, 5, 5)
                .add("conv.", Conv2d.of(3, 3).padding(1).stride(2)).add(new Nonlinearity(Activation.RELU))
                .add(Pool2d.average(3).stride(1)).add(new Flatten()).add(new Dense(4))
                .build();
        assertThat(net.layout().names()).containsExactly("conv.W", "conv.b", "W1", "b1");
        Tensor w = gaussian(net.layout().size()), x = gaussian(3, 50);
        Tape t = new Tape();
        Var wv = t.constant(w);
        Tensor logits = net.logits(wv, t.constant(x)).value();
        ParameterLayout.Group k = net.layout().group("conv.W"), b = net.layout().group("conv.b");
        ParameterLayout.Group dw = net.layout().group("W1"), db = net.layout().group("b1");
        Var h = t.constant(x).reshape(3, 2, 5, 5).conv2d(wv.slice(k.offset(), k.shape()), wv.slice(b.offset(), b.shape()), 2, 1)
                .relu().avgPool2d(3, 1).reshape(3, 3);
        Tensor expected = h.matmul(wv.slice(dw.offset(), dw.shape())).plusRow(wv.slice(db.offset(), db.shape())).value();
        assertThat(logits.shape()).containsExactly(3, 4);
        assertThat(logits.data()).containsExactly(expected.data());
    }

    @Test
    void mlpOutputActivationFollowsTheLastLayer() {
        Mlp linear = new Mlp(Activation.RELU, 4, 3, 2), squashed = new Mlp(Activation.RELU, Activation.TANH, 4, 3, 2);
        assertThat(squashed.layout().names()).isEqualTo(linear.layout().names());
        assertThat(linear.outputActivation()).isEqualTo(Activation.LINEAR);
        Tensor w = gaussian(linear.layout().size()), x = gaussian(5, 4);
        Tape t = new Tape();
        Tensor a = linear.logits(t.constant(w), t.constant(x)).tanh().value();
        Tensor b = squashed.logits(t.constant(w), t.constant(x)).value();
        assertThat(b.data()).containsExactly(a.data());
        assertThat(squashed.toString()).contains("tanh output");
    }

    @Test
    void misfitsAreReportedWithTheLayerAndWhatToDo() {
        assertThatThrownBy(() -> Sequential.builder(1, 28, 28).add(Conv2d.of(4, 3)).add(new Dense(10)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("layer 2 (Dense(10))")
                .hasMessageContaining("put a Flatten before it");
        assertThatThrownBy(() -> Sequential.builder(784).add(Conv2d.of(4, 3)).build())
                .hasMessageContaining("images [channels, height, width]");
        assertThatThrownBy(() -> Sequential.builder(1, 4, 4).add(Conv2d.of(4, 5)).build()).hasMessageContaining("does not fit");
        assertThatThrownBy(() -> Sequential.builder(3).add("a", new Dense(2)).add("a", new Dense(2)).build())
                .hasMessageContaining("duplicate parameter group 'aW'");
        Sequential net = Sequential.builder(6).add(new Dense(2)).build();
        Tape t = new Tape();
        assertThatThrownBy(() -> net.logits(t.constant(gaussian(net.layout().size())), t.constant(gaussian(2, 5))))
                .hasMessageContaining("inputs have 5 features per example but the model expects 6");
    }
}
