package io.github.hypergrad4j.spark;

import io.github.hypergrad4j.meta.SeedEvaluators;

/**
 * The one Spark context of this module's tests (they run in one JVM), started on first use through
 * the same call the command line makes. {@code local[2,4]}: two task threads, and up to four attempts
 * per task so that local mode retries failures as a cluster would. Spark stops it at JVM exit.
 */
final class SharedSpark {
    static final String MASTER = "local[2,4]";
    private static SparkSeedEvaluator evaluator;

    private SharedSpark() {}

    static synchronized SparkSeedEvaluator evaluator() {
        if (evaluator == null) {
            evaluator = (SparkSeedEvaluator) SeedEvaluators.forOption(MASTER);
        }
        return evaluator;
    }
}
