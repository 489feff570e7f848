package io.github.hypergrad4j.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.hypergrad4j.autodiff.Tape;
import io.github.hypergrad4j.autodiff.Var;
import io.github.hypergrad4j.hyper.InitialWeights;
import io.github.hypergrad4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Values of the mixing w = T z and of the K task networks, against sums and networks written out by hand. */
class WeightMixingTest {
    private final ParameterLayout layout = ParameterLayout.builder().add("A", 3, 2).add("free", 2).add("B", 3).build();
    private final WeightMixing mixing = WeightMixing.builder(layout).mix("t", "A", "B").build();
    private final double[] z = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};

    private double[] mixed(Tensor t) {
        Tape tape = new Tape();
        Var m = tape.constant(t);
        return mixing.apply(tape.constant(Tensor.of(z, z.length)), name -> m).value().data();
    }

    @Test
    void identityPassesEveryWeightThroughAndAGeneralMatrixMixesPiecesOfEveryGroupOfItsBlock() {
        assertThat(mixed(WeightMixing.identity(3))).containsExactly(z);
        Tensor t = Tensor.of(new double[] {1, 0, 0, 0.5, 0.5, 0, 0, 0, 2}, 3, 3);
        // A's pieces are rows (1,2), (3,4), (5,6); B's pieces are 9, 10, 11; "free" (7, 8) is not mixed.
        assertThat(mixed(t)).containsExactly(1, 2, 2, 3, 10, 12, 7, 8, 9, 9.5, 22);
    }

    @Test
    void tiedMatrixMakesEveryPieceTheFirstAndAlignedPiecesStartEqual() {
        assertThat(mixed(WeightMixing.tied(3))).containsExactly(1, 2, 1, 2, 1, 2, 7, 8, 9, 9, 9);
        double[] aligned = z.clone();
        mixing.alignPiecesInPlace(aligned);
        assertThat(aligned).containsExactly(1, 2, 1, 2, 1, 2, 7, 8, 9, 9, 9);
        assertThat(WeightMixing.correlation(WeightMixing.tied(3)).data())
                .containsExactly(new double[] {1, 1, 1, 1, 1, 1, 1, 1, 1}, within(1e-12));
        assertThat(WeightMixing.correlation(WeightMixing.identity(3)).data())
                .containsExactly(WeightMixing.identity(3).data());
    }

    @Test
    void correlationHasAUnitDiagonalAndTheCosineOfRowsOffIt() {
        Tensor c = WeightMixing.correlation(Tensor.of(new double[] {1, 0, 3, 4}, 2, 2));
        assertThat(c.data()).containsExactly(new double[] {1, 0.6, 0.6, 1}, within(1e-12));
    }

    @Test
    void badBlocksAndMatricesAreRefusedWithTheReason() {
        assertThatThrownBy(() -> WeightMixing.builder(layout).mix("t", "A", "free"))
                .hasMessageContaining("different numbers of pieces");
        assertThatThrownBy(() -> WeightMixing.builder(layout).mix("t", "A").mix("u", "A"))
                .hasMessageContaining("already mixed by block 't'");
        assertThatThrownBy(() -> mixed(WeightMixing.identity(2))).hasMessageContaining("must be 3 x 3");
    }

    @Test
    void taskNetworkKIsTheMlpOnTheKthPieceOfEveryGroup() {
        TaskNetworks nets = new TaskNetworks(3, Activation.TANH, 4, 5, 2);
        Mlp one = new Mlp(Activation.TANH, 4, 5, 2);
        double[] w = new InitialWeights(nets.layout(), 5).weights(0.7);
        Tensor x = Tensor.of(new InitialWeights(ParameterLayout.builder().add("x", 6, 4).build(), 6).weights(1), 6, 4);
        for (int k = 0; k < 3; k++) {
            double[] own = new double[one.layout().size()];
            for (ParameterLayout.Group g : one.layout().groups()) {
                ParameterLayout.Group all = nets.layout().group(g.name());
                System.arraycopy(w, all.offset() + k * g.size(), own, g.offset(), g.size());
            }
            Tape tape = new Tape();
            double[] expected = one.logits(tape.constant(Tensor.of(own, own.length)), tape.constant(x)).value().data();
            double[] actual = nets.logits(tape.constant(Tensor.of(w, w.length)), k, tape.constant(x)).value().data();
            assertThat(actual).as("task %d", k).containsExactly(expected);
        }
        assertThat(nets.layerMixing().names()).containsExactly("layer1", "layer2");
        assertThat(nets.layerMixing().block("layer2").groups()).extracting(ParameterLayout.Group::name)
                .containsExactly("W2", "b2");
        assertThat(nets.layout().groups()).extracting(g -> g.shape()[0]).containsOnly(3);
    }
}
