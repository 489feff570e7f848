package io.github.hypergrad4j.experiments;

import io.github.hypergrad4j.meta.MetaOptimizer;
import io.github.hypergrad4j.train.Hypergradient;
import io.github.hypergrad4j.train.Objective;
import io.github.hypergrad4j.train.ReversibleTrainer;
import io.github.hypergrad4j.train.Schedule;
import io.github.hypergrad4j.train.StepListener;
import io.github.hypergrad4j.train.Theta;
import io.github.hypergrad4j.train.TrainingDivergedException;
import java.util.Locale;
import java.util.Map;

/**
 * Hypergradient descent: train, reverse the training run to get the exact gradient of the
 * meta-objective (a validation loss) with respect to the hyperparameters, step them, repeat. Every
 * meta-iteration's learning curve and metrics go into a {@link MetaHistory}; after the last update one
 * more forward run measures where the hyperparameters ended up.
 */
final class MetaTraining {

    /** The hyperparameters being optimised: a flat vector x, how it enters training, and the chain rule back. */
    interface Hyperparameters {
        /** The live vector x the meta-optimiser steps in place. */
        double[] values();

        /** The hyperparameters for the current x. */
        Theta theta();

        /** d objective / dx from a hypergradient. */
        double[] gradient(Hypergradient h);
    }

    /** Metrics of one meta-iteration's final weights, in a fixed order. */
    @FunctionalInterface
    interface Evaluation {
        Map<String, Double> at(double[] finalWeights, Theta theta);
    }

    private final ReversibleTrainer trainer;
    private final double[] w0;
    private final Schedule schedule;
    private final Objective objective;
    private final Evaluation evaluation;

    MetaTraining(ReversibleTrainer trainer, double[] w0, Schedule schedule, Objective objective, Evaluation evaluation) {
        this.trainer = trainer;
        this.w0 = w0.clone();
        this.schedule = schedule;
        this.objective = objective;
        this.evaluation = evaluation;
    }

    /**
     * Runs {@code metaIterations} hypergradient steps and returns metaIterations + 1 records.
     *
     * @param headline the metric shown in the progress line (a recorded metric's name)
     * @throws TrainingDivergedException naming the meta-iteration, if a training run diverges
     */
    MetaHistory run(Hyperparameters hyper, MetaOptimizer optimizer, int metaIterations, Progress.Task task,
            String headline) {
        MetaHistory history = new MetaHistory();
        double[] v0 = new double[w0.length];
        for (int i = 0; i <= metaIterations; i++) {
            Theta theta = hyper.theta();
            double[] curve = new double[schedule.steps()];
            StepListener listener = (step, loss, weights) -> curve[step] = loss;
            double[] finalWeights;
            double[] gradient = null;
            try {
                if (i < metaIterations) {
                    Hypergradient h = trainer.hypergradient(w0, v0, schedule, theta, objective, listener);
                    finalWeights = h.finalWeights();
                    gradient = hyper.gradient(h);
                } else {
                    finalWeights = trainer.train(w0, v0, schedule, theta, listener);
                }
            } catch (TrainingDivergedException e) {
                throw new TrainingDivergedException(e.step(), "meta-iteration " + i + ": " + e.getMessage()
                        + (i > 0 ? "; the hyperparameters moved too far: try a smaller meta step" : ""), e);
            }
            Map<String, Double> metrics = evaluation.at(finalWeights, theta);
            history.add(curve, metrics);
            task.advance(1, String.format(Locale.ROOT, "meta %d/%d %s %.4f", i, metaIterations, words(headline),
                    metrics.get(headline)));
            if (gradient != null) {
                optimizer.stepInPlace(hyper.values(), gradient);
            }
        }
        return history;
    }

    /** "validationLoss" as "validation loss", for progress lines. */
    static String words(String camelCase) {
        return camelCase.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    }
}
