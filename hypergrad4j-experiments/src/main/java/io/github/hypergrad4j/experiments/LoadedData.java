package io.github.hypergrad4j.experiments;

import io.github.hypergrad4j.data.DataSplits;

/**
 * The data an experiment runs on.
 *
 * @param dataset the dataset's name, e.g. "MNIST", or "IDX files" for a user's directory
 * @param source the file pool and where it was found
 * @param splits the drawn training, validation and test sets
 */
public record LoadedData(String dataset, String source, DataSplits splits) {}
