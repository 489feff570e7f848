package io.github.hypergrad4j.meta;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.hypergrad4j.data.BatchOrder;
import io.github.hypergrad4j.data.DatasetSpec;
import io.github.hypergrad4j.data.SplitSizes;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;

/** Problems travel to other processes (cluster workers) by Java serialisation. */
class ProblemSerialisationTest {

    @Test
    void aScheduleProblemSurvivesJavaSerialisationAndGivesTheSameBits() throws Exception {
        ScheduleProblem problem = new ScheduleProblem(new int[] {784, 8, 10}, 3, 20,
                new DatasetSpec(DatasetSpec.SYNTHETIC, new SplitSizes(40, 0, 0), 3));
        double[] x = problem.initial(0.2, 0.9, new double[] {0.05, 0.05, 0.3, 0.3}).values();
        SeedResult here = problem.evaluate(x, 5, 1);          // loads (and caches) the data first

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(problem);
        }
        assertThat(bytes.size()).as("a description, not data").isLessThan(2_000);
        HypergradientProblem there;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            there = (HypergradientProblem) in.readObject();
        }
        SeedResult result = there.evaluate(x, 5, 1);
        assertThat(result.objective()).isEqualTo(here.objective());
        assertThat(result.gradient()).containsExactly(here.gradient());
        assertThat(result.learningCurve()).containsExactly(here.learningCurve());
    }

    @Test
    void theBatchOrderTravelsWithTheProblem() throws Exception {
        ScheduleProblem problem = new ScheduleProblem(new int[] {784, 8, 10}, 3, 20,
                new DatasetSpec(DatasetSpec.SYNTHETIC, new SplitSizes(40, 0, 0), 3)).withBatchOrder(BatchOrder.CONSECUTIVE);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(problem);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(((ScheduleProblem) in.readObject()).batchOrder()).isSameAs(BatchOrder.CONSECUTIVE);
        }
    }
}
