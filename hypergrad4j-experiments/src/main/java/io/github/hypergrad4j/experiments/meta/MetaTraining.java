package io.github.hypergrad4j.experiments.meta;

import io.github.hypergrad4j.train.Hypergradient;
import io.github.hypergrad4j.train.Objective;
import io.github.hypergrad4j.train.ReversibleTrainer;
import io.github.hypergrad4j.train.Schedule;
import io.github.hypergrad4j.train.StepListener;
import io.github.hypergrad4j.train.Theta;
import java.util.Locale;
import java.util.Map;

/**
 * The {@link MetaStep} of experiments with one fixed training run whose hyperparameters enter through
 * a {@link Theta} ({@code ard}: per-weight penalties; {@code fake-data}: the training images): train
 * from fixed initial weights, reverse the run for the exact gradient of the meta-objective (a
 * validation loss), and chain it back to the flat vector x.
 */
public final class MetaTraining implements MetaStep {

    /** How the flat vector x enters training, and the chain rule back. */
    public interface Hyperparameters {
        /** The hyperparameters for x. */
        Theta theta(double[] x);

        /** d objective / dx from a hypergradient taken at x. */
        double[] gradient(double[] x, Hypergradient h);
    }

    /** Metrics of one meta-iteration's final weights, in a fixed order. */
    @FunctionalInterface
    public interface Evaluation {
        Map<String, Double> at(double[] finalWeights, Theta theta);
    }

    private final ReversibleTrainer trainer;
    private final double[] w0;
    private final Schedule schedule;
    private final Objective objective;
    private final Hyperparameters hyper;
    private final Evaluation evaluation;

    public MetaTraining(ReversibleTrainer trainer, double[] w0, Schedule schedule, Objective objective, Hyperparameters hyper,
            Evaluation evaluation) {
        this.trainer = trainer;
        this.w0 = w0.clone();
        this.schedule = schedule;
        this.objective = objective;
        this.hyper = hyper;
        this.evaluation = evaluation;
    }

    @Override
    public MetaResult evaluate(double[] x, int metaIteration, boolean withGradient) {
        Theta theta = hyper.theta(x);
        double[] curve = new double[schedule.steps()];
        StepListener listener = (step, loss, weights) -> curve[step] = loss;
        double[] v0 = new double[w0.length];
        double[] finalWeights;
        double[] gradient = null;
        double value = Double.NaN;
        if (withGradient) {
            Hypergradient h = trainer.hypergradient(w0, v0, schedule, theta, objective, listener);
            finalWeights = h.finalWeights();
            gradient = hyper.gradient(x, h);
            value = h.objective();
        } else {
            finalWeights = trainer.train(w0, v0, schedule, theta, listener);
        }
        return new MetaResult(value, gradient, curve, evaluation.at(finalWeights, theta));
    }

    /** "validationLoss" as "validation loss", for progress lines. */
    public static String words(String camelCase) {
        return camelCase.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    }
}
