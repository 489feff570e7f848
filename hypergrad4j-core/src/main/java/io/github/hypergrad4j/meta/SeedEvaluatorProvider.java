package io.github.hypergrad4j.meta;

/**
 * A plug-in engine for {@link SeedEvaluator}s, found with {@link java.util.ServiceLoader} so that
 * callers (the command line) need no compile-time dependency on it. A module that provides one
 * lists its class in {@code META-INF/services/io.github.hypergrad4j.meta.SeedEvaluatorProvider}.
 * {@link SeedEvaluators#forOption} is the one call that chooses between them.
 */
public interface SeedEvaluatorProvider {

    /**
     * The engine's name, lower case, e.g. {@code spark}.
     *
     * @return the name {@link SeedEvaluators} looks for
     */
    String name();

    /**
     * A new evaluator that runs seeds on the engine at {@code master} (for Spark a master URL such as
     * {@code local[2]} or {@code spark://host:7077}). The caller closes it.
     *
     * @param master where the engine runs
     * @return the evaluator
     */
    SeedEvaluator create(String master);
}
