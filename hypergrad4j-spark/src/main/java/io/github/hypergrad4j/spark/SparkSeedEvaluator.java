package io.github.hypergrad4j.spark;

import io.github.hypergrad4j.meta.HypergradientProblem;
import io.github.hypergrad4j.meta.SeedEvaluator;
import io.github.hypergrad4j.meta.SeedResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;

/**
 * A {@link SeedEvaluator} on Apache Spark. Each call broadcasts the hyperparameters, runs one task
 * per seed ({@code problem.evaluate(hyperparameters, seed, metaIteration)} on an executor), collects
 * the results and sums them on the driver with {@link SeedResult#sumInOrder} in seed order: the same
 * numbers, bit for bit, as {@link io.github.hypergrad4j.meta.ThreadPoolSeedEvaluator}. Evaluations are
 * deterministic, so a task that Spark retries after a failure gives the same result.
 *
 * <p>The problem is broadcast once per problem object and kept for later calls, so each executor
 * deserialises it once and its lazily loaded data stay cached there across meta-iterations. The
 * data are read by the executors themselves from the problem's {@link
 * io.github.hypergrad4j.data.DatasetSpec}: a path every executor can see, or a dataset installed on
 * every node. Bit-identity with a run elsewhere also needs the same BLAS backend on the executors
 * (e.g. {@code -Dhypergrad4j.blas=java} everywhere).
 */
public final class SparkSeedEvaluator implements SeedEvaluator {
    /** Problems whose broadcasts are kept; older ones are unpersisted (and re-sent if used again). */
    private static final int KEPT_PROBLEMS = 4;

    private final JavaSparkContext spark;
    private final boolean ownsContext;
    private final Map<Identity, Broadcast<JavaSerialized<HypergradientProblem>>> problems = new LinkedHashMap<>();

    /**
     * Runs seeds on an existing context, which {@link #close()} leaves running.
     *
     * @param spark the context to submit seed tasks to
     */
    public SparkSeedEvaluator(JavaSparkContext spark) {
        this(spark, false);
    }

    private SparkSeedEvaluator(JavaSparkContext spark, boolean ownsContext) {
        this.spark = spark;
        this.ownsContext = ownsContext;
    }

    /**
     * Starts a Spark context on {@code master} (e.g. {@code local[2]}, {@code spark://host:7077}, or
     * null to take the master that {@code spark-submit} set), which {@link #close()} stops. Settings
     * come from {@code spark.*} system properties as usual; executors get {@code
     * OPENBLAS_NUM_THREADS=1} unless set otherwise.
     *
     * @param master the master URL, or null under spark-submit
     * @return an evaluator that owns its context
     * @throws IllegalArgumentException if no master is given or configured
     */
    public static SparkSeedEvaluator start(String master) {
        SparkConf conf = new SparkConf().setIfMissing("spark.app.name", "hypergrad4j")
                .setIfMissing("spark.executorEnv.OPENBLAS_NUM_THREADS", "1");
        if (master != null) {
            conf.setMaster(master);
        } else if (!conf.contains("spark.master")) {
            throw new IllegalArgumentException("no Spark master: give one (e.g. local[2]) or run through spark-submit --master");
        }
        return new SparkSeedEvaluator(new JavaSparkContext(conf), true);
    }

    /**
     * The context the seeds run on.
     *
     * @return the context, owned or borrowed
     */
    public JavaSparkContext sparkContext() {
        return spark;
    }

    @Override
    public SeedResult sum(HypergradientProblem problem, double[] hyperparameters, long[] seeds, int metaIteration) {
        if (seeds.length == 0) {
            throw new IllegalArgumentException("no seeds to evaluate");
        }
        if (hyperparameters.length != problem.size()) {
            throw new IllegalArgumentException(hyperparameters.length + " hyperparameters for a problem of " + problem.size());
        }
        Broadcast<JavaSerialized<HypergradientProblem>> p = broadcast(problem);
        Broadcast<double[]> x = spark.broadcast(hyperparameters.clone());
        try {
            spark.setJobDescription("hypergrad4j: meta-iteration " + metaIteration + ", " + seeds.length + " seeds");
            List<Integer> indices = IntStream.range(0, seeds.length).boxed().collect(Collectors.toList());
            List<SeedTaskResult> collected = spark.parallelize(indices, seeds.length)
                    .map(evaluation(p, x, seeds.clone(), metaIteration))
                    .collect();
            SeedResult[] inSeedOrder = new SeedResult[seeds.length];
            for (SeedTaskResult r : collected) {
                inSeedOrder[r.index()] = r.result();
            }
            return SeedResult.sumInOrder(Arrays.asList(inSeedOrder));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            // Spark's SparkException is checked in Java's eyes but thrown undeclared by collect().
            throw new SeedEvaluationException("evaluating " + seeds.length + " seeds on Spark failed (after Spark's"
                    + " retries): " + firstLine(e.getMessage()), e);
        } finally {
            spark.setJobDescription(null);
            x.destroy();
        }
    }

    /** The task body. Static, so that the closure holds the broadcasts and seeds but not this evaluator. */
    private static Function<Integer, SeedTaskResult> evaluation(Broadcast<JavaSerialized<HypergradientProblem>> problem,
            Broadcast<double[]> hyperparameters, long[] seeds, int metaIteration) {
        return i -> new SeedTaskResult(i, problem.value().get().evaluate(hyperparameters.value(), seeds[i], metaIteration));
    }

    private synchronized Broadcast<JavaSerialized<HypergradientProblem>> broadcast(HypergradientProblem problem) {
        Identity key = new Identity(problem);
        Broadcast<JavaSerialized<HypergradientProblem>> b = problems.remove(key);
        if (b == null) {
            b = spark.broadcast(new JavaSerialized<>(problem));
        }
        problems.put(key, b);                       // most recently used last
        if (problems.size() > KEPT_PROBLEMS) {
            Iterator<Broadcast<JavaSerialized<HypergradientProblem>>> eldest = problems.values().iterator();
            eldest.next().unpersist(false);
            eldest.remove();
        }
        return b;
    }

    /** Releases the broadcast problems, and stops the context if {@link #start} created it. */
    @Override
    public synchronized void close() {
        for (Broadcast<?> b : new ArrayList<>(problems.values())) {
            b.destroy();
        }
        problems.clear();
        if (ownsContext) {
            spark.stop();
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "(no message)";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    /** Keys problems by identity: each problem object is one broadcast (and one data cache per executor). */
    private record Identity(Object value) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Identity other && other.value == value;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(value);
        }
    }
}
