package io.github.hypergrad4j.autodiff;

import static io.github.hypergrad4j.autodiff.GradientChecker.random;

import io.github.hypergrad4j.tensor.Tensor;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Every primitive, first and second order, against central finite differences. Each primitive's
 * output p is reduced by a nonlinear readout sum(c p) + sum(c2 p^2) / 2 so that its gradient rule is
 * exercised with an adjoint that itself depends on the inputs.
 */
class PrimitiveDerivativesTest {
    private final Random random = new Random(42);

    private void checkUnary(Function<Var, Var> op, Tensor x) {
        check((tape, v) -> op.apply(v[0]), x);
    }

    private void check(BiFunction<Tape, Var[], Var> op, Tensor... x) {
        long seed = random.nextLong();
        GradientChecker.check((tape, v) -> readout(tape, op.apply(tape, v), seed), seed, x);
    }

    private static Var readout(Tape tape, Var p, long seed) {
        Random r = new Random(seed);
        Var c = tape.constant(random(r, p.value().shape()));
        Var c2 = tape.constant(random(r, p.value().shape()));
        return p.times(c).sum().plus(p.square().times(c2).sum().times(0.5));
    }

    @Test
    void matmulInEveryTransposition() {
        check((t, v) -> v[0].matmul(v[1]), random(random, 3, 4), random(random, 4, 5));
        check((t, v) -> v[0].matmul(true, v[1], false), random(random, 4, 3), random(random, 4, 5));
        check((t, v) -> v[0].matmul(false, v[1], true), random(random, 3, 4), random(random, 5, 4));
        check((t, v) -> v[0].matmul(true, v[1], true), random(random, 4, 3), random(random, 5, 4));
    }

    @Test
    void matmulWithAConstantOperand() {
        Tensor data = random(random, 6, 4);
        check((t, v) -> t.constant(data).matmul(v[0]), random(random, 4, 3));
    }

    @Test
    void biasBroadcasting() {
        check((t, v) -> v[0].plusRow(v[1]), random(random, 5, 3), random(random, 3));
    }

    @Test
    void elementwiseArithmetic() {
        check((t, v) -> v[0].plus(v[1]), random(random, 2, 3), random(random, 2, 3));
        check((t, v) -> v[0].minus(v[1]), random(random, 2, 3), random(random, 2, 3));
        check((t, v) -> v[0].times(v[1]), random(random, 2, 3), random(random, 2, 3));
        checkUnary(x -> x.times(-2.5), random(random, 4));
        check((t, v) -> v[1].scaledBy(v[0]), random(random), random(random, 3, 2));
    }

    @Test
    void nonlinearities() {
        checkUnary(Var::tanh, random(random, 3, 4));
        checkUnary(Var::sigmoid, random(random, 3, 4));
        checkUnary(Var::exp, random(random, 3, 4));
        Tensor positive = random(random, 3, 4);
        for (int i = 0; i < positive.size(); i++) {
            positive.data()[i] = 0.5 + Math.abs(positive.data()[i]);
        }
        checkUnary(Var::log, positive);
        // Away from the kink at zero relu is piecewise linear; keep every entry clear of it.
        Tensor clear = random(random, 3, 4);
        for (int i = 0; i < clear.size(); i++) {
            clear.data()[i] += Math.signum(clear.data()[i]) * 0.1;
        }
        checkUnary(Var::relu, clear);
        checkUnary(Var::abs, clear);
    }

    @Test
    void logSoftmax() {
        checkUnary(Var::logSoftmax, random(random, 4, 5));
    }

    @Test
    void reductions() {
        checkUnary(Var::sum, random(random, 3, 4));
        checkUnary(Var::mean, random(random, 3, 4));
        checkUnary(Var::sumRows, random(random, 3, 4));
    }

    @Test
    void shapes() {
        checkUnary(x -> x.reshape(6, 2), random(random, 3, 4));
        checkUnary(x -> x.slice(3, 2, 2), random(random, 10));
        checkUnary(x -> x.rows(new int[] {2, 0, 2}), random(random, 3, 4));
        check((t, v) -> Var.concat(v[0], v[1]), random(random, 2, 2), random(random, 3));
    }

    @Test
    void aTwoLayerNetworkLossEndToEnd() {
        Tensor x = random(random, 5, 4);
        Tensor y = Tensor.zeros(5, 3);
        for (int i = 0; i < 5; i++) {
            y.data()[i * 3 + i % 3] = 1;
        }
        GradientChecker.check((t, v) -> {
            Var h = t.constant(x).matmul(v[0]).plusRow(v[1]).tanh();
            Var out = h.matmul(v[2]).logSoftmax();
            return out.times(t.constant(y)).sum().negate().plus(v[0].square().sum().times(0.01));
        }, 7, random(random, 4, 6), random(random, 6), random(random, 6, 3));
    }
}
