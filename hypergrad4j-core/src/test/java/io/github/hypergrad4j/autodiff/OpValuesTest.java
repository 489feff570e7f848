package io.github.hypergrad4j.autodiff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.hypergrad4j.tensor.Tensor;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The values of the new primitives against direct loops written from their definitions (the
 * derivative checks only prove that gradients match the forward rule; these prove the forward rule),
 * and their shape errors.
 */
class OpValuesTest {
    private final Random random = new Random(9);

    private Tensor gaussian(int... shape) {
        return PrimitiveDerivativesTest.gaussian(random, shape);
    }

    private static Var constant(Tensor t) {
        return new Tape().constant(t);
    }

    @Test
    void convolutionMatchesTheDirectSumWithStrideAndPadding() {
        for (int[] sp : new int[][] {{1, 0}, {1, 2}, {2, 1}, {3, 0}}) {
            int stride = sp[0], pad = sp[1];
            Tensor x = gaussian(2, 3, 7, 6), k = gaussian(4, 3, 3, 2), b = gaussian(4);
            Tape tape = new Tape();
            Tensor y = tape.constant(x).conv2d(tape.constant(k), tape.constant(b), stride, pad).value();
            int oh = (7 + 2 * pad - 3) / stride + 1, ow = (6 + 2 * pad - 2) / stride + 1;
            assertThat(y.shape()).containsExactly(2, 4, oh, ow);
            for (int n = 0; n < 2; n++) {
                for (int f = 0; f < 4; f++) {
                    for (int i = 0; i < oh; i++) {
                        for (int j = 0; j < ow; j++) {
                            double s = b.data()[f];
                            for (int c = 0; c < 3; c++) {
                                for (int u = 0; u < 3; u++) {
                                    for (int v = 0; v < 2; v++) {
                                        int yy = i * stride - pad + u, xx = j * stride - pad + v;
                                        if (yy >= 0 && yy < 7 && xx >= 0 && xx < 6) {
                                            s += x.data()[((n * 3 + c) * 7 + yy) * 6 + xx] * k.data()[((f * 3 + c) * 3 + u) * 2 + v];
                                        }
                                    }
                                }
                            }
                            assertThat(y.data()[((n * 4 + f) * oh + i) * ow + j]).isCloseTo(s, within(1e-12));
                        }
                    }
                }
            }
        }
    }

    @Test
    void poolingMatchesTheDirectMaximumAndMean() {
        Tensor x = gaussian(2, 3, 5, 6);
        Tensor max = constant(x).maxPool2d(2, 2).value(), avg = constant(x).avgPool2d(3, 1).value();
        assertThat(max.shape()).containsExactly(2, 3, 2, 3);
        assertThat(avg.shape()).containsExactly(2, 3, 3, 4);
        for (int p = 0; p < 6; p++) {
            for (int i = 0; i < 2; i++) {
                for (int j = 0; j < 3; j++) {
                    double m = Double.NEGATIVE_INFINITY;
                    for (int u = 0; u < 2; u++) {
                        for (int v = 0; v < 2; v++) {
                            m = Math.max(m, x.data()[p * 30 + (2 * i + u) * 6 + 2 * j + v]);
                        }
                    }
                    assertThat(max.data()[p * 6 + i * 3 + j]).isEqualTo(m);
                }
            }
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 4; j++) {
                    double s = 0;
                    for (int u = 0; u < 3; u++) {
                        for (int v = 0; v < 3; v++) {
                            s += x.data()[p * 30 + (i + u) * 6 + j + v];
                        }
                    }
                    assertThat(avg.data()[p * 12 + i * 4 + j]).isCloseTo(s / 9, within(1e-12));
                }
            }
        }
    }

    @Test
    void maxPoolingTiesSendTheGradientToTheFirstEntryOfTheWindow() {
        Tensor x = Tensor.of(new double[] {1, 3, 3, 0, 2, 3, 3, 3}, 1, 1, 2, 4);
        Tape tape = new Tape();
        Var v = tape.input(x);
        Tensor g = tape.gradient(v.maxPool2d(2, 2).sum(), v)[0].value();
        assertThat(g.data()).containsExactly(0, 1, 1, 0, 0, 0, 0, 0);
        Tape again = new Tape();
        Var w = again.input(x);
        assertThat(again.gradient(w.maxPool2d(2, 2).sum(), w)[0].value().data()).containsExactly(g.data());
    }

    @Test
    void softmaxAndLogSumExpAreStableAndAgreeWithTheirDefinitions() {
        Tensor z = Tensor.of(new double[] {1000, 1001, 999, -2, 0.5, 3}, 2, 3);
        Tensor s = constant(z).softmax().value(), lse = constant(z).logSumExp(1).value();
        Tensor lse0 = constant(Tensor.of(new double[] {1, 2, 3, 4, 5, 6}, 2, 3)).logSumExp(0).value();
        assertThat(lse.shape()).containsExactly(2, 1);
        assertThat(lse0.shape()).containsExactly(1, 3);
        for (int i = 0; i < 2; i++) {
            double m = Math.max(z.data()[3 * i], Math.max(z.data()[3 * i + 1], z.data()[3 * i + 2]));
            double t = 0;
            for (int j = 0; j < 3; j++) {
                t += Math.exp(z.data()[3 * i + j] - m);
            }
            assertThat(lse.data()[i]).isCloseTo(m + Math.log(t), within(1e-12));
            for (int j = 0; j < 3; j++) {
                assertThat(s.data()[3 * i + j]).isCloseTo(Math.exp(z.data()[3 * i + j] - m) / t, within(1e-15));
            }
        }
        assertThat(lse0.data()[2]).isCloseTo(Math.log(Math.exp(3) + Math.exp(6)), within(1e-12));
    }

    @Test
    void broadcastingCoversScalarsRowsAndColumnsAndRejectsTheRest() {
        Tensor m = Tensor.of(new double[] {1, 2, 3, 4, 5, 6}, 2, 3);
        Tape t = new Tape();
        Var a = t.constant(m);
        assertThat(a.plus(t.constant(Tensor.scalar(10))).value().data()).containsExactly(11, 12, 13, 14, 15, 16);
        assertThat(a.times(t.constant(Tensor.vector(1, 0, -1))).value().data()).containsExactly(1, 0, -3, 4, 0, -6);
        assertThat(t.constant(Tensor.of(new double[] {10, 20}, 2, 1)).minus(a).value().data())
                .containsExactly(9, 8, 7, 16, 15, 14);
        assertThat(a.subtractedFrom(1).value().data()).containsExactly(0, -1, -2, -3, -4, -5);
        assertThat(a.dividedBy(t.constant(Tensor.of(new double[] {1, 2}, 2, 1))).value().data())
                .containsExactly(1, 2, 3, 2, 2.5, 3);
        assertThatThrownBy(() -> a.plus(t.constant(Tensor.vector(1, 2)))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot broadcast shape [2] to [2, 3]").hasMessageContaining("column [n, 1]");
    }

    @Test
    void shapesReductionsGatherAndElementwiseChoices() {
        Tensor m = Tensor.of(new double[] {1, -2, 3, 4, 5, -6}, 2, 3);
        Tape t = new Tape();
        Var a = t.constant(m);
        assertThat(a.transpose().value().data()).containsExactly(1, 4, -2, 5, 3, -6);
        assertThat(a.sum(0).value().data()).containsExactly(5, 3, -3);
        assertThat(a.sum(0).value().shape()).containsExactly(1, 3);
        assertThat(a.mean(1).value().data()).containsExactly(2.0 / 3, 1);
        assertThat(a.gather(new int[] {2, 0}).value().data()).containsExactly(3, 4);
        assertThat(Var.concat(0, a, a.negate()).value().shape()).containsExactly(4, 3);
        assertThat(Var.concat(1, a, a.sum(1)).value().data()).containsExactly(1, -2, 3, 2, 4, 5, -6, 3);
        assertThat(a.max(a.negate()).value().data()).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(a.min(t.constant(Tensor.scalar(0))).value().data()).containsExactly(0, -2, 0, 0, 0, -6);
        assertThat(a.clamp(-1, 3.5).value().data()).containsExactly(1, -1, 3, 3.5, 3.5, -1);
        assertThat(a.abs().sqrt().pow(2).value().data()[5]).isCloseTo(6, within(1e-12));
        assertThat(a.softplus().value().data()[5]).isCloseTo(Math.log1p(Math.exp(-6)), within(1e-15));
        assertThat(t.constant(Tensor.scalar(800)).softplus().item()).isEqualTo(800);
        assertThatThrownBy(() -> a.gather(new int[] {3, 0})).hasMessageContaining("label 3 of row 0");
        assertThatThrownBy(() -> Var.concat(0, a, a.transpose())).hasMessageContaining("equal column counts");
        assertThatThrownBy(() -> a.reshape(1, 1, 2, 3).conv2d(t.constant(gaussian(1, 2, 1, 1)), 1, 0))
                .hasMessageContaining("kernels [F, C, kh, kw]");
        assertThatThrownBy(() -> a.reshape(1, 1, 2, 3).conv2d(t.constant(gaussian(1, 1, 3, 3)), 1, 0))
                .hasMessageContaining("does not fit");
    }
}
