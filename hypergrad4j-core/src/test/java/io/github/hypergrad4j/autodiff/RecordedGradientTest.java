package io.github.hypergrad4j.autodiff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.hypergrad4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * A recorded gradient's directional derivatives ({@link RecordedGradient#alongDirection}) are bit for
 * bit the tangents of a forward-over-reverse pass whose input carried the direction from the start
 * ({@link Tape#gradient}), and the recorded gradients bit for bit its values: for every case of
 * {@link PrimitiveDerivativesTest} with the direction on each input in turn, for products large
 * enough to be cut into pieces and computed concurrently, and for a network with a hyperparameter
 * input (the mixed products).
 */
class RecordedGradientTest {

    @TestFactory
    Stream<DynamicTest> everyPrimitiveReplaysItsTangentsBitForBit() {
        Random seeds = new Random(11);
        List<DynamicTest> tests = new ArrayList<>();
        for (PrimitiveDerivativesTest.Case c : PrimitiveDerivativesTest.cases()) {
            long seed = seeds.nextLong();
            tests.add(DynamicTest.dynamicTest(c.primitive().getSimpleName() + ": " + c.name(), () -> {
                GradCheck.Function f = (t, v) -> PrimitiveDerivativesTest.readout(t, c.f().apply(t, v), seed);
                Random r = new Random(seed);
                for (int d = 0; d < c.inputs().length; d++) {
                    assertReplayMatches(f, c.inputs(), d, PrimitiveDerivativesTest.gaussian(r, c.inputs()[d].shape()));
                }
            }));
        }
        return tests.stream();
    }

    /**
     * The paper setting's first layer and a product of two variables, large enough (over 2^22
     * multiply-adds) that the products are cut into pieces and value and tangent products run
     * concurrently in the dual pass, but the tangents alone in the replay.
     */
    @Test
    void largeProductsCutIntoPiecesReplayBitForBit() {
        Random r = new Random(5);
        Tensor data = PrimitiveDerivativesTest.gaussian(r, 200, 784);
        GradCheck.Function f = (t, v) -> {
            Var h = t.constant(data).matmul(v[0]).plusRow(v[1]).tanh();
            Var out = h.matmul(v[2]).matmul(false, v[3], true).logSoftmax();
            return out.times(out).sum().plus(v[0].square().sum().times(0.01));
        };
        Tensor[] x = {scaled(PrimitiveDerivativesTest.gaussian(r, 784, 50), 0.05), PrimitiveDerivativesTest.gaussian(r, 50),
            scaled(PrimitiveDerivativesTest.gaussian(r, 50, 300), 0.1), scaled(PrimitiveDerivativesTest.gaussian(r, 10, 300), 0.1)};
        for (int d = 0; d < x.length; d++) {
            assertReplayMatches(f, x, d, PrimitiveDerivativesTest.gaussian(r, x[d].shape()));
        }
    }

    /**
     * Weights cut into slices and a differentiable per-weight penalty that carries no tangent: the
     * penalty's gradient tangent is the mixed product grad_theta(u . grad_w L); two directions from one
     * record each match their own dual pass.
     */
    @Test
    void mixedProductsAndSeveralDirectionsFromOneRecord() {
        Random r = new Random(9);
        Tensor data = PrimitiveDerivativesTest.gaussian(r, 12, 6);
        int[] labels = {0, 2, 1, 1, 0, 2, 2, 1, 0, 0, 1, 2};
        GradCheck.Function f = (t, v) -> {
            Var w1 = v[0].slice(0, 6, 5), b1 = v[0].slice(30, 5), w2 = v[0].slice(35, 5, 3);
            Var h = t.constant(data).rows(new int[] {3, 1, 4, 1, 5, 9, 2, 6}).matmul(w1).plusRow(b1).tanh();
            Var nll = h.matmul(w2).logSoftmax().gather(java.util.Arrays.copyOf(labels, 8)).mean().negate();
            return nll.plus(v[0].square().times(v[1].exp()).sum());
        };
        Tensor[] x = {scaled(PrimitiveDerivativesTest.gaussian(r, 50), 0.3), scaled(PrimitiveDerivativesTest.gaussian(r, 50), 0.5)};
        Tape tape = new Tape();
        Var[] vars = {tape.input(x[0]), tape.input(x[1])};
        RecordedGradient record = tape.recordGradient(f.apply(tape, vars), vars);
        for (int k = 0; k < 2; k++) {
            Tensor u = PrimitiveDerivativesTest.gaussian(r, 50);
            Dual[] replay = record.alongDirection(vars[0], u);
            Dual[] full = fullPass(f, x, 0, u);
            assertThat(replay[1].tangent()).as("the mixed product is not zero").isNotNull();
            for (int i = 0; i < x.length; i++) {
                assertSameBits(replay[i].value(), full[i].value(), "gradient " + i);
                assertSameBits(replay[i].tangent(), full[i].tangent(), "tangent " + i + " of direction " + k);
            }
        }
    }

    @Test
    void refusesInputsWithTangentsAndDirectionsThatDoNotFit() {
        Tape tape = new Tape();
        Var x = tape.input(Tensor.of(new double[] {1, 2}, 2), Tensor.of(new double[] {1, 0}, 2));
        Var out = x.square().sum();
        assertThatThrownBy(() -> tape.recordGradient(out, x)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("without tangents");

        Tape plain = new Tape();
        Var y = plain.input(Tensor.of(new double[] {1, 2}, 2));
        Var z = y.square();
        RecordedGradient record = plain.recordGradient(z.sum(), y);
        assertThatThrownBy(() -> record.alongDirection(y, Tensor.zeros(3))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not match");
        assertThatThrownBy(() -> record.alongDirection(z, Tensor.zeros(2))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("inputs of the tape");
        assertThatThrownBy(() -> record.alongDirection(new Tape().input(Tensor.zeros(2)), Tensor.zeros(2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("recorded tape");
    }

    /** Record at x and replay along u on input d, against a dual pass with u on input d. */
    private static void assertReplayMatches(GradCheck.Function f, Tensor[] x, int d, Tensor u) {
        Tape tape = new Tape();
        Var[] vars = new Var[x.length];
        for (int i = 0; i < x.length; i++) {
            vars[i] = tape.input(x[i]);
        }
        RecordedGradient record = tape.recordGradient(f.apply(tape, vars), vars);
        Dual[] replay = record.alongDirection(vars[d], u);
        Dual[] full = fullPass(f, x, d, u);
        for (int i = 0; i < x.length; i++) {
            assertSameBits(record.gradient(i), full[i].value(), "gradient " + i);
            assertSameBits(replay[i].value(), full[i].value(), "gradient " + i);
            assertSameBits(replay[i].tangent(), full[i].tangent(), "tangent of gradient " + i + ", direction on input " + d);
        }
    }

    private static Dual[] fullPass(GradCheck.Function f, Tensor[] x, int d, Tensor u) {
        Tape tape = new Tape();
        Var[] vars = new Var[x.length];
        for (int i = 0; i < x.length; i++) {
            vars[i] = tape.input(x[i], i == d ? u : null);
        }
        return tape.gradient(f.apply(tape, vars), vars);
    }

    private static void assertSameBits(Tensor actual, Tensor expected, String what) {
        if (expected == null) {
            assertThat(actual).as(what + " (none in the dual pass)").isNull();
            return;
        }
        assertThat(actual).as(what).isNotNull();
        assertThat(actual.shape()).as(what + ": shape").containsExactly(expected.shape());
        long[] a = new long[actual.size()], e = new long[expected.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = Double.doubleToRawLongBits(actual.data()[i]);
            e[i] = Double.doubleToRawLongBits(expected.data()[i]);
        }
        assertThat(a).as(what + ": bits").containsExactly(e);
    }

    private static Tensor scaled(Tensor t, double s) {
        for (int i = 0; i < t.size(); i++) {
            t.data()[i] *= s;
        }
        return t;
    }
}
