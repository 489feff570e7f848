package io.github.hypergrad4j.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.hypergrad4j.tensor.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Adam, AdamW and RMSprop with momentum, run exactly, against two oracles for T = 1, 10 and 100 on a
 * small MLP: (a) float64 differentiation through a stored trajectory, to a relative error of 1e-6,
 * and (b) central finite differences of the whole training run along random directions, to 1e-4.
 * Every hyperparameter is covered: learning rates, beta1, beta2, eps, AdamW's weight decay, initial
 * scales and first moment, per-weight L2 penalties and the training inputs.
 */
class OptimizerOracleTest {
    private static final double UNIT = 1.0 / 65536;

    static Optimizer optimizer(String name) {
        return switch (name) {
            case "adam" -> Optimizer.adam();
            case "adamw" -> Optimizer.adamW();
            case "rmsprop" -> Optimizer.rmsPropMomentum();
            default -> throw new IllegalArgumentException(name);
        };
    }

    /**
     * A random schedule with every row given: beta1, beta2 on the 2^-16 grid; eps large enough to
     * matter (so that its hypergradient is measurable); for AdamW a decay alpha lambda that is a whole
     * number of grid units, so that finite differences can move it by exactly one unit.
     */
    static Schedule schedule(SmallProblem p, String name, int steps) {
        double alphaMin = name.equals("rmsprop") ? 0.002 : 0.005, alphaMax = name.equals("rmsprop") ? 0.01 : 0.03;
        Schedule s = p.schedule(steps, alphaMin, alphaMax, 0.5, 0.95);
        int g = p.groups();
        double[][] b2 = new double[steps][g], eps = new double[steps][g], decay = new double[steps][g];
        for (int t = 0; t < steps; t++) {
            for (int k = 0; k < g; k++) {
                b2[t][k] = SmallProblem.onGrid(0.9 + 0.099 * p.random.nextDouble());
                eps[t][k] = 0.003 * (1 + p.random.nextDouble());
                decay[t][k] = (3 + p.random.nextInt(8)) * UNIT / s.alpha(t, k);
            }
        }
        s = s.withBeta2(b2).withEps(eps);
        return name.equals("adamw") ? s.withWeightDecay(decay) : s;
    }

    @ParameterizedTest(name = "{0}, T = {1}")
    @CsvSource({"adam, 1", "adam, 10", "adam, 100", "adamw, 1", "adamw, 10", "adamw, 100", "rmsprop, 1",
            "rmsprop, 10", "rmsprop, 100"})
    void exactHypergradientMatchesStoredTrajectoryReference(String name, int steps) {
        SmallProblem p = new SmallProblem(31 + steps);
        Schedule s = schedule(p, name, steps);
        Theta theta = p.theta();
        double[] scales = {0.3, 0.1, 0.4, 0.2};
        double[] w0 = p.init.weights(scales), m0 = p.gaussian(w0.length).data();
        for (int i = 0; i < m0.length; i++) {
            m0[i] *= 0.01;
        }
        Optimizer o = optimizer(name);
        Hypergradient exact = new ReversibleTrainer(p.model.layout(), p.trainingLoss(), o)
                .hypergradient(w0, m0, s, theta, p.validationLoss(), StepListener.NONE);
        Hypergradient ref = new StoredTrajectoryTrainer(p.model.layout(), p.trainingLoss(), o)
                .hypergradient(w0, m0, s, theta, p.validationLoss());

        Errors.record(name, steps, "reference", exact, ref, p);
        assertThat(Math.abs(exact.objective() - ref.objective())).isLessThan(1e-9 * Math.abs(ref.objective()));
        assertThat(rel(flat(exact.dAlpha()), flat(ref.dAlpha()))).as("learning rates").isLessThan(1e-6);
        assertThat(rel(flat(exact.dBeta()), flat(ref.dBeta()))).as("beta1").isLessThan(1e-6);
        if (steps == 1 && !name.equals("rmsprop")) {
            // One bias-corrected step does not depend on beta2 at all (s / c2 = g^2): both must be ~0.
            assertThat(norm(flat(exact.dBeta2())) + norm(flat(ref.dBeta2()))).as("beta2 at T = 1").isLessThan(1e-12);
        } else {
            assertThat(rel(flat(exact.dBeta2()), flat(ref.dBeta2()))).as("beta2").isLessThan(1e-6);
        }
        assertThat(rel(flat(exact.dEps()), flat(ref.dEps()))).as("eps").isLessThan(1e-6);
        if (!name.equals("rmsprop")) {
            assertThat(rel(flat(exact.dWeightDecay()), flat(ref.dWeightDecay()))).as("weight decay").isLessThan(1e-6);
        }
        assertThat(rel(p.init.scaleGradient(exact.dWeights0()), p.init.scaleGradient(ref.dWeights0())))
                .as("initial scales").isLessThan(1e-6);
        assertThat(rel(exact.dWeights0(), ref.dWeights0())).as("initial weights").isLessThan(1e-6);
        assertThat(rel(exact.dVelocity0(), ref.dVelocity0())).as("initial first moment").isLessThan(1e-6);
        assertThat(rel(exact.dTheta().get("l2").data(), ref.dTheta().get("l2").data())).as("L2").isLessThan(1e-6);
        assertThat(rel(exact.dTheta().get("inputs").data(), ref.dTheta().get("inputs").data())).as("inputs")
                .isLessThan(1e-6);
        assertThat(norm(flat(exact.dEps())) * norm(flat(exact.dBeta()))).isPositive();
    }

    @ParameterizedTest(name = "{0}, T = {1}")
    @CsvSource({"adam, 1", "adam, 10", "adam, 100", "adamw, 1", "adamw, 10", "adamw, 100", "rmsprop, 1",
            "rmsprop, 10", "rmsprop, 100"})
    void exactHypergradientMatchesFiniteDifferencesOfTheWholeRun(String name, int steps) {
        SmallProblem p = new SmallProblem(201 + steps);
        Schedule s = schedule(p, name, steps);
        Theta theta = p.theta();
        double[] scales = {0.3, 0.1, 0.4, 0.2};
        double[] m0 = p.gaussian(p.model.layout().size()).data();
        for (int i = 0; i < m0.length; i++) {
            m0[i] *= 0.01;
        }
        Optimizer o = optimizer(name);
        ReversibleTrainer trainer = new ReversibleTrainer(p.model.layout(), p.trainingLoss(), o);
        double[] w0 = p.init.weights(scales);
        Hypergradient h = trainer.hypergradient(w0, m0, s, theta, p.validationLoss(), StepListener.NONE);
        Run run = new Run(p, trainer, m0);
        // The step of the continuous directions. The exact run is the smooth one plus a tiny noise: each
        // exact multiply by beta replaces the lowest 16 bits of a moment by buffer digits. RMSprop feeds
        // the second moment's (2^-44, against eps^2) into every velocity increment g / sqrt(s + eps^2),
        // so its differences need a larger step to stay above that noise (Richardson keeps the
        // truncation error at O(h^4)). The learning rates, on which the run depends far less smoothly,
        // keep a small step: measured against the float64 reference, their differences show no noise.
        double eps = name.equals("rmsprop") ? 3e-4 : 1e-5;

        // Learning rates along a random direction proportional to alpha / 0.01 (a direction in log alpha).
        double[][] r = gaussianRows(p, steps);
        for (int t = 0; t < steps; t++) {
            for (int g = 0; g < p.groups(); g++) {
                r[t][g] *= s.alpha(t, g) / 0.01;
            }
        }
        check(name, steps, "learning rates", dot(flat(h.dAlpha()), flat(r)),
                derivative(x -> run.objective(scales, theta, shift(s, r, x, Row.ALPHA)), 1e-5));
        // beta1 and beta2 move by whole grid units (1 and 2 for the extrapolation), so every run uses grid values.
        double[][] dir1 = toDouble(signs(p, steps)), dir2 = toDouble(signs(p, steps));
        check(name, steps, "beta1", dot(flat(h.dBeta()), flat(dir1)),
                derivative(x -> run.objective(scales, theta, shift(s, dir1, x, Row.BETA1)), UNIT));
        double beta2 = dot(flat(h.dBeta2()), flat(dir2));
        double numeric2 = derivative(x -> run.objective(scales, theta, shift(s, dir2, x, Row.BETA2)), UNIT);
        if (steps == 1 && !name.equals("rmsprop")) {
            // One bias-corrected step does not depend on beta2 at all: s / c2 = g^2 whatever beta2 is.
            assertThat(Math.abs(beta2)).as("beta2 at T = 1").isLessThan(1e-12);
            assertThat(Math.abs(numeric2)).as("beta2 at T = 1, finite difference").isLessThan(1e-9);
        } else {
            check(name, steps, "beta2", beta2, numeric2);
        }
        // eps is 0.003..0.006 here: a step of 1e-5 keeps Richardson's truncation near (1e-5 / 3e-3)^4,
        // far below the bound, while 1e-6 sat in AdamW's contraction noise, which differs with the BLAS
        // backend (1.3e-4 relative on native OpenBLAS, T = 10); RMSprop's 3e-4 would be 10% of eps.
        double[][] re = gaussianRows(p, steps);
        check(name, steps, "eps", dot(flat(h.dEps()), flat(re)),
                derivative(x -> run.objective(scales, theta, shift(s, re, x, Row.EPS)), 1e-5));
        if (name.equals("adamw")) {
            // One grid unit of the contraction per step and group: lambda moves by 2^-16 / alpha.
            int[][] dir = signs(p, steps);
            double[][] dl = new double[steps][p.groups()];
            for (int t = 0; t < steps; t++) {
                for (int g = 0; g < p.groups(); g++) {
                    dl[t][g] = dir[t][g] * UNIT / s.alpha(t, g);
                }
            }
            check(name, steps, "weight decay", dot(flat(h.dWeightDecay()), flat(dl)),
                    derivative(x -> run.objective(scales, theta, shift(s, dl, x, Row.DECAY)), 1));
        }
        double[] rs = {0.7, -0.3, 0.5, 1.1};
        check(name, steps, "initial scales", dot(p.init.scaleGradient(h.dWeights0()), rs),
                derivative(x -> run.objective(axpy(scales, x, rs), theta, s), eps));
        double[] rm = p.gaussian(m0.length).data();
        check(name, steps, "initial first moment", dot(h.dVelocity0(), rm),
                derivative(x -> new Run(p, trainer, axpy(m0, x, rm)).objective(scales, theta, s), eps));
        for (String key : new String[] {"l2", "inputs"}) {
            Tensor d = p.gaussian(theta.get(key).shape());
            check(name, steps, key, dot(h.dTheta().get(key).data(), d.data()),
                    derivative(x -> run.objective(scales, shift(theta, key, d, x), s), eps));
        }
    }

    /**
     * The derivative at 0 by central differences with Richardson extrapolation, from f at +-h and
     * +-2h: error O(h^4), which matters for beta2 near 1 where one grid unit is a large step.
     */
    private static double derivative(java.util.function.DoubleUnaryOperator f, double h) {
        return (8 * (f.applyAsDouble(h) - f.applyAsDouble(-h)) - (f.applyAsDouble(2 * h) - f.applyAsDouble(-2 * h)))
                / (12 * h);
    }

    private static void check(String name, int steps, String what, double analytic, double numeric) {
        Errors.recordFiniteDifference(name, steps, what, analytic, numeric);
        assertThat(Math.abs(analytic - numeric)).as("%s, T = %d, %s: analytic %s vs finite difference %s", name, steps, what,
                analytic, numeric).isLessThanOrEqualTo(1e-4 * Math.max(Math.abs(numeric), 1e-8));
        assertThat(Math.abs(numeric)).as("%s: a derivative that is not zero", what).isGreaterThan(1e-10);
    }

    /** The rows of a schedule that finite differences move. */
    private enum Row { ALPHA, BETA1, BETA2, EPS, DECAY }

    /** The schedule with one row moved by {@code by * dir}. */
    private static Schedule shift(Schedule s, double[][] dir, double by, Row row) {
        int steps = s.steps(), groups = s.groups();
        double[][] a = s.alphas(), b = s.betas(), b2 = new double[steps][groups], e = new double[steps][groups];
        double[][] l = new double[steps][groups];
        for (int t = 0; t < steps; t++) {
            for (int g = 0; g < groups; g++) {
                b2[t][g] = s.beta2(t, g, Double.NaN);
                e[t][g] = s.eps(t, g, Double.NaN);
                l[t][g] = s.weightDecay(t, g, 0);
            }
        }
        double[][] target = switch (row) {
            case ALPHA -> a;
            case BETA1 -> b;
            case BETA2 -> b2;
            case EPS -> e;
            case DECAY -> l;
        };
        for (int t = 0; t < steps; t++) {
            for (int g = 0; g < groups; g++) {
                target[t][g] += by * dir[t][g];
            }
        }
        Schedule out = new Schedule(a, b).withBeta2(b2).withEps(e);
        return s.hasWeightDecay() ? out.withWeightDecay(l) : out;
    }

    /** Training plus the objective as a function of the hyperparameters. */
    private record Run(SmallProblem p, ReversibleTrainer trainer, double[] m0) {
        double objective(double[] scales, Theta theta, Schedule s) {
            double[] w0 = p.init.weights(scales);
            double[] wT = trainer.train(w0, m0, s, theta, StepListener.NONE);
            return p.validationLoss().at(new io.github.hypergrad4j.autodiff.Tape().constant(Tensor.of(wT, wT.length)), null)
                    .item();
        }
    }

    private static double[][] gaussianRows(SmallProblem p, int steps) {
        double[][] r = new double[steps][p.groups()];
        for (double[] row : r) {
            for (int g = 0; g < row.length; g++) {
                row[g] = p.random.nextGaussian();
            }
        }
        return r;
    }

    private static int[][] signs(SmallProblem p, int steps) {
        int[][] d = new int[steps][p.groups()];
        for (int[] row : d) {
            for (int g = 0; g < row.length; g++) {
                row[g] = p.random.nextBoolean() ? 1 : -1;
            }
        }
        return d;
    }

    private static double[][] toDouble(int[][] x) {
        double[][] y = new double[x.length][];
        for (int t = 0; t < x.length; t++) {
            y[t] = java.util.Arrays.stream(x[t]).asDoubleStream().toArray();
        }
        return y;
    }

    static double[] flat(double[][] x) {
        return io.github.hypergrad4j.hyper.HyperVector.flatten(x);
    }

    static double rel(double[] a, double[] b) {
        double num = 0, den = 0;
        for (int i = 0; i < a.length; i++) {
            num += (a[i] - b[i]) * (a[i] - b[i]);
            den += b[i] * b[i];
        }
        return Math.sqrt(num) / Math.max(Math.sqrt(den), 1e-300);
    }

    private static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double[] axpy(double[] x, double eps, double[] r) {
        double[] y = x.clone();
        for (int i = 0; i < y.length; i++) {
            y[i] += eps * r[i];
        }
        return y;
    }

    private static Theta shift(Theta theta, String name, Tensor r, double eps) {
        Tensor t = theta.get(name).copy();
        io.github.hypergrad4j.tensor.TensorOps.axpyInPlace(t, eps, r);
        return theta.with(name, t);
    }

    /** Prints the measured errors, for the record (the assertions above are the test). */
    static final class Errors {
        static void record(String name, int steps, String oracle, Hypergradient exact, Hypergradient ref, SmallProblem p) {
            System.out.printf(java.util.Locale.ROOT,
                    "oracle %s T=%d %s: alpha %.2e beta1 %.2e beta2 %.2e eps %.2e decay %.2e w0 %.2e m0 %.2e l2 %.2e inputs %.2e%n",
                    name, steps, oracle, rel(flat(exact.dAlpha()), flat(ref.dAlpha())),
                    rel(flat(exact.dBeta()), flat(ref.dBeta())), rel(flat(exact.dBeta2()), flat(ref.dBeta2())),
                    rel(flat(exact.dEps()), flat(ref.dEps())), rel(flat(exact.dWeightDecay()), flat(ref.dWeightDecay())),
                    rel(exact.dWeights0(), ref.dWeights0()), rel(exact.dVelocity0(), ref.dVelocity0()),
                    rel(exact.dTheta().get("l2").data(), ref.dTheta().get("l2").data()),
                    rel(exact.dTheta().get("inputs").data(), ref.dTheta().get("inputs").data()));
        }

        static void recordFiniteDifference(String name, int steps, String what, double analytic, double numeric) {
            System.out.printf(java.util.Locale.ROOT, "oracle %s T=%d finite-difference %s: relative error %.2e%n", name,
                    steps, what, Math.abs(analytic - numeric) / Math.abs(numeric));
        }
    }
}
