package io.github.hypergrad4j.spark;

import io.github.hypergrad4j.meta.SeedResult;
import java.io.Serializable;

/**
 * One task's answer on its way from an executor to the driver: the seed's position and its result.
 * A plain class rather than a record, so that Kryo (when a cluster sets {@code spark.serializer} to
 * it) can write it as well as Java serialisation can.
 */
final class SeedTaskResult implements Serializable {
    private static final long serialVersionUID = 1L;

    private int index;
    private double objective;
    private double[] gradient;
    private double[] learningCurve;

    /** For serialisers that instantiate before filling the fields. */
    private SeedTaskResult() {}

    SeedTaskResult(int index, SeedResult result) {
        this.index = index;
        this.objective = result.objective();
        this.gradient = result.gradient();
        this.learningCurve = result.learningCurve();
    }

    int index() {
        return index;
    }

    SeedResult result() {
        return new SeedResult(objective, gradient, learningCurve);
    }
}
