package io.github.hypergrad4j.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BatchOrderTest {
    /** The original experiments' BatchList: slices [k b, (k+1) b) of 0..n-1, repeated epoch after epoch. */
    private static int[] slice(int step, int n, int b) {
        int[] out = new int[b];
        int start = step * b % n;
        for (int i = 0; i < b; i++) {
            out[i] = (start + i) % n;
        }
        return out;
    }

    @Test
    void consecutiveBatchesAreTheSlicesInOrderEpochAfterEpoch() {
        int n = 1_000, b = 250;
        BatchSchedule s = BatchOrder.CONSECUTIVE.schedule(n, b, 7, 3);
        for (int step = 0; step < 12; step++) {
            assertThat(s.batch(step)).as("step %d", step).containsExactly(slice(step, n, b));
        }
        assertThat(s.batch(0)).startsWith(0, 1, 2).endsWith(249);
        assertThat(s.batch(5)).startsWith(250).endsWith(499);
        // A size that is not a multiple of the batch wraps around inside a batch.
        BatchSchedule odd = BatchOrder.CONSECUTIVE.schedule(10, 4, 0, 0);
        assertThat(odd.batch(2)).containsExactly(8, 9, 0, 1);
        assertThat(odd.batch(3)).containsExactly(slice(3, 10, 4));
    }

    @Test
    void consecutiveBatchesIgnoreSeedAndMetaIterationRandomOnesDoNot() {
        BatchSchedule a = BatchOrder.CONSECUTIVE.schedule(100, 10, 1, 0);
        BatchSchedule b = BatchOrder.CONSECUTIVE.schedule(100, 10, 2, 5);
        for (int step = 0; step < 20; step++) {
            assertThat(a.batch(step)).containsExactly(b.batch(step));
        }
        BatchSchedule r = BatchOrder.RANDOM.schedule(100, 10, 1, 0);
        assertThat(r.batch(3)).containsExactly(new RandomBatches(100, 10, 1, 0).batch(3));
        assertThat(r.batch(3)).isNotEqualTo(BatchOrder.RANDOM.schedule(100, 10, 1, 1).batch(3));
    }

    @Test
    void labelsParseBothWays() {
        for (BatchOrder o : BatchOrder.values()) {
            assertThat(BatchOrder.parse(o.label())).isSameAs(o);
        }
        assertThat(BatchOrder.parse(" Consecutive")).isSameAs(BatchOrder.CONSECUTIVE);
        assertThatThrownBy(() -> BatchOrder.parse("shuffled")).hasMessageContaining("random or consecutive");
        assertThatThrownBy(() -> BatchOrder.parse(null)).hasMessageContaining("random or consecutive");
        assertThatThrownBy(() -> BatchOrder.CONSECUTIVE.schedule(10, 11, 0, 0)).hasMessageContaining("1..10");
    }
}
