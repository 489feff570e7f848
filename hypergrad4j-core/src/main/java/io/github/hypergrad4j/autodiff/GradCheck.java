package io.github.hypergrad4j.autodiff;

import io.github.hypergrad4j.tensor.Tensor;
import io.github.hypergrad4j.tensor.TensorOps;
import java.util.Random;
import java.util.Set;

/**
 * Checks the first and second derivatives of a scalar function built on a {@link Tape} against
 * central finite differences, as autograd's {@code check_vjp} does, applied twice: with random
 * directions r and u (seeded),
 * <ul>
 *   <li>first order: the gradient's inner product with r against (f(x + h r) - f(x - h r)) / 2h;</li>
 *   <li>second order: the tangent of the gradient along u (what forward-over-reverse returns, i.e.
 *       the Hessian-vector product H u) dotted with r, against the central difference along u of
 *       the gradient dotted with r.</li>
 * </ul>
 * Use it to check a primitive of one's own before training with it: a wrong second-order rule
 * gives wrong hypergradients while the gradients look right. Keep inputs away from kinks (relu at
 * 0, ties in max) where a finite difference means nothing. Read the outputs together with a
 * nonlinear readout of the primitive, so that its gradient rule sees an adjoint that depends on the
 * inputs (a plain sum would leave the adjoint's tangent zero and test less):
 *
 * <pre>{@code
 * Tensor x = Tensor.of(new double[] {0.3, -1.2, 0.8, 2.0}, 2, 2);
 * GradCheck.Result r = GradCheck.check((tape, v) -> {
 *     Var y = tape.apply(new MySin(), v[0]);   // the primitive under test
 *     return y.times(y).sum();                  // a nonlinear readout
 * }, 42, x);
 * r.requireWithin(1e-6, 1e-5);                // throws with both numbers when not
 * System.out.println(r);                      // errors and the primitives it exercised
 * }</pre>
 */
public final class GradCheck {
    /** The default finite-difference step. */
    public static final double DEFAULT_STEP = 1e-5;

    private GradCheck() {}

    /** A scalar function of several tensors, built on the given tape from the given input vars. */
    @FunctionalInterface
    public interface Function {
        /** The scalar output for these inputs (one var per tensor given to {@link GradCheck#check}). */
        Var apply(Tape tape, Var[] inputs);
    }

    /**
     * One check's numbers.
     *
     * @param firstAnalytic the gradient dotted with r
     * @param firstNumeric its central finite difference
     * @param secondAnalytic the Hessian along u dotted with r
     * @param secondNumeric its central finite difference
     * @param primitives the classes of the primitives the function applied
     */
    public record Result(double firstAnalytic, double firstNumeric, double secondAnalytic, double secondNumeric,
            Set<Class<? extends Primitive>> primitives) {

        /** |analytic - numeric| / |numeric| at first order (absolute when the numeric value is below 1e-12). */
        public double firstRelativeError() {
            return relative(firstAnalytic, firstNumeric);
        }

        /** The same at second order. */
        public double secondRelativeError() {
            return relative(secondAnalytic, secondNumeric);
        }

        /**
         * Whether |analytic - numeric| is within {@code tol * (1 + |numeric|)} at each order: relative
         * for large values, absolute for small ones.
         */
        public boolean within(double firstTolerance, double secondTolerance) {
            return Math.abs(firstAnalytic - firstNumeric) <= firstTolerance * (1 + Math.abs(firstNumeric))
                    && Math.abs(secondAnalytic - secondNumeric) <= secondTolerance * (1 + Math.abs(secondNumeric));
        }

        /**
         * Throws an {@link AssertionError} stating both orders' numbers unless {@link #within} holds.
         *
         * @return this result, for chaining
         */
        public Result requireWithin(double firstTolerance, double secondTolerance) {
            if (!within(firstTolerance, secondTolerance)) {
                throw new AssertionError("derivative check failed (tolerances " + firstTolerance + ", "
                        + secondTolerance + "): " + this);
            }
            return this;
        }

        private static double relative(double analytic, double numeric) {
            return Math.abs(analytic - numeric) / Math.max(Math.abs(numeric), 1e-12);
        }

        @Override
        public String toString() {
            StringBuilder names = new StringBuilder();
            for (Class<? extends Primitive> c : primitives) {
                names.append(names.length() == 0 ? "" : ", ").append(c.getSimpleName());
            }
            return String.format(java.util.Locale.ROOT,
                    "first order %.12g vs %.12g (relative error %.2e), second order %.12g vs %.12g (relative error %.2e); "
                            + "primitives: %s",
                    firstAnalytic, firstNumeric, firstRelativeError(), secondAnalytic, secondNumeric,
                    secondRelativeError(), names);
        }
    }

    /** {@link #check(Function, long, double, Tensor...)} with the {@link #DEFAULT_STEP}. */
    public static Result check(Function f, long seed, Tensor... x) {
        return check(f, seed, DEFAULT_STEP, x);
    }

    /**
     * Checks {@code f} at {@code x} along Gaussian directions drawn from {@code seed}, with central
     * differences of step {@code step}. The inputs are not modified.
     */
    public static Result check(Function f, long seed, double step, Tensor... x) {
        if (!(step > 0)) {
            throw new IllegalArgumentException("finite-difference step must be positive, got " + step);
        }
        Random random = new Random(seed);
        Tensor[] r = gaussianLike(x, random);
        Tensor[] u = gaussianLike(x, random);

        Tape tape = new Tape();
        Var[] vars = new Var[x.length];
        for (int i = 0; i < x.length; i++) {
            vars[i] = tape.input(x[i], u[i]);
        }
        Var out = f.apply(tape, vars);
        Dual[] g = tape.gradient(out, vars);
        double first = 0, second = 0;
        for (int i = 0; i < x.length; i++) {
            first += TensorOps.dot(g[i].value().data(), r[i].data());
            second += TensorOps.dot(g[i].tangentOrZeros().data(), r[i].data());
        }
        double firstNumeric = (value(f, shifted(x, r, step)) - value(f, shifted(x, r, -step))) / (2 * step);
        double secondNumeric = (gradientAlong(f, shifted(x, u, step), r) - gradientAlong(f, shifted(x, u, -step), r))
                / (2 * step);
        return new Result(first, firstNumeric, second, secondNumeric, tape.recordedPrimitives());
    }

    private static double value(Function f, Tensor[] x) {
        Tape tape = new Tape();
        Var[] vars = new Var[x.length];
        for (int i = 0; i < x.length; i++) {
            vars[i] = tape.input(x[i]);
        }
        return f.apply(tape, vars).item();
    }

    private static double gradientAlong(Function f, Tensor[] x, Tensor[] r) {
        Tape tape = new Tape();
        Var[] vars = new Var[x.length];
        for (int i = 0; i < x.length; i++) {
            vars[i] = tape.input(x[i]);
        }
        Dual[] g = tape.gradient(f.apply(tape, vars), vars);
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += TensorOps.dot(g[i].value().data(), r[i].data());
        }
        return s;
    }

    private static Tensor[] gaussianLike(Tensor[] x, Random random) {
        Tensor[] out = new Tensor[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = Tensor.zeros(x[i].shape());
            for (int j = 0; j < out[i].size(); j++) {
                out[i].data()[j] = random.nextGaussian();
            }
        }
        return out;
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
