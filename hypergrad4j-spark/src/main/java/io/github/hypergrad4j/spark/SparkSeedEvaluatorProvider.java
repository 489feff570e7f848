package io.github.hypergrad4j.spark;

import io.github.hypergrad4j.meta.SeedEvaluator;
import io.github.hypergrad4j.meta.SeedEvaluatorProvider;
import io.github.hypergrad4j.meta.SeedEvaluators;

/** Makes {@code --spark MASTER} ({@link SeedEvaluators#forOption}) start a {@link SparkSeedEvaluator}. */
public final class SparkSeedEvaluatorProvider implements SeedEvaluatorProvider {

    @Override
    public String name() {
        return SeedEvaluators.SPARK;
    }

    @Override
    public SeedEvaluator create(String master) {
        try {
            Class.forName("org.apache.spark.SparkContext", false, SparkSeedEvaluatorProvider.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("--spark " + master + ": the hypergrad4j-spark module is on the class path"
                    + " but Apache Spark 3.5 is not; run through spark-submit, or add Spark's jars (see"
                    + " hypergrad4j-spark/README.md)", e);
        }
        return SparkSeedEvaluator.start(master);
    }
}
