package io.github.hypergrad4j.train;

import io.github.hypergrad4j.model.ParameterLayout;
import io.github.hypergrad4j.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Plain float64 training that stores the state (w_t, v_t, and for Adam and RMSprop s_t) for every
 * step and differentiates through the stored trajectory: what an unrolled-graph approach does. It
 * needs memory proportional to the number of steps, so it is the oracle for the {@link
 * ReversibleTrainer} in tests and its memory baseline in benchmarks, not a tool for long runs. For SGD
 * with momentum, momentums are used exactly as given: pass multiples of 2^-16 to compare with the
 * exact trainer. For the other optimisers the hyperparameters are resolved as the exact trainer
 * resolves them (the same rationals n / 2^16 and AdamW contractions), and the arithmetic is float64.
 */
public final class StoredTrajectoryTrainer {
    private final ParameterLayout layout;
    private final TrainingLoss loss;
    private final Optimizer optimizer;

    /**
     * A reference trainer for a model and its training loss.
     *
     * @param layout the model's parameters and their groups
     * @param loss the training loss
     */
    public StoredTrajectoryTrainer(ParameterLayout layout, TrainingLoss loss) {
        this(layout, loss, Optimizer.sgdMomentum());
    }

    /**
     * A reference trainer for the given optimiser, computed in float64 through a stored trajectory;
     * memory grows with the number of steps.
     *
     * @param layout the model's parameters and their groups
     * @param loss the training loss
     * @param optimizer the update rule, resolved from the schedule exactly as the {@link
     *     ReversibleTrainer} resolves it (same quantised factors); not null
     */
    public StoredTrajectoryTrainer(ParameterLayout layout, TrainingLoss loss, Optimizer optimizer) {
        this.layout = layout;
        this.loss = loss;
        this.optimizer = java.util.Objects.requireNonNull(optimizer, "the optimiser");
    }

    /**
     * Trains in float64, storing every (w_t, v_t), then differentiates backwards through the stored steps.
     *
     * @param w0 the initial weights; not modified
     * @param v0 the initial velocity; not modified
     * @param schedule learning rates and momentums, used exactly as given
     * @param theta the hyperparameters the loss and objective read
     * @param objective f(w_T, theta)
     * @return the objective and its gradients, as {@link ReversibleTrainer#hypergradient} returns them
     *     ({@code bufferBits} is 0)
     */
    public Hypergradient hypergradient(double[] w0, double[] v0, Schedule schedule, Theta theta, Objective objective) {
        if (optimizer.hasSecondMoment()) {
            checkShapes(w0, v0);
            return new StoredMomentsReference(layout, loss, optimizer).hypergradient(w0, v0, optimizer.resolve(schedule),
                    theta, objective);
        }
        int p = layout.size(), steps = schedule.steps(), groups = layout.groupCount();
        if (w0.length != p || v0.length != p) {
            throw new IllegalArgumentException("initial state must have " + p + " parameters");
        }
        double[][] ws = new double[steps + 1][], vs = new double[steps + 1][];
        ws[0] = w0.clone();
        vs[0] = v0.clone();
        double[] losses = new double[steps];
        for (int t = 0; t < steps; t++) {
            LossDerivatives d = LossDerivatives.gradient(loss, t, ws[t], theta);
            losses[t] = d.loss;
            double[] w = ws[t].clone(), v = vs[t].clone();
            for (int g = 0; g < groups; g++) {
                ParameterLayout.Group grp = layout.group(g);
                double a = schedule.alpha(t, g), b = schedule.beta(t, g);
                for (int i = grp.offset(); i < grp.end(); i++) {
                    v[i] = b * v[i] - (1 - b) * d.gradient[i];
                    w[i] = w[i] + a * v[i];
                }
            }
            ws[t + 1] = w;
            vs[t + 1] = v;
        }
        LossDerivatives.ObjectiveDerivatives f = LossDerivatives.objective(objective, ws[steps], theta);
        double[] dw = f.dWeights(), dv = new double[p], u = new double[p];
        Map<String, Tensor> dTheta = new LinkedHashMap<>();
        f.dTheta().forEach((k, t) -> dTheta.put(k, t.copy()));
        double[][] dAlpha = new double[steps][groups], dBeta = new double[steps][groups];
        for (int t = steps - 1; t >= 0; t--) {
            for (int g = 0; g < groups; g++) {
                ParameterLayout.Group grp = layout.group(g);
                double a = schedule.alpha(t, g), b = schedule.beta(t, g), s = 0;
                for (int i = grp.offset(); i < grp.end(); i++) {
                    s += dw[i] * vs[t + 1][i];
                    dv[i] += a * dw[i];
                    u[i] = (1 - b) * dv[i];
                }
                dAlpha[t][g] = s;
            }
            LossDerivatives d = LossDerivatives.withDirection(loss, t, ws[t], theta, u);
            for (int g = 0; g < groups; g++) {
                ParameterLayout.Group grp = layout.group(g);
                double b = schedule.beta(t, g), s = 0;
                for (int i = grp.offset(); i < grp.end(); i++) {
                    s += dv[i] * (vs[t][i] + d.gradient[i]);
                    dw[i] -= d.hessianTimesU[i];
                    dv[i] *= b;
                }
                dBeta[t][g] = s;
            }
            d.mixedTimesU.forEach((name, m) -> {
                double[] acc = dTheta.get(name).data(), x = m.data();
                for (int i = 0; i < acc.length; i++) {
                    acc[i] -= x[i];
                }
            });
        }
        return new Hypergradient(f.value(), ws[steps].clone(), dw, dv, dAlpha, dBeta, dTheta, losses, 0);
    }

    private void checkShapes(double[] w0, double[] v0) {
        if (w0.length != layout.size() || v0.length != layout.size()) {
            throw new IllegalArgumentException("initial state must have " + layout.size() + " parameters");
        }
    }

    /**
     * Trains forwards only and returns the final weights.
     *
     * @param w0 the initial weights; not modified
     * @param v0 the initial velocity; not modified
     * @param schedule learning rates and momentums, used exactly as given
     * @param theta the hyperparameters the loss reads
     * @return w_T, a new array
     */
    public double[] train(double[] w0, double[] v0, Schedule schedule, Theta theta) {
        if (optimizer.hasSecondMoment()) {
            checkShapes(w0, v0);
            return new StoredMomentsReference(layout, loss, optimizer).train(w0, v0, optimizer.resolve(schedule), theta);
        }
        double[] w = w0.clone(), v = v0.clone();
        for (int t = 0; t < schedule.steps(); t++) {
            LossDerivatives d = LossDerivatives.gradient(loss, t, w, theta);
            for (int g = 0; g < layout.groupCount(); g++) {
                ParameterLayout.Group grp = layout.group(g);
                double a = schedule.alpha(t, g), b = schedule.beta(t, g);
                for (int i = grp.offset(); i < grp.end(); i++) {
                    v[i] = b * v[i] - (1 - b) * d.gradient[i];
                    w[i] += a * v[i];
                }
            }
        }
        return w;
    }
}
