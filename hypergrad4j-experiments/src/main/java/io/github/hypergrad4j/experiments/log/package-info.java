/**
 * The experiments of the seed log, one class each: {@link io.github.hypergrad4j.experiments.log.ScaleWiggliness}
 * and {@link io.github.hypergrad4j.experiments.log.LearningRateWiggliness} (sweeps), and the meta-optimisations
 * {@link io.github.hypergrad4j.experiments.log.Ard}, {@link io.github.hypergrad4j.experiments.log.FakeData},
 * {@link io.github.hypergrad4j.experiments.log.LrSchedule}, {@link io.github.hypergrad4j.experiments.log.InitScales},
 * {@link io.github.hypergrad4j.experiments.log.InitDist}, {@link io.github.hypergrad4j.experiments.log.Augment},
 * {@link io.github.hypergrad4j.experiments.log.AugmentFlow} (its augmentation the {@code NeighbourFlow} operator) and
 * {@link io.github.hypergrad4j.experiments.log.WeightSharing} (the log's announced "generalizations of
 * convnets", with its helpers {@code WeightSharingTasks}, {@code SharingMatrices} and {@code WeightSharingFigures}); and, beyond the
 * log, {@link io.github.hypergrad4j.experiments.log.AdamSchedule}, the paper's schedule experiment with
 * exactly reversible Adam as the training optimiser.
 *
 * <p>Stage in the data flow: the shapes of experiment ({@code experiments.sweep}, {@code experiments.meta}) -&gt;
 * here, the log's settings, metrics and figures -&gt; the command line ({@code cli}) and the report.
 */
package io.github.hypergrad4j.experiments.log;
