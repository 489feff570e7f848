package io.github.hypergrad4j.cli;

import io.github.hypergrad4j.experiments.Experiment;
import io.github.hypergrad4j.experiments.log.ScaleWiggliness;
import io.github.hypergrad4j.experiments.sweep.SweepGrid;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code hypergrad4j scale-wiggliness}. */
@Command(name = "scale-wiggliness", sortOptions = false,
        description = {"Jan 9: training loss and its exact derivative vs the log scale s of the initial weights,"
                + " for several training lengths, then a zoomed denser sweep.",
            "Defaults: MLP 784-200-50-10 with tanh before the softmax (the log's), 1,000 examples, batch 250, learning rate 1, momentum 0.9, 20 values of s in"
                + " [-4, 1], 0,1,5,10,20,50,400 iterations; zoom: 100 values in [-2, 1], 10 and 15 iterations."})
public final class ScaleWigglinessCommand extends ExperimentCommand {
    @Mixin
    SweepOptions sweep = new SweepOptions();

    @Mixin
    NetworkOptions network = new NetworkOptions();

    @Option(names = "--box-filter", paramLabel = "L",
            description = "The zoom's high-pass: the loss minus its mean over L points, the log's box filter (default 20,"
                    + " --quick 4); 0 for the loss minus its local quadratic trend.")
    Integer boxFilter;

    @Option(names = "--zoom-iterations", split = ",", paramLabel = "T,T,...", description = "Training lengths of the zoomed sweep.")
    int[] zoomIterations;

    @Option(names = "--zoom-points", paramLabel = "N", description = "Values in the zoomed sweep.")
    Integer zoomPoints;

    @Option(names = "--zoom-from", paramLabel = "S", description = "Start of the zoomed sweep.")
    Double zoomFrom;

    @Option(names = "--zoom-to", paramLabel = "S", description = "End of the zoomed sweep.")
    Double zoomTo;

    @Option(names = "--no-zoom", description = "Skip the zoomed sweep.")
    boolean noZoom;

    @Override
    protected Experiment experiment(boolean quick) {
        ScaleWiggliness.Config c = quick ? ScaleWiggliness.Config.quick() : ScaleWiggliness.Config.defaults();
        c = c.withData(sweep.trainSize(c.trainSize()), sweep.batchSize(c.batchSize())).withSweep(sweep.apply(c.sweep()));
        if (noZoom) {
            c = c.withZoom(null);
        } else {
            SweepGrid z = c.zoom().withRange(zoomFrom != null ? zoomFrom : c.zoom().from(),
                    zoomTo != null ? zoomTo : c.zoom().to(), zoomPoints != null ? zoomPoints : c.zoom().points());
            c = c.withZoom(zoomIterations != null ? z.withIterations(zoomIterations) : z);
        }
        c = c.withNetwork(network.outputActivation(c.outputActivation())).withSeeds(sweep.seeds(c.seeds()));
        if (boxFilter != null) {
            c = c.withBoxWindow(boxFilter);
        }
        return new ScaleWiggliness(c);
    }
}
