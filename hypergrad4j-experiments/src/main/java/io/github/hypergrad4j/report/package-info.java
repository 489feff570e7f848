/**
 * Last stage of the data flow: what an experiment run leaves on disk. {@link io.github.hypergrad4j.report.Results}
 * is the run's record (every plotted number, the configuration, the seed, the version) written as
 * {@code results.json}; {@link io.github.hypergrad4j.report.ReportIndex} rebuilds the static
 * {@code index.html} from all the records in an output directory. Every file is written through
 * {@link io.github.hypergrad4j.report.AtomicFiles}, so a reader never sees half a file.
 */
package io.github.hypergrad4j.report;
