package io.github.hypergrad4j.train;

import io.github.hypergrad4j.autodiff.Dual;
import io.github.hypergrad4j.autodiff.Tape;
import io.github.hypergrad4j.autodiff.Var;
import io.github.hypergrad4j.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One evaluation of a training loss and its derivatives at given weights. With a direction u it
 * also returns H_ww u and, per hyperparameter, grad_theta(u . grad_w L), all from one
 * forward-over-reverse pass. The gradient's bits do not depend on whether u is given: the dual
 * values are computed by the very same kernels as the plain ones.
 */
final class LossDerivatives {
    final double loss;
    final double[] gradient;
    /** H u, or null when no direction was given. */
    final double[] hessianTimesU;
    /** grad_theta(u . grad_w L) per hyperparameter, or empty when no direction was given. */
    final Map<String, Tensor> mixedTimesU;

    private LossDerivatives(double loss, double[] gradient, double[] hessianTimesU, Map<String, Tensor> mixedTimesU) {
        this.loss = loss;
        this.gradient = gradient;
        this.hessianTimesU = hessianTimesU;
        this.mixedTimesU = mixedTimesU;
    }

    /** Loss and weight gradient only; hyperparameters enter as constants. */
    static LossDerivatives gradient(TrainingLoss loss, int step, double[] weights, Theta theta) {
        Tape tape = new Tape();
        Var w = tape.input(Tensor.of(weights, weights.length));
        Map<String, Var> vars = new LinkedHashMap<>();
        theta.asMap().forEach((name, value) -> vars.put(name, tape.constant(value)));
        Var out = loss.at(step, w, new ThetaVars(vars));
        Dual[] g = tape.gradient(out, w);
        return new LossDerivatives(out.item(), g[0].value().data(), null, Map.of());
    }

    /** Loss, gradient, H u and the mixed products along u for every hyperparameter. */
    static LossDerivatives withDirection(TrainingLoss loss, int step, double[] weights, Theta theta, double[] u) {
        Tape tape = new Tape();
        Var w = tape.input(Tensor.of(weights, weights.length), Tensor.of(u, u.length));
        Map<String, Var> vars = inputs(tape, theta);
        Var out = loss.at(step, w, new ThetaVars(vars));
        Dual[] g = tape.gradient(out, withWeightsFirst(w, vars));
        Map<String, Tensor> mixed = new LinkedHashMap<>();
        int k = 1;
        for (String name : vars.keySet()) {
            mixed.put(name, g[k++].tangentOrZeros());
        }
        return new LossDerivatives(out.item(), g[0].value().data(), g[0].tangentOrZeros().data(), mixed);
    }

    /** Value and gradients (weights and every hyperparameter) of an objective. */
    static ObjectiveDerivatives objective(Objective objective, double[] weights, Theta theta) {
        Tape tape = new Tape();
        Var w = tape.input(Tensor.of(weights, weights.length));
        Map<String, Var> vars = inputs(tape, theta);
        Var out = objective.at(w, new ThetaVars(vars));
        Dual[] g = tape.gradient(out, withWeightsFirst(w, vars));
        Map<String, Tensor> dTheta = new LinkedHashMap<>();
        int k = 1;
        for (String name : vars.keySet()) {
            dTheta.put(name, g[k++].value().copy());
        }
        if (!Double.isFinite(out.item())) {
            throw new TrainingDivergedException(-1, "the objective is " + out.item() + " at the final weights;"
                    + " training diverged: lower the learning rates or initial scales", null);
        }
        return new ObjectiveDerivatives(out.item(), g[0].value().data().clone(), dTheta);
    }

    /** Every hyperparameter as a differentiable tape input, in Theta's order. */
    private static Map<String, Var> inputs(Tape tape, Theta theta) {
        Map<String, Var> vars = new LinkedHashMap<>();
        theta.asMap().forEach((name, value) -> vars.put(name, tape.input(value)));
        return vars;
    }

    /** The weights, then the hyperparameters in order: what the gradient is taken with respect to. */
    private static Var[] withWeightsFirst(Var w, Map<String, Var> vars) {
        Var[] wrt = new Var[1 + vars.size()];
        wrt[0] = w;
        int k = 1;
        for (Var v : vars.values()) {
            wrt[k++] = v;
        }
        return wrt;
    }

    record ObjectiveDerivatives(double value, double[] dWeights, Map<String, Tensor> dTheta) {}
}
