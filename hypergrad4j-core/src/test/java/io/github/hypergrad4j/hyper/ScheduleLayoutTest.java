package io.github.hypergrad4j.hyper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The schedule vector's layout: indices cover 0..size-1 once each, and pack and unpack invert each other. */
class ScheduleLayoutTest {
    private final ScheduleLayout layout = new ScheduleLayout(3, 2);

    @Test
    void theBlocksFollowEachOtherStepMajor() {
        assertThat(layout.size()).isEqualTo(14);
        assertThat(layout.logAlpha(0, 0)).isZero();
        assertThat(layout.logAlpha(1, 0)).isEqualTo(2);
        assertThat(layout.logAlpha(2, 1)).isEqualTo(5);
        assertThat(layout.logitBeta(0, 0)).isEqualTo(6);
        assertThat(layout.logitBeta(2, 1)).isEqualTo(11);
        assertThat(layout.logScale(0)).isEqualTo(12);
        assertThat(layout.logScale(1)).isEqualTo(13);
        Set<Integer> seen = new HashSet<>();
        for (ScheduleLayout.Block b : ScheduleLayout.Block.values()) {
            int rows = b == ScheduleLayout.Block.LOG_SCALE ? 1 : 3;
            for (int t = 0; t < rows; t++) {
                for (int g = 0; g < 2; g++) {
                    assertThat(seen.add(layout.index(b, t, g))).isTrue();
                }
            }
            assertThat(layout.index(b, 0, 0)).isEqualTo(layout.offset(b));
        }
        assertThat(seen).hasSize(layout.size());
    }

    @Test
    void packAndUnpackInvertEachOther() {
        double[][] a = {{1, 2}, {3, 4}, {5, 6}}, b = {{-1, -2}, {-3, -4}, {-5, -6}};
        double[] s = {7, 8};
        double[] x = layout.pack(a, b, s);
        assertThat(x).containsExactly(1, 2, 3, 4, 5, 6, -1, -2, -3, -4, -5, -6, 7, 8);
        assertThat(layout.rows(x, ScheduleLayout.Block.LOG_ALPHA)).isDeepEqualTo(a);
        assertThat(layout.rows(x, ScheduleLayout.Block.LOGIT_BETA)).isDeepEqualTo(b);
        assertThat(layout.logScales(x)).containsExactly(7, 8);
    }

    @Test
    void wrongSizesAndIndicesAreRefused() {
        assertThatThrownBy(() -> layout.rows(new double[13], ScheduleLayout.Block.LOG_ALPHA))
                .hasMessageContaining("13 hyperparameters").hasMessageContaining("(14)");
        assertThatThrownBy(() -> layout.logAlpha(3, 0)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> layout.logScale(2)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> layout.pack(new double[2][2], new double[3][2], new double[2]))
                .hasMessageContaining("2 rows of log alpha for 3 steps");
        assertThatThrownBy(() -> new ScheduleLayout(0, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
