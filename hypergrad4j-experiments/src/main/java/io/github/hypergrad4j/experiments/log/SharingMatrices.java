package io.github.hypergrad4j.experiments.log;

import io.github.hypergrad4j.model.TaskNetworks;
import io.github.hypergrad4j.model.WeightMixing;
import io.github.hypergrad4j.tensor.Tensor;
import io.github.hypergrad4j.train.Theta;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The weight-sharing arms' matrices: the fixed ones, their flat form for the meta-optimiser, and what they show. */
final class SharingMatrices {
    private SharingMatrices() {}

    /** Every layer separate, or (tied) the first layer shared by all tasks and the others separate. */
    static Map<String, Tensor> fixedArm(WeightMixing mixing, boolean tiedFirstLayer) {
        Map<String, Tensor> m = new LinkedHashMap<>();
        for (WeightMixing.Block b : mixing.blocks()) {
            boolean tie = tiedFirstLayer && b.name().equals(TaskNetworks.layerName(1));
            m.put(b.name(), tie ? WeightMixing.tied(b.count()) : WeightMixing.identity(b.count()));
        }
        return m;
    }

    static Theta theta(Map<String, Tensor> matrices) {
        Theta t = Theta.empty();
        for (Map.Entry<String, Tensor> e : matrices.entrySet()) {
            t = t.with(e.getKey(), e.getValue());
        }
        return t;
    }

    static double[] flatten(Map<String, Tensor> matrices, WeightMixing mixing) {
        List<double[]> parts = new ArrayList<>();
        int n = 0;
        for (WeightMixing.Block b : mixing.blocks()) {
            double[] d = matrices.get(b.name()).data();
            parts.add(d);
            n += d.length;
        }
        double[] x = new double[n];
        int at = 0;
        for (double[] d : parts) {
            System.arraycopy(d, 0, x, at, d.length);
            at += d.length;
        }
        return x;
    }

    static Map<String, Tensor> unflatten(double[] x, WeightMixing mixing) {
        Map<String, Tensor> m = new LinkedHashMap<>();
        int at = 0;
        for (WeightMixing.Block b : mixing.blocks()) {
            int k = b.count();
            m.put(b.name(), Tensor.of(java.util.Arrays.copyOfRange(x, at, at + k * k), k, k));
            at += k * k;
        }
        return m;
    }

    /**
     * What a learned sharing matrix shows, as three numbers: the mean absolute correlation off the
     * diagonal (how much is shared at all), the mean correlation of each base task with its rotated
     * copy (task k and k + K/2), and the mean correlation of all other pairs.
     */
    static double[] structure(Tensor correlation) {
        int k = correlation.rows(), half = k / 2;
        double abs = 0, rotated = 0, other = 0;
        int nOther = 0;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                double c = correlation.data()[i * k + j];
                if (i == j) {
                    continue;
                }
                abs += Math.abs(c) / (k * (k - 1));
                if (Math.abs(i - j) == half) {
                    rotated += c / (2.0 * half);
                } else {
                    other += c;
                    nOther++;
                }
            }
        }
        return new double[] {abs, rotated, other / nOther};
    }

    static double[][] rows(Tensor t) {
        int k = t.rows();
        double[][] r = new double[k][k];
        for (int i = 0; i < k; i++) {
            System.arraycopy(t.data(), i * k, r[i], 0, k);
        }
        return r;
    }
}
