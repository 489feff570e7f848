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

    /**
     * The identity penalty on z is the pairwise penalty on w: |z|^2 = sum over piece positions i of
     * w_i^T (T T^T)^-1 w_i, where w_i holds entry i of the K pieces (T invertible).
     */
    @Test
    void identityPenaltyOnWhitenedWeightsIsThePairwisePenaltyOnTheMixedOnes() {
        Tensor t = Tensor.of(new double[] {1, 0.5, 0, -0.3, 2, 0.1, 0.4, 0, 0.8}, 3, 3);
        double[] w = mixed(t);
        double[][] s = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                for (int m = 0; m < 3; m++) {
                    s[i][j] += t.data()[i * 3 + m] * t.data()[j * 3 + m];
                }
            }
        }
        double[][] a = inverse(s);
        // Positions: A's two columns (offsets 0 and 1 within a row of 2) and B's one; "free" is not mixed.
        int[][] pieces = {{0, 2, 4}, {1, 3, 5}, {8, 9, 10}};
        double pairwise = 0, identity = 0;
        for (int[] p : pieces) {
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    pairwise += w[p[i]] * a[i][j] * w[p[j]];
                }
                identity += z[p[i]] * z[p[i]];
            }
        }
        assertThat(pairwise).isCloseTo(identity, within(1e-9 * identity));
    }

    /** Gauss-Jordan inverse of a small well-conditioned matrix. */
    private static double[][] inverse(double[][] m) {
        int n = m.length;
        double[][] a = new double[n][2 * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(m[i], 0, a[i], 0, n);
            a[i][n + i] = 1;
        }
        for (int c = 0; c < n; c++) {
            int pivot = c;
            for (int r = c + 1; r < n; r++) {
                pivot = Math.abs(a[r][c]) > Math.abs(a[pivot][c]) ? r : pivot;
            }
            double[] tmp = a[c];
            a[c] = a[pivot];
            a[pivot] = tmp;
            double d = a[c][c];
            for (int k = 0; k < 2 * n; k++) {
                a[c][k] /= d;
            }
            for (int r = 0; r < n; r++) {
                if (r != c) {
                    double f = a[r][c];
                    for (int k = 0; k < 2 * n; k++) {
                        a[r][k] -= f * a[c][k];
                    }
                }
            }
        }
        double[][] inv = new double[n][n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], n, inv[i], 0, n);
        }
        return inv;
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
