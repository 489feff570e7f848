package io.github.hypergrad4j.experiments.sweep;

import io.github.hypergrad4j.experiments.Progress;
import io.github.hypergrad4j.train.Hypergradient;
import io.github.hypergrad4j.train.Objective;
import io.github.hypergrad4j.train.ReversibleTrainer;
import io.github.hypergrad4j.train.StepListener;
import io.github.hypergrad4j.train.TrainingDivergedException;
import java.util.Arrays;
import java.util.Locale;

/**
 * Trains from every point of a {@link SweepGrid} for every iteration count and records the final
 * objective and its exact derivative with respect to the swept hyperparameter (one reversible
 * forward-and-backward run per point). A run that diverges is recorded as NaN, not an error: where
 * that happens is part of what a sweep shows.
 */
public final class Sweep {
    private final ReversibleTrainer trainer;
    private final Objective objective;
    private final SweepVariable variable;

    public Sweep(ReversibleTrainer trainer, Objective objective, SweepVariable variable) {
        this.trainer = trainer;
        this.objective = objective;
        this.variable = variable;
    }

    public SweepResult run(SweepGrid grid, Progress.Task task) {
        double[] x = grid.values();
        int[] iterations = grid.iterations();
        double[][] loss = new double[iterations.length][x.length];
        double[][] derivative = new double[iterations.length][x.length];
        double[] v0 = new double[trainer.layout().size()];
        for (int r = 0; r < iterations.length; r++) {
            int steps = iterations[r];
            for (int i = 0; i < x.length; i++) {
                String at = String.format(Locale.ROOT, "T=%d %s=%.2f", steps, variable.symbol(), x[i]);
                try {
                    Hypergradient h = trainer.hypergradient(variable.initialWeights(x[i]), v0,
                            variable.schedule(x[i], steps), variable.theta(x[i]), objective, StepListener.NONE);
                    loss[r][i] = h.objective();
                    derivative[r][i] = variable.derivative(x[i], h);
                    task.advance(steps + 1, String.format(Locale.ROOT, "%s loss %.4g", at, loss[r][i]));
                } catch (TrainingDivergedException e) {
                    loss[r][i] = Double.NaN;
                    derivative[r][i] = Double.NaN;
                    task.advance(steps + 1, at + " diverged");
                }
            }
        }
        return new SweepResult(x, Arrays.copyOf(iterations, iterations.length), loss, derivative);
    }
}
