package io.github.hypergrad4j.cli;

import io.github.hypergrad4j.experiments.sweep.SweepGrid;
import picocli.CommandLine.Option;

/** Options of a one-dimensional sweep and the training set it trains on; unset ones keep the defaults. */
public final class SweepOptions {
    @Option(names = "--iterations", split = ",", paramLabel = "T,T,...",
            description = "Training lengths to sweep, e.g. 0,1,5,10.")
    int[] iterations;

    @Option(names = "--points", paramLabel = "N", description = "Number of swept values.")
    Integer points;

    @Option(names = "--from", paramLabel = "X", description = "First swept value (a log).")
    Double from;

    @Option(names = "--to", paramLabel = "X", description = "Last swept value (a log).")
    Double to;

    @Option(names = "--train-size", paramLabel = "N", description = "Training examples.")
    Integer trainSize;

    @Option(names = "--batch-size", paramLabel = "N", description = "Minibatch size.")
    Integer batchSize;

    @Option(names = "--seeds", paramLabel = "N", description = "Repeat the sweep for N initial noises and add a figure"
            + " of the mean with a band of one standard deviation (the log's \"do each of these for a few random"
            + " seeds\"); default 1.")
    Integer seeds;

    int seeds(int defaultValue) {
        return seeds != null ? seeds : defaultValue;
    }

    /** The grid with the given options applied. */
    SweepGrid apply(SweepGrid grid) {
        SweepGrid g = grid.withRange(from != null ? from : grid.from(), to != null ? to : grid.to(),
                points != null ? points : grid.points());
        return iterations != null ? g.withIterations(iterations) : g;
    }

    int trainSize(int defaultValue) {
        return trainSize != null ? trainSize : defaultValue;
    }

    int batchSize(int defaultValue) {
        return batchSize != null ? batchSize : defaultValue;
    }
}
