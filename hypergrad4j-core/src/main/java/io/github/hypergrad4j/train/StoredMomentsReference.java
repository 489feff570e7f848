package io.github.hypergrad4j.train;

import io.github.hypergrad4j.model.ParameterLayout;
import io.github.hypergrad4j.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Plain float64 Adam, AdamW and RMSprop with momentum that store (w_t, m_t, s_t) for every step and
 * differentiate through the stored trajectory: the oracle for their exact rules. Written from the
 * update formulas on their own (one loop per step and parameter, the bias-correction terms summed
 * over all later steps directly), sharing nothing with the exact rules but the resolved
 * hyperparameters, so that both use the same values.
 */
final class StoredMomentsReference {
    private final ParameterLayout layout;
    private final TrainingLoss loss;
    private final boolean adam;

    StoredMomentsReference(ParameterLayout layout, TrainingLoss loss, Optimizer optimizer) {
        this.layout = layout;
        this.loss = loss;
        this.adam = optimizer.kind() != Optimizer.Kind.RMSPROP_MOMENTUM;
    }

    /** The trajectory, w[t], m[t], s[t] for t = 0..T, and each step's gradient and loss. */
    private record Trajectory(double[][] w, double[][] m, double[][] s, double[] losses) {}

    private Trajectory run(double[] w0, double[] m0, StepHyperparameters h, Theta theta) {
        int steps = h.steps;
        double[][] ws = new double[steps + 1][], ms = new double[steps + 1][], ss = new double[steps + 1][];
        ws[0] = w0.clone();
        ms[0] = m0.clone();
        ss[0] = new double[w0.length];
        double[] losses = new double[steps];
        for (int t = 0; t < steps; t++) {
            LossDerivatives d = LossDerivatives.gradient(loss, t, ws[t], theta);
            losses[t] = d.loss;
            double[] w = ws[t].clone(), m = ms[t].clone(), s = ss[t].clone();
            for (int grp = 0; grp < layout.groupCount(); grp++) {
                ParameterLayout.Group group = layout.group(grp);
                double a = h.alpha[t][grp], b1 = h.beta1[t][grp].value(), b2 = h.beta2[t][grp].value();
                double eps = h.eps[t][grp];
                double rho = h.decay[t][grp] == null ? 1 : h.decay[t][grp].value();
                for (int i = group.offset(); i < group.end(); i++) {
                    double g = d.gradient[i];
                    s[i] = b2 * s[i] + (1 - b2) * g * g;
                    if (adam) {
                        m[i] = b1 * m[i] + (1 - b1) * g;
                        double mhat = m[i] / h.c1[t][grp], shat = s[i] / h.c2[t][grp];
                        w[i] = rho * w[i] - a * mhat / Math.sqrt(shat + eps * eps);
                    } else {
                        m[i] = b1 * m[i] + g / Math.sqrt(s[i] + eps * eps);
                        w[i] = w[i] - a * m[i];
                    }
                }
            }
            ws[t + 1] = w;
            ms[t + 1] = m;
            ss[t + 1] = s;
        }
        return new Trajectory(ws, ms, ss, losses);
    }

    double[] train(double[] w0, double[] m0, StepHyperparameters h, Theta theta) {
        return run(w0, m0, h, theta).w()[h.steps];
    }

    Hypergradient hypergradient(double[] w0, double[] m0, StepHyperparameters h, Theta theta, Objective objective) {
        int p = layout.size(), steps = h.steps, groups = layout.groupCount();
        Trajectory tr = run(w0, m0, h, theta);
        LossDerivatives.ObjectiveDerivatives f = LossDerivatives.objective(objective, tr.w()[steps], theta);
        double[] dw = f.dWeights(), dm = new double[p], ds = new double[p], dg = new double[p];
        Map<String, Tensor> dTheta = new LinkedHashMap<>();
        f.dTheta().forEach((k, t) -> dTheta.put(k, t.copy()));
        double[][] dAlpha = new double[steps][groups], dBeta1 = new double[steps][groups];
        double[][] dBeta2 = new double[steps][groups], dEps = new double[steps][groups];
        double[][] dDecay = new double[steps][groups];
        for (int t = steps - 1; t >= 0; t--) {
            double[] w = tr.w()[t], m1 = tr.m()[t + 1], s1 = tr.s()[t + 1], m = tr.m()[t], s = tr.s()[t];
            double[] g = LossDerivatives.gradient(loss, t, w, theta).gradient;
            for (int grp = 0; grp < groups; grp++) {
                ParameterLayout.Group group = layout.group(grp);
                double a = h.alpha[t][grp], b1 = h.beta1[t][grp].value(), b2 = h.beta2[t][grp].value();
                double eps = h.eps[t][grp], c1 = h.c1[t][grp], c2 = h.c2[t][grp];
                double rho = h.decay[t][grp] == null ? 1 : h.decay[t][grp].value();
                double dc1 = 0, dc2 = 0;
                for (int i = group.offset(); i < group.end(); i++) {
                    double dW = dw[i], dM, dS = ds[i];
                    if (adam) {
                        // w1 = rho w - a (m1 / c1) (s1 / c2 + eps^2)^(-1/2)
                        double den = s1[i] / c2 + eps * eps, r = 1 / Math.sqrt(den), mh = m1[i] / c1;
                        double du = -a * dW; // adjoint of the update term mh * r
                        dAlpha[t][grp] += -dW * mh * r;
                        dDecay[t][grp] += -a * dW * w[i];
                        dM = dm[i] + du * r / c1;
                        dS += du * mh * (-0.5) * r * r * r / c2;
                        dc1 += du * (-m1[i] / (c1 * c1)) * r;
                        dc2 += du * mh * (-0.5) * r * r * r * (-s1[i] / (c2 * c2));
                        dEps[t][grp] += du * mh * (-0.5) * r * r * r * 2 * eps;
                        // m1 = b1 m + (1 - b1) g
                        dBeta1[t][grp] += dM * (m[i] - g[i]);
                        dg[i] = (1 - b1) * dM;
                    } else {
                        // w1 = w - a m1; m1 = b1 m + g (s1 + eps^2)^(-1/2)
                        dAlpha[t][grp] += -dW * m1[i];
                        dM = dm[i] - a * dW;
                        double r = 1 / Math.sqrt(s1[i] + eps * eps);
                        dBeta1[t][grp] += dM * m[i];
                        dS += dM * g[i] * (-0.5) * r * r * r;
                        dEps[t][grp] += dM * g[i] * (-0.5) * r * r * r * 2 * eps;
                        dg[i] = dM * r;
                    }
                    // s1 = b2 s + (1 - b2) g^2
                    dBeta2[t][grp] += dS * (s[i] - g[i] * g[i]);
                    dg[i] += 2 * (1 - b2) * g[i] * dS;
                    dm[i] = b1 * dM;
                    ds[i] = b2 * dS;
                    dw[i] = rho * dW;
                }
                // c1_t = 1 - prod_{k <= t} beta1_k: its derivative with respect to each beta1_k, k <= t.
                if (adam) {
                    for (int k = 0; k <= t; k++) {
                        dBeta1[k][grp] += dc1 * -(h.product1[t][grp] / h.beta1[k][grp].value());
                        dBeta2[k][grp] += dc2 * -(h.product2[t][grp] / h.beta2[k][grp].value());
                    }
                }
            }
            LossDerivatives d = LossDerivatives.withDirection(loss, t, w, theta, dg);
            for (int i = 0; i < p; i++) {
                dw[i] += d.hessianTimesU[i];
            }
            d.mixedTimesU.forEach((name, x) -> {
                double[] acc = dTheta.get(name).data(), y = x.data();
                for (int i = 0; i < acc.length; i++) {
                    acc[i] += y[i];
                }
            });
        }
        return new Hypergradient(f.value(), tr.w()[steps].clone(), dw, dm, dAlpha, dBeta1, dTheta, tr.losses(), 0,
                dBeta2, dEps, dDecay);
    }
}
