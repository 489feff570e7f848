package io.github.hypergrad4j.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.hypergrad4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

class DatasetTest {
    // Three 1 x 2 images.
    private final Dataset d = Dataset.of(new double[] {0.0, 0.5, 1.0, 0.25, 0.5, 0.75}, new int[] {2, 0, 1}, 1, 2,
            3);

    @Test
    void oneHotRows() {
        assertThat(d.oneHot()).containsExactly(0, 0, 1, 1, 0, 0, 0, 1, 0);
        Tensor t = d.oneHotTensor();
        assertThat(t.shape()).containsExactly(3, 3);
    }

    @Test
    void rowsGathersInGivenOrderWithRepeats() {
        Dataset b = d.rows(new int[] {2, 0, 2});
        assertThat(b.pixels()).containsExactly(0.5, 0.75, 0.0, 0.5, 0.5, 0.75);
        assertThat(b.labels()).containsExactly(1, 2, 1);
        assertThatThrownBy(() -> d.rows(new int[] {3})).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void meanSubtractionReturnsNewDatasetAndLeavesThisOneAlone() {
        double[] mean = d.meanImage();
        assertThat(mean).containsExactly(0.5, 0.5);
        Dataset c = d.subtractMean(mean);
        assertThat(c.pixels()).containsExactly(-0.5, 0.0, 0.5, -0.25, 0.0, 0.25);
        assertThat(d.pixel(0, 0)).isEqualTo(0.0);
        assertThat(mean).containsExactly(0.5, 0.5);
        assertThatThrownBy(() -> d.subtractMean(new double[3])).hasMessageContaining("mean has 3 values");
    }

    @Test
    void accessorsHandOutCopies() {
        d.pixels()[0] = 9;
        d.labels()[0] = 9;
        assertThat(d.pixel(0, 0)).isEqualTo(0.0);
        assertThat(d.label(0)).isEqualTo(2);
        Tensor t = d.images();
        t.data()[0] = 9;
        assertThat(d.pixel(0, 0)).isEqualTo(0.0);
        assertThat(t.shape()).containsExactly(3, 2);
    }

    @Test
    void rejectsBadInput() {
        assertThatThrownBy(() -> Dataset.of(new double[2], new int[] {3}, 1, 2, 3)).hasMessageContaining("label 3");
        assertThatThrownBy(() -> Dataset.of(new double[3], new int[] {0}, 1, 2, 3)).hasMessageContaining("need 2");
        assertThatThrownBy(() -> Dataset.of(new double[0], new int[0], 1, 2, 3).meanImage())
                .hasMessageContaining("empty dataset");
    }
}
