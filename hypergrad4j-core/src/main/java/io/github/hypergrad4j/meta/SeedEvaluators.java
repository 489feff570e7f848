package io.github.hypergrad4j.meta;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** Chooses the {@link SeedEvaluator} for a run: the in-process thread pool, or Spark when asked for. */
public final class SeedEvaluators {
    /** The name of the Spark engine's provider (module {@code hypergrad4j-spark}). */
    public static final String SPARK = "spark";

    private SeedEvaluators() {}

    /**
     * The evaluator for a {@code --spark MASTER} option: {@link ThreadPoolSeedEvaluator#perCore()} when
     * {@code sparkMasterOrNull} is null, otherwise a Spark evaluator on that master, found on the
     * class path through {@link SeedEvaluatorProvider}. The caller closes it.
     *
     * @throws IllegalStateException if a master is given but the {@code hypergrad4j-spark} module is
     *     not on the class path; the message says how to run with Spark
     */
    public static SeedEvaluator forOption(String sparkMasterOrNull) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return forOption(sparkMasterOrNull, providers(loader != null ? loader : SeedEvaluators.class.getClassLoader()));
    }

    static SeedEvaluator forOption(String sparkMasterOrNull, List<SeedEvaluatorProvider> providers) {
        if (sparkMasterOrNull == null) {
            return ThreadPoolSeedEvaluator.perCore();
        }
        if (sparkMasterOrNull.isBlank()) {
            throw new IllegalArgumentException("--spark needs a master URL, e.g. local[2] or spark://host:7077");
        }
        for (SeedEvaluatorProvider p : providers) {
            if (SPARK.equals(p.name())) {
                return p.create(sparkMasterOrNull);
            }
        }
        throw new IllegalStateException("--spark " + sparkMasterOrNull + " needs the hypergrad4j-spark module and Apache"
                + " Spark 3.5 on the class path. The ./hypergrad4j launcher adds both when --spark is among its"
                + " arguments; a JVM started otherwise needs"
                + " hypergrad4j-spark-<version>.jar and the jars listed in hypergrad4j-spark/target/spark-classpath.txt"
                + " (both made by ./mvnw -pl hypergrad4j-spark -am package) on the class path, with Spark's --add-opens"
                + " flags for Java 17; or run under spark-submit, which brings Spark and the flags, adding"
                + " --jars hypergrad4j-spark-<version>-cluster.jar. See \"Scaling out with Spark\" in README.md."
                + " Without --spark, seeds run on a thread pool in this process.");
    }

    /** The providers visible to {@code loader}. */
    static List<SeedEvaluatorProvider> providers(ClassLoader loader) {
        List<SeedEvaluatorProvider> found = new ArrayList<>();
        ServiceLoader.load(SeedEvaluatorProvider.class, loader).forEach(found::add);
        return found;
    }
}
