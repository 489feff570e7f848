package io.github.hypergrad4j.autodiff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.hypergrad4j.tensor.Tensor;
import io.github.hypergrad4j.tensor.TensorOps;
import java.util.Random;
import java.util.function.BiFunction;

/**
 * Checks a scalar function of several tensors, built on a {@link Tape}, against central finite
 * differences: the gradient along a random direction r (first order), and the derivative of that
 * gradient along another random direction u, which is what forward-over-reverse returns as tangent
 * (second order). This is autograd's check_vjp idea applied twice.
 */
final class GradientChecker {
    private static final double H = 1e-5;

    private GradientChecker() {}

    /** f maps (tape, inputs) to a scalar var. */
    static void check(BiFunction<Tape, Var[], Var> f, long seed, Tensor... x) {
        Random random = new Random(seed);
        Tensor[] r = randomLike(x, random);
        Tensor[] u = randomLike(x, random);

        // First order: grad . r against (f(x + h r) - f(x - h r)) / 2h.
        Dual[] g = gradient(f, x, u);
        double analytic = 0;
        for (int i = 0; i < x.length; i++) {
            analytic += TensorOps.dot(g[i].value().data(), r[i].data());
        }
        double numeric = (value(f, shifted(x, r, H)) - value(f, shifted(x, r, -H))) / (2 * H);
        assertThat(analytic).as("first derivative along r").isCloseTo(numeric, within(1e-6 * (1 + Math.abs(numeric))));

        // Second order: (d/du grad) . r against the central difference of grad . r along u.
        double second = 0;
        for (int i = 0; i < x.length; i++) {
            second += TensorOps.dot(g[i].tangentOrZeros().data(), r[i].data());
        }
        double plus = dotGrad(f, shifted(x, u, H), r), minus = dotGrad(f, shifted(x, u, -H), r);
        double secondNumeric = (plus - minus) / (2 * H);
        assertThat(second).as("second derivative along u then r").isCloseTo(secondNumeric,
                within(1e-5 * (1 + Math.abs(secondNumeric))));
    }

    private static Dual[] gradient(BiFunction<Tape, Var[], Var> f, Tensor[] x, Tensor[] tangents) {
        Tape tape = new Tape();
        Var[] vars = new Var[x.length];
        for (int i = 0; i < x.length; i++) {
            vars[i] = tape.input(x[i], tangents == null ? null : tangents[i]);
        }
        return tape.gradient(f.apply(tape, vars), vars);
    }

    private static double value(BiFunction<Tape, Var[], Var> f, Tensor[] x) {
        Tape tape = new Tape();
        Var[] vars = new Var[x.length];
        for (int i = 0; i < x.length; i++) {
            vars[i] = tape.input(x[i]);
        }
        return f.apply(tape, vars).item();
    }

    private static double dotGrad(BiFunction<Tape, Var[], Var> f, Tensor[] x, Tensor[] r) {
        Dual[] g = gradient(f, x, null);
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += TensorOps.dot(g[i].value().data(), r[i].data());
        }
        return s;
    }

    static Tensor[] randomLike(Tensor[] x, Random random) {
        Tensor[] out = new Tensor[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = random(random, x[i].shape());
        }
        return out;
    }

    static Tensor random(Random random, int... shape) {
        Tensor t = Tensor.zeros(shape);
        for (int i = 0; i < t.size(); i++) {
            t.data()[i] = random.nextGaussian();
        }
        return t;
    }

    private static Tensor[] shifted(Tensor[] x, Tensor[] d, double h) {
        Tensor[] out = new Tensor[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i].copy();
            TensorOps.axpyInPlace(out[i], h, d[i]);
        }
        return out;
    }
}
