package io.github.hypergrad4j.experiments;

import io.github.hypergrad4j.data.DataSplits;
import io.github.hypergrad4j.data.DatasetSpec;
import io.github.hypergrad4j.data.SplitSizes;

/**
 * The data an experiment runs on.
 *
 * @param dataset the dataset's name, e.g. "MNIST", or "IDX files" for a user's directory
 * @param source the file pool and where it was found
 * @param splits the drawn training, validation and test sets
 * @param location where a {@link DatasetSpec} finds the same pool again: a dataset name
 *     ({@code mnist}, {@code fashion-mnist}) or an absolute directory
 */
public record LoadedData(String dataset, String source, DataSplits splits, String location) {

    /**
     * A serialisable description of these very subsets (same pool, sizes and split seed), for problems
     * that load their own data, e.g. on Spark executors.
     */
    public DatasetSpec spec(SplitSizes sizes, long splitSeed) {
        return new DatasetSpec(location, sizes, splitSeed);
    }
}
