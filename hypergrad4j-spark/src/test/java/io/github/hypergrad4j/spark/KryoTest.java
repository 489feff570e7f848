package io.github.hypergrad4j.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.hypergrad4j.meta.HypergradientProblem;
import io.github.hypergrad4j.meta.ScheduleProblem;
import io.github.hypergrad4j.meta.SeedResult;
import java.nio.ByteBuffer;
import org.apache.spark.SparkConf;
import org.apache.spark.serializer.KryoSerializer;
import org.apache.spark.serializer.SerializerInstance;
import org.junit.jupiter.api.Test;
import scala.reflect.ClassTag$;

/** Clusters often set {@code spark.serializer} to Kryo; what this module sends must survive it. */
class KryoTest {
    private final SerializerInstance kryo = new KryoSerializer(new SparkConf()).newInstance();

    @SuppressWarnings("unchecked")
    private <T> T roundTrip(T value) {
        ByteBuffer bytes = kryo.serialize(value, ClassTag$.MODULE$.apply(Object.class));
        return (T) kryo.deserialize(bytes, ClassTag$.MODULE$.apply(Object.class));
    }

    @Test
    void aProblemTravelsByJavaSerialisationInsideKryo() {
        ScheduleProblem problem = Problems.quickSchedule();
        double[] x = Problems.start(problem);
        JavaSerialized<HypergradientProblem> back = roundTrip(new JavaSerialized<>(problem));
        assertThat(back.get()).isInstanceOf(ScheduleProblem.class).isNotSameAs(problem);
        Problems.assertBitIdentical(back.get().evaluate(x, 3, 0), problem.evaluate(x, 3, 0));
    }

    @Test
    void aTaskResultSurvivesKryo() {
        SeedResult r = new SeedResult(1.5, new double[] {-0.0, 2}, new double[] {3, 4, 5});
        SeedTaskResult back = roundTrip(new SeedTaskResult(7, r));
        assertThat(back.index()).isEqualTo(7);
        Problems.assertBitIdentical(back.result(), r);
    }
}
