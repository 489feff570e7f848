package io.github.hypergrad4j.train;

import io.github.hypergrad4j.autodiff.Dual;
import io.github.hypergrad4j.autodiff.RecordedGradient;
import io.github.hypergrad4j.autodiff.Tape;
import io.github.hypergrad4j.autodiff.Var;
import io.github.hypergrad4j.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One evaluation of a training loss and its derivatives at given weights. With a direction u it
 * also returns H_ww u and, per hyperparameter, grad_theta(u . grad_w L), all from one
 * forward-over-reverse pass. The gradient's bits do not depend on whether u is given: the dual
 * values are computed by the very same kernels as the plain ones. When the direction depends on the
 * gradient (Adam, RMSprop), {@link #recorded} gives the gradient first and {@link
 * Recording#withDirection} the rest afterwards, with the same bits as {@link #withDirection} and
 * without recomputing the pass's values.
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
        // The data are scanned once, at step 0 (usually the whole training set is a constant; later
        // steps read the same tensors), and whenever the loss is not finite.
        if (step == 0 || !Double.isFinite(out.item())) {
            NonFiniteInputException bad = FiniteInputs.badData(tape, step, "the training loss at step " + step,
                    "the training set", out.item());
            if (bad != null) {
                throw bad;
            }
        }
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

    /**
     * The gradient at {@code weights}, evaluated as {@link #withDirection} evaluates it (every
     * hyperparameter differentiable) but without a direction, keeping the pass for {@link
     * Recording#withDirection}.
     */
    static Recording recorded(TrainingLoss loss, int step, double[] weights, Theta theta) {
        Tape tape = new Tape();
        Var w = tape.input(Tensor.of(weights, weights.length));
        Map<String, Var> vars = inputs(tape, theta);
        Var out = loss.at(step, w, new ThetaVars(vars));
        return new Recording(out.item(), w, vars, tape.recordGradient(out, withWeightsFirst(w, vars)));
    }

    /** A recorded gradient pass at one point: its gradient now, H u and the mixed products for a u given later. */
    static final class Recording {
        final double loss;
        final double[] gradient;
        private final Var weights;
        private final Map<String, Var> vars;
        private final RecordedGradient record;

        private Recording(double loss, Var weights, Map<String, Var> vars, RecordedGradient record) {
            this.loss = loss;
            this.gradient = record.gradient(0).data();
            this.weights = weights;
            this.vars = vars;
            this.record = record;
        }

        /** Bit for bit {@link LossDerivatives#withDirection} at the recorded point along u. */
        LossDerivatives withDirection(double[] u) {
            Dual[] g = record.alongDirection(weights, Tensor.of(u, u.length));
            Map<String, Tensor> mixed = new LinkedHashMap<>();
            int k = 1;
            for (String name : vars.keySet()) {
                mixed.put(name, g[k++].tangentOrZeros());
            }
            return new LossDerivatives(loss, gradient, g[0].tangentOrZeros().data(), mixed);
        }
    }

    /** Value and gradients (weights and every hyperparameter) of the objective at the trained weights. */
    static ObjectiveDerivatives objective(Objective objective, double[] weights, Theta theta) {
        Tape tape = new Tape();
        ObjectiveDerivatives f = full(objective, tape, weights, theta);
        NonFiniteInputException bad = FiniteInputs.badData(tape, -1, "the objective", "the validation set", f.value());
        if (bad != null) {
            throw bad;
        }
        if (!Double.isFinite(f.value())) {
            throw new TrainingDivergedException(-1, "the objective is " + f.value() + " at the trained weights,"
                    + " although its data are finite and every training loss was: it overflows there; training"
                    + " probably went somewhere extreme, so lower the learning rates or initial scales", null);
        }
        return f;
    }

    /**
     * The public evaluation ({@link Objective#evaluate}, {@link TrainingLoss#evaluate}): checks the
     * inputs, and reports non-finite data rather than returning a NaN that hides them.
     */
    static Evaluation evaluate(Objective function, String role, double[] weights, Theta theta) {
        FiniteInputs.requireFinite("the weights", weights, null, "weights to evaluate at must be finite");
        FiniteInputs.requireFinite(theta);
        Tape tape = new Tape();
        ObjectiveDerivatives f = full(function, tape, weights, theta);
        NonFiniteInputException bad = FiniteInputs.badData(tape, -1, role, "the test or validation set", f.value());
        if (bad != null) {
            throw bad;
        }
        return new Evaluation(f.value(), f.dWeights(), f.dTheta());
    }

    /** Value and gradients with respect to the weights and every hyperparameter, on {@code tape}. */
    private static ObjectiveDerivatives full(Objective objective, Tape tape, double[] weights, Theta theta) {
        Var w = tape.input(Tensor.of(weights.clone(), weights.length));
        Map<String, Var> vars = inputs(tape, theta);
        Var out = objective.at(w, new ThetaVars(vars));
        Dual[] g = tape.gradient(out, withWeightsFirst(w, vars));
        Map<String, Tensor> dTheta = new LinkedHashMap<>();
        int k = 1;
        for (String name : vars.keySet()) {
            dTheta.put(name, g[k++].value().copy());
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
