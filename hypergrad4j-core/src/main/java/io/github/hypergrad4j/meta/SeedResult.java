package io.github.hypergrad4j.meta;

import java.io.Serializable;
import java.util.List;

/**
 * What one hypergradient evaluation returns: the objective, its gradient with respect to the flat
 * hyperparameter vector, and the training loss of each inner step (a learning curve). Sums of
 * results are always formed by {@link #sumInOrder}, one fixed left-to-right order, so every engine
 * that evaluates the same tasks gives the same bits.
 *
 * @param objective the objective after training, for this seed (or the sum or mean over seeds)
 * @param gradient its gradient with respect to the flat hyperparameter vector
 * @param learningCurve the training loss before each inner step
 * @serial exclude (the serial form of a record is its components, documented above)
 */
public record SeedResult(double objective, double[] gradient, double[] learningCurve) implements Serializable {

    /**
     * Elementwise sum of the results in list order.
     *
     * @param results results of the same problem, at least one
     * @return their sum, added left to right
     */
    public static SeedResult sumInOrder(List<SeedResult> results) {
        if (results.isEmpty()) {
            throw new IllegalArgumentException("no results to sum: give at least one seed");
        }
        SeedResult first = results.get(0);
        double objective = 0;
        double[] gradient = new double[first.gradient().length];
        double[] curve = new double[first.learningCurve().length];
        for (SeedResult r : results) {
            if (r.gradient().length != gradient.length || r.learningCurve().length != curve.length) {
                throw new IllegalArgumentException("results of different sizes cannot be summed");
            }
            objective += r.objective();
            for (int i = 0; i < gradient.length; i++) {
                gradient[i] += r.gradient()[i];
            }
            for (int i = 0; i < curve.length; i++) {
                curve[i] += r.learningCurve()[i];
            }
        }
        return new SeedResult(objective, gradient, curve);
    }

    /**
     * This result divided by {@code n} (a sum turned into a mean).
     *
     * @param n the number of results summed, positive
     * @return a new result
     */
    public SeedResult dividedBy(int n) {
        double[] g = gradient.clone(), c = learningCurve.clone();
        for (int i = 0; i < g.length; i++) {
            g[i] /= n;
        }
        for (int i = 0; i < c.length; i++) {
            c[i] /= n;
        }
        return new SeedResult(objective / n, g, c);
    }
}
