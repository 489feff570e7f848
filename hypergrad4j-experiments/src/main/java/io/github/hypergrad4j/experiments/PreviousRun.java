package io.github.hypergrad4j.experiments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.hypergrad4j.experiments.meta.Checkpoint;
import io.github.hypergrad4j.report.Results;
import io.github.hypergrad4j.report.RunSlot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** What an earlier run left in an experiment's directory, for commands that continue a batch of runs. */
public enum PreviousRun {
    /** Nothing: the experiment has not run there. */
    NONE,
    /** A finished run with the same configuration, size, seed and data choice. */
    FINISHED,
    /** A finished run with other settings. */
    FINISHED_OTHERWISE,
    /** An interrupted meta-optimisation with a checkpoint to resume from. */
    CHECKPOINTED,
    /** Files of an interrupted run with nothing to resume from (an experiment without checkpoints). */
    INCOMPLETE;

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Looks at {@code out/<experiment>} (and a replacement of it being built). A finished run counts as
     * {@link #FINISHED} when its record shows the settings this run would have: the experiment's full
     * configuration, quick or not, the seed and the {@code --data} choice (however the command was
     * spelt).
     */
    public static PreviousRun of(Path out, Experiment experiment, boolean quick, long seed, DataSource data)
            throws IOException {
        Path dir = out.resolve(experiment.name());
        if (Files.isRegularFile(RunSlot.stagingOf(out, experiment.name()).resolve(Checkpoint.FILE_NAME))) {
            return CHECKPOINTED; // an --overwrite that was interrupted
        }
        Path results = dir.resolve(Results.FILE_NAME);
        if (Files.isRegularFile(results)) {
            JsonNode r = Results.read(results);
            JsonNode config = JSON.readTree(JSON.writeValueAsString(experiment.config()));
            boolean same = config.equals(r.path("config")) && r.path("quick").asBoolean(!quick) == quick
                    && r.path("seed").asLong(seed + 1) == seed
                    && r.path("dataset").path("requested").asText("").equals(data == null ? "none" : data.spec());
            return same ? FINISHED : FINISHED_OTHERWISE;
        }
        if (Files.isRegularFile(dir.resolve(Checkpoint.FILE_NAME))) {
            return CHECKPOINTED;
        }
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                if (files.findAny().isPresent()) {
                    return INCOMPLETE;
                }
            }
        }
        return NONE;
    }
}
