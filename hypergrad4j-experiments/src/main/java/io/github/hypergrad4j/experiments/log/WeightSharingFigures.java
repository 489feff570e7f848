package io.github.hypergrad4j.experiments.log;

import io.github.hypergrad4j.experiments.meta.MetaFigures;
import io.github.hypergrad4j.experiments.meta.MetaHistory;
import io.github.hypergrad4j.model.WeightMixing;
import io.github.hypergrad4j.plot.ColourScale;
import io.github.hypergrad4j.plot.ImageGrid;
import io.github.hypergrad4j.plot.Panels;
import io.github.hypergrad4j.plot.Table;
import io.github.hypergrad4j.tensor.Tensor;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The weight-sharing figure: sharing matrices of the three arms, a table of losses, the meta-learning curve. */
final class WeightSharingFigures {
    private WeightSharingFigures() {}

    /**
     * @param armNames one per arm, in the order of {@code arms} and {@code scores}
     * @param arms each arm's sharing matrix per mixing block
     * @param scores each arm's metrics (trainLoss, validationLoss, testLoss, testError)
     */
    static BufferedImage figure(List<String> taskNames, WeightMixing mixing, List<String> armNames,
            List<Map<String, Tensor>> arms, List<Map<String, Double>> scores, MetaHistory history) {
        int layers = mixing.blocks().size(), k = taskNames.size();
        double[][] images = new double[arms.size() * layers][];
        String[] labels = new String[images.length];
        for (int a = 0; a < arms.size(); a++) {
            for (int l = 0; l < layers; l++) {
                WeightMixing.Block b = mixing.blocks().get(l);
                images[a * layers + l] = WeightMixing.correlation(arms.get(a).get(b.name())).data();
                labels[a * layers + l] = armNames.get(a) + ", layer " + (l + 1);
            }
        }
        BufferedImage matrices = ImageGrid.of(images, k, k).columns(layers).zoom(Math.max(6, 240 / k)).labels(labels)
                .title("Sharing between tasks: T T^T with unit diagonal (rows, columns: tasks 1.." + k + ")")
                .scale(new ColourScale(ColourScale.Map.DIVERGING, -1, 1), "correlation").render();
        String[][] rows = new String[arms.size()][];
        for (int a = 0; a < arms.size(); a++) {
            Map<String, Double> s = scores.get(a);
            rows[a] = new String[] {armNames.get(a), f(s.get("trainLoss")), f(s.get("validationLoss")),
                f(s.get("testLoss")), String.format(Locale.ROOT, "%.1f%%", 100 * s.get("testError"))};
        }
        BufferedImage table = Table.of("Mean over the tasks", new String[] {"arm", "train loss", "validation loss",
            "test loss", "test error"}, rows).render();
        String[][] names = new String[k][];
        for (int t = 0; t < k; t++) {
            names[t] = new String[] {String.valueOf(t + 1), taskNames.get(t)};
        }
        BufferedImage legend = Table.of("Tasks", new String[] {"#", "task"}, names).render();
        return Panels.column(matrices, Panels.row(table, legend),
                MetaFigures.metaCurve(history, "Learned sharing: meta-learning curve", "Mean loss per task",
                        new String[] {"trainLoss", "validationLoss", "testLoss"},
                        new String[] {"Training loss", "Validation loss", "Test loss"}));
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
