package io.github.hypergrad4j.experiments;

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
    /** A finished run made with the same command. */
    FINISHED,
    /** A finished run made with another command (other options). */
    FINISHED_OTHERWISE,
    /** An interrupted meta-optimisation with a checkpoint to resume from. */
    CHECKPOINTED,
    /** Files of an interrupted run with nothing to resume from (an experiment without checkpoints). */
    INCOMPLETE;

    /**
     * Looks at {@code out/experiment} (and a replacement of it being built).
     *
     * @param command the command the run would record; a finished run is {@link #FINISHED} only if it
     *     recorded the same
     */
    public static PreviousRun of(Path out, String experiment, String command) throws IOException {
        Path dir = out.resolve(experiment);
        if (Files.isRegularFile(RunSlot.stagingOf(out, experiment).resolve(Checkpoint.FILE_NAME))) {
            return CHECKPOINTED; // an --overwrite that was interrupted
        }
        Path results = dir.resolve(Results.FILE_NAME);
        if (Files.isRegularFile(results)) {
            return command.equals(Results.read(results).path("command").asText()) ? FINISHED : FINISHED_OTHERWISE;
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
