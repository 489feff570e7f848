package io.github.hypergrad4j.experiments.meta;

import io.github.hypergrad4j.report.ResultsSection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a meta-optimisation recorded at each meta-iteration: the learning curve of its training run
 * and named metrics of the final weights (losses, error rates...). Iteration 0 is before any
 * hyperparameter update; the last one is after the last update.
 */
public final class MetaHistory {
    private final List<double[]> curves = new ArrayList<>();
    private final Map<String, List<Double>> metrics = new LinkedHashMap<>();
    private final Map<String, double[]> firstIterationData = new LinkedHashMap<>();

    /**
     * Records a meta-iteration; {@code firstData} is kept when this is the first one recorded (see
     * {@link MetaResult#firstIterationData()}).
     */
    public void add(double[] learningCurve, Map<String, Double> values, Map<String, double[]> firstData) {
        if (curves.isEmpty()) {
            firstData.forEach((k, v) -> firstIterationData.put(k, v.clone()));
        }
        add(learningCurve, values);
    }

    public void add(double[] learningCurve, Map<String, Double> values) {
        if (!curves.isEmpty() && !metrics.keySet().equals(values.keySet())) {
            throw new IllegalArgumentException("metrics " + values.keySet() + " differ from the earlier " + metrics.keySet());
        }
        curves.add(learningCurve.clone());
        values.forEach((k, v) -> metrics.computeIfAbsent(k, key -> new ArrayList<>()).add(v));
    }

    /**
     * Records a meta-iteration whose training run diverged: a learning curve of NaN as long as the
     * earlier ones and NaN for every metric (shown as gaps in the figures, null in results.json).
     */
    public void addMissing() {
        if (curves.isEmpty()) {
            throw new IllegalStateException("no earlier meta-iteration to take the curve length and metric names from");
        }
        double[] curve = new double[curves.get(0).length];
        java.util.Arrays.fill(curve, Double.NaN);
        curves.add(curve);
        metrics.values().forEach(v -> v.add(Double.NaN));
    }

    /** Every metric over the meta-iterations, in recording order (for checkpoints). */
    public Map<String, double[]> metrics() {
        Map<String, double[]> m = new LinkedHashMap<>();
        metrics.keySet().forEach(k -> m.put(k, metric(k)));
        return m;
    }

    /** The arrays kept from meta-iteration 0 (for checkpoints and figures), each a copy. */
    public Map<String, double[]> firstIterationData() {
        Map<String, double[]> m = new LinkedHashMap<>();
        firstIterationData.forEach((k, v) -> m.put(k, v.clone()));
        return m;
    }

    /** One array kept from meta-iteration 0. */
    public double[] firstIterationData(String name) {
        double[] v = firstIterationData.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no data '" + name + "' kept from the first meta-iteration; kept: "
                    + firstIterationData.keySet());
        }
        return v.clone();
    }

    /** A history with these curves, metrics and first-iteration data (from a checkpoint). */
    public static MetaHistory of(double[][] curves, Map<String, double[]> metrics, Map<String, double[]> firstData) {
        MetaHistory h = new MetaHistory();
        firstData.forEach((k, v) -> h.firstIterationData.put(k, v.clone()));
        for (double[] c : curves) {
            h.curves.add(c.clone());
        }
        metrics.forEach((k, v) -> {
            if (v.length != curves.length) {
                throw new IllegalArgumentException("metric " + k + " has " + v.length + " values for " + curves.length
                        + " meta-iterations");
            }
            List<Double> list = new ArrayList<>();
            for (double x : v) {
                list.add(x);
            }
            h.metrics.put(k, list);
        });
        return h;
    }

    /** Number of meta-iterations recorded. */
    public int size() {
        return curves.size();
    }

    /** 0, 1, ..., size() - 1. */
    public double[] iterations() {
        double[] x = new double[size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
        }
        return x;
    }

    /** Learning curves, [meta-iteration][step]. */
    public double[][] curves() {
        return curves.stream().map(double[]::clone).toArray(double[][]::new);
    }

    /** One metric over the meta-iterations. */
    public double[] metric(String name) {
        List<Double> v = metrics.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no metric '" + name + "'; recorded: " + metrics.keySet());
        }
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }

    public double first(String name) {
        return metric(name)[0];
    }

    public double last(String name) {
        double[] m = metric(name);
        return m[m.length - 1];
    }

    /** Records the curves, every metric and the first iteration's kept data under {@code section}. */
    public void record(ResultsSection section) {
        section.put("learningCurves", curves());
        for (String name : metrics.keySet()) {
            section.put(name, metric(name));
        }
        if (!firstIterationData.isEmpty()) {
            ResultsSection first = section.section("firstIteration");
            firstIterationData.forEach(first::put);
        }
    }
}
