/**
 * Scale-out of stage 6 on Apache Spark: {@link io.github.hypergrad4j.spark.SparkSeedEvaluator} runs
 * one task per seed on the executors and sums the results on the driver in seed order, so a
 * meta-iteration gives the same bits as the in-process thread pool; {@link
 * io.github.hypergrad4j.spark.SparkScheduleMain} is a {@code spark-submit} driver that meta-optimises
 * the learning-rate schedule problem with Adam on the driver. The core never depends on this package:
 * the command line reaches it through {@link io.github.hypergrad4j.meta.SeedEvaluatorProvider}.
 */
package io.github.hypergrad4j.spark;
