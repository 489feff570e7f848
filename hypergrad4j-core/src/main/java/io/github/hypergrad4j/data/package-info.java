/**
 * Stage 1, data: dataset files to batches.
 *
 * <pre>
 *   IDX files --IdxReader--&gt; LabelledImages (raw bytes, the pool)
 *     --DataSplits (seeded)--&gt; train / validation / test {@link io.github.hypergrad4j.data.Dataset}s in [0, 1]
 *     --BatchSchedule (cyclic or seeded random)--&gt; row indices of each training step
 * </pre>
 *
 * <p>{@link io.github.hypergrad4j.data.DatasetLocator} finds the files of a
 * {@link io.github.hypergrad4j.data.DatasetName} (explicit directory, {@code HYPERGRAD4J_DATA}, the user
 * cache, Debian's {@code dataset-fashion-mnist}, and, when allowed, a verified download by
 * {@link io.github.hypergrad4j.data.MnistDownloader}). Every random choice comes from an explicit seed, so
 * the reverse pass of the reversible trainer sees exactly the batches of the forward pass. Broken files are
 * reported by {@link io.github.hypergrad4j.data.IdxFormatException}, never turned into wrong numbers.
 *
 * <p>For multitask learning, {@link io.github.hypergrad4j.data.TaskSuite} draws several small tasks
 * (seeded, class-balanced, optionally with 90-degree rotated copies) from pools of images: the default
 * tasks from MNIST and Fashion-MNIST, or alphabets of Omniglot's official PNG archives read by
 * {@link io.github.hypergrad4j.data.Omniglot} (downloaded into the cache and verified by MD5).
 */
package io.github.hypergrad4j.data;
