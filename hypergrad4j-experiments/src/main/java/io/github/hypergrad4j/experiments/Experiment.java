package io.github.hypergrad4j.experiments;

import java.io.IOException;
import java.time.MonthDay;

/**
 * One experiment of the seed log: configured on construction, run once into an
 * {@link ExperimentContext}, which receives its numbers, figures and summary.
 */
public interface Experiment {

    /** Subcommand and directory name, e.g. {@code scale-wiggliness}. */
    String name();

    /** One line for the report, e.g. "Loss and its derivative vs the initial weight scale". */
    String title();

    /** A paragraph for the report: what the run shows and which log entry it reproduces. */
    String description();

    /** The date of the log entry it reproduces; orders the report's sections. */
    MonthDay logDate();

    /** The full configuration, recorded in results.json (a record serialises field by field). */
    Object config();

    /**
     * Runs the experiment, recording every plotted number, the figures and the final numbers through
     * {@code context}.
     *
     * @throws IOException if data cannot be read or a figure cannot be written
     */
    void run(ExperimentContext context) throws IOException;
}
