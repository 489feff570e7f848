package io.github.hypergrad4j.experiments;

/**
 * Where long loops (sweeps, meta-iterations) report how far they are and the current loss. The
 * command line draws a progress bar; tests and {@code --quiet} use {@link #NONE}.
 */
@FunctionalInterface
public interface Progress {

    /** Starts a task of {@code total} units of work, e.g. training steps. */
    Task start(String label, long total);

    /** A running task. Close it when done (try-with-resources). */
    interface Task extends AutoCloseable {
        /**
         * Records {@code units} more units done.
         *
         * @param status a short note such as "T=50 s=-1.37 loss 0.931"
         */
        void advance(long units, String status);

        @Override
        void close();
    }

    /** Reports nothing. */
    Progress NONE = (label, total) -> new Task() {
        @Override
        public void advance(long units, String status) {}

        @Override
        public void close() {}
    };
}
