package io.github.hypergrad4j.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.hypergrad4j.tensor.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The exact reversible hypergradient against two oracles, for T = 1, 10 and 100 on a small MLP:
 * (a) float64 differentiation through a stored trajectory, to a relative error of 1e-6, and (b)
 * central finite differences of the whole training run along random directions, to 1e-4. Every kind
 * of hyperparameter is covered: learning rates, momentums, initial scales, per-weight L2 penalties
 * and the training inputs.
 */
class HypergradientOracleTest {

    private static double relativeError(double[] a, double[] b) {
        double num = 0, den = 0;
        for (int i = 0; i < a.length; i++) {
            num += (a[i] - b[i]) * (a[i] - b[i]);
            den += b[i] * b[i];
        }
        return Math.sqrt(num) / Math.max(Math.sqrt(den), 1e-300);
    }

    private static double[] flat(double[][] x) {
        return io.github.hypergrad4j.hyper.HyperVector.flatten(x);
    }

    @ParameterizedTest(name = "T = {0}")
    @ValueSource(ints = {1, 10, 100})
    void exactHypergradientMatchesStoredTrajectoryReference(int steps) {
        SmallProblem p = new SmallProblem(11 + steps);
        Schedule s = p.schedule(steps, 0.05, 0.3, 0.5, 0.95);
        Theta theta = p.theta();
        double[] scales = {0.3, 0.1, 0.4, 0.2};
        double[] w0 = p.init.weights(scales), v0 = new double[w0.length];

        Hypergradient exact = new ReversibleTrainer(p.model.layout(), p.trainingLoss())
                .hypergradient(w0, v0, s, theta, p.validationLoss(), StepListener.NONE);
        Hypergradient ref = new StoredTrajectoryTrainer(p.model.layout(), p.trainingLoss())
                .hypergradient(w0, v0, s, theta, p.validationLoss());

        assertThat(Math.abs(exact.objective() - ref.objective())).isLessThan(1e-9 * Math.abs(ref.objective()));
        assertThat(relativeError(flat(exact.dAlpha()), flat(ref.dAlpha()))).as("learning rates").isLessThan(1e-6);
        assertThat(relativeError(flat(exact.dBeta()), flat(ref.dBeta()))).as("momentums").isLessThan(1e-6);
        assertThat(relativeError(p.init.scaleGradient(exact.dWeights0()), p.init.scaleGradient(ref.dWeights0())))
                .as("initial scales").isLessThan(1e-6);
        assertThat(relativeError(exact.dVelocity0(), ref.dVelocity0())).as("initial velocity").isLessThan(1e-6);
        assertThat(relativeError(exact.dTheta().get("l2").data(), ref.dTheta().get("l2").data())).as("L2").isLessThan(1e-6);
        assertThat(relativeError(exact.dTheta().get("inputs").data(), ref.dTheta().get("inputs").data()))
                .as("training inputs").isLessThan(1e-6);
        // Non-trivial: the gradients are not all zero.
        assertThat(Math.abs(flat(exact.dAlpha())[0]) + Math.abs(flat(exact.dBeta())[0])).isGreaterThan(0);
    }

    @ParameterizedTest(name = "T = {0}")
    @ValueSource(ints = {1, 10, 100})
    void exactHypergradientMatchesFiniteDifferencesOfTheWholeRun(int steps) {
        SmallProblem p = new SmallProblem(101 + steps);
        Schedule s = p.schedule(steps, 0.05, 0.3, 0.5, 0.95);
        Theta theta = p.theta();
        double[] scales = {0.3, 0.1, 0.4, 0.2};
        Run run = new Run(p);
        Hypergradient h = run.hypergradient(scales, s, theta);

        double[][] ra = rows(p, steps);
        double eps = 1e-5;
        // Learning rates along a random direction.
        double analytic = dot(flat(h.dAlpha()), flat(ra));
        double numeric = (run.objective(scales, shiftAlpha(s, ra, eps), theta) - run.objective(scales, shiftAlpha(s, ra, -eps), theta)) / (2 * eps);
        assertClose("learning rates", analytic, numeric);

        // Momentums: move every beta by one grid unit up or down, so both runs use exact grid values.
        int[][] dir = new int[steps][p.groups()];
        for (int t = 0; t < steps; t++) {
            for (int g = 0; g < p.groups(); g++) {
                dir[t][g] = p.random.nextBoolean() ? 1 : -1;
            }
        }
        double unit = 1.0 / 65536;
        analytic = 0;
        for (int t = 0; t < steps; t++) {
            for (int g = 0; g < p.groups(); g++) {
                analytic += h.dBeta()[t][g] * dir[t][g];
            }
        }
        numeric = (run.objective(scales, shiftBeta(s, dir, 1), theta) - run.objective(scales, shiftBeta(s, dir, -1), theta)) / (2 * unit);
        assertClose("momentums", analytic, numeric);

        // Initial scales.
        double[] rs = {0.7, -0.3, 0.5, 1.1};
        analytic = dot(p.init.scaleGradient(h.dWeights0()), rs);
        numeric = (run.objective(axpy(scales, eps, rs), s, theta) - run.objective(axpy(scales, -eps, rs), s, theta)) / (2 * eps);
        assertClose("initial scales", analytic, numeric);

        // Per-weight L2 penalties and the training inputs.
        for (String name : new String[] {"l2", "inputs"}) {
            Tensor r = p.gaussian(theta.get(name).shape());
            analytic = dot(h.dTheta().get(name).data(), r.data());
            numeric = (run.objective(scales, s, shift(theta, name, r, eps)) - run.objective(scales, s, shift(theta, name, r, -eps))) / (2 * eps);
            assertClose(name, analytic, numeric);
        }
    }

    private static double[][] rows(SmallProblem p, int steps) {
        double[][] r = new double[steps][p.groups()];
        for (int t = 0; t < steps; t++) {
            for (int g = 0; g < p.groups(); g++) {
                r[t][g] = p.random.nextGaussian();
            }
        }
        return r;
    }

    private static void assertClose(String what, double analytic, double numeric) {
        assertThat(Math.abs(analytic - numeric)).as("%s: analytic %s vs finite difference %s", what, analytic, numeric)
                .isLessThanOrEqualTo(1e-4 * Math.max(Math.abs(numeric), 1e-8));
    }

    /** Training plus objective as a function of the hyperparameters. */
    private static final class Run {
        final SmallProblem p;
        final ReversibleTrainer trainer;

        Run(SmallProblem p) {
            this.p = p;
            this.trainer = new ReversibleTrainer(p.model.layout(), p.trainingLoss());
        }

        Hypergradient hypergradient(double[] scales, Schedule s, Theta theta) {
            double[] w0 = p.init.weights(scales);
            return trainer.hypergradient(w0, new double[w0.length], s, theta, p.validationLoss(), StepListener.NONE);
        }

        double objective(double[] scales, Schedule s, Theta theta) {
            double[] w0 = p.init.weights(scales);
            double[] wT = trainer.train(w0, new double[w0.length], s, theta, StepListener.NONE);
            io.github.hypergrad4j.autodiff.Tape tape = new io.github.hypergrad4j.autodiff.Tape();
            return p.validationLoss().at(tape.constant(Tensor.of(wT, wT.length)), null).item();
        }
    }

    private static Schedule shiftAlpha(Schedule s, double[][] r, double eps) {
        double[][] a = s.alphas();
        for (int t = 0; t < a.length; t++) {
            for (int g = 0; g < a[t].length; g++) {
                a[t][g] += eps * r[t][g];
            }
        }
        return new Schedule(a, s.betas());
    }

    private static Schedule shiftBeta(Schedule s, int[][] dir, int sign) {
        double[][] b = s.betas();
        for (int t = 0; t < b.length; t++) {
            for (int g = 0; g < b[t].length; g++) {
                b[t][g] += sign * dir[t][g] / 65536.0;
            }
        }
        return new Schedule(s.alphas(), b);
    }

    private static Theta shift(Theta theta, String name, Tensor r, double eps) {
        Tensor t = theta.get(name).copy();
        io.github.hypergrad4j.tensor.TensorOps.axpyInPlace(t, eps, r);
        return theta.with(name, t);
    }

    private static double[] axpy(double[] x, double eps, double[] r) {
        double[] y = x.clone();
        for (int i = 0; i < y.length; i++) {
            y[i] += eps * r[i];
        }
        return y;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
