package io.github.hypergrad4j.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataSplitsTest {
    @TempDir
    Path tmp;

    /** 100 1x1 images whose single pixel encodes the row: pixel i = i, label i mod 10. */
    private static LabelledImages pool(int n) {
        byte[] px = new byte[n];
        byte[] lab = new byte[n];
        for (int i = 0; i < n; i++) {
            px[i] = (byte) i;
            lab[i] = (byte) (i % 10);
        }
        return LabelledImages.of("synthetic pool", px, lab, 1, 1, 10);
    }

    @Test
    void sameSeedSameSubsetsDifferentSeedDifferentSubsets() {
        DataSplits a = DataSplits.draw(pool(100), new SplitSizes(30, 20, 10), 7);
        DataSplits b = DataSplits.draw(pool(100), new SplitSizes(30, 20, 10), 7);
        DataSplits c = DataSplits.draw(pool(100), new SplitSizes(30, 20, 10), 8);
        assertThat(a.trainIndices()).isEqualTo(b.trainIndices());
        assertThat(a.validationIndices()).isEqualTo(b.validationIndices());
        assertThat(a.testIndices()).isEqualTo(b.testIndices());
        assertThat(a.train().pixels()).isEqualTo(b.train().pixels());
        assertThat(a.trainIndices()).isNotEqualTo(c.trainIndices());
    }

    @Test
    void subsetsHaveTheRequestedSizesAndNeverOverlap() {
        DataSplits s = DataSplits.draw(pool(100), new SplitSizes(50, 30, 20), 1);
        assertThat(s.train().size()).isEqualTo(50);
        assertThat(s.validation().size()).isEqualTo(30);
        assertThat(s.test().size()).isEqualTo(20);
        Set<Integer> all = new HashSet<>();
        for (int[] idx : new int[][] {s.trainIndices(), s.validationIndices(), s.testIndices()}) {
            for (int i : idx) {
                assertThat(all.add(i)).as("index %d used twice", i).isTrue();
            }
        }
        assertThat(all).hasSize(100);
        // Rows are the pool rows the indices name.
        int[] tr = s.trainIndices();
        for (int r = 0; r < tr.length; r++) {
            assertThat(s.train().pixel(r, 0)).isEqualTo(tr[r] / 255.0);
            assertThat(s.train().label(r)).isEqualTo(tr[r] % 10);
        }
    }

    @Test
    void tooLargeARequestNamesTheSizesAndThePool() {
        assertThatThrownBy(() -> DataSplits.draw(pool(100), new SplitSizes(60, 40, 1), 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("asked for 60 train + 40 validation + 1 test = 101 examples")
                .hasMessageContaining("synthetic pool, holds only 100")
                .hasMessageContaining("at most 100 in total");
        assertThatThrownBy(() -> new SplitSizes(-1, 0, 0)).hasMessageContaining(">= 0");
    }

    @Test
    void drawsFromTheTrainingSplitWhenPresentElseFromTheTestSplit() throws Exception {
        IdxFixtures.writeDataset(tmp.resolve("both"), 40, 30);
        IdxFixtures.writeDataset(tmp.resolve("testonly"), 0, 30);
        DatasetFiles both = DatasetFiles.scan(tmp.resolve("both"), DatasetName.MNIST, "test");
        DatasetFiles testOnly = DatasetFiles.scan(tmp.resolve("testonly"), DatasetName.MNIST, "test");
        assertThat(DataSplits.draw(both, new SplitSizes(35, 5, 0), 3).poolDescription())
                .contains("training split");
        assertThatThrownBy(() -> DataSplits.draw(testOnly, new SplitSizes(35, 5, 0), 3))
                .hasMessageContaining("= 40 examples")
                .hasMessageContaining("MNIST test split, the only one in")
                .hasMessageContaining("holds only 30");
        assertThat(DataSplits.draw(testOnly, new SplitSizes(20, 5, 5), 3).train().size()).isEqualTo(20);
    }

    @Test
    void anyPairOfIdxFilesIsAPool() throws Exception {
        Path img = IdxFixtures.write(tmp, "my-images", IdxFixtures.images(12, 2, 3));
        Path lab = IdxFixtures.write(tmp, "my-labels", IdxFixtures.labels(IdxFixtures.cyclicLabels(12)));
        DataSplits s = DataSplits.draw(DatasetFiles.ofPair(img, lab), new SplitSizes(6, 3, 3), 5);
        assertThat(s.train().features()).isEqualTo(6);
        assertThat(s.poolDescription()).contains("my-images");
    }

    @Test
    void trainMeanIsSubtractedFromEverySubset() {
        DataSplits s = DataSplits.draw(pool(100), new SplitSizes(10, 10, 10), 2);
        double mean = s.train().meanImage()[0];
        DataSplits m = s.subtractTrainMean();
        assertThat(m.train().meanImage()[0]).isCloseTo(0.0, org.assertj.core.api.Assertions.within(1e-15));
        assertThat(m.validation().pixel(3, 0)).isEqualTo(s.validation().pixel(3, 0) - mean);
        assertThat(m.test().pixel(0, 0)).isEqualTo(s.test().pixel(0, 0) - mean);
        assertThat(s.train().meanImage()[0]).isEqualTo(mean); // original untouched
    }

    @Test
    void poolCentringSubtractsTheWholePoolsMeanEvenWithNoTrainingSubset() {
        LabelledImages pool = pool(100);
        double poolMean = pool.all().meanImage()[0];
        DataSplits plain = DataSplits.draw(pool, new SplitSizes(0, 10, 5), 4);
        DataSplits centred = DataSplits.draw(pool, new SplitSizes(0, 10, 5), 4, Centring.POOL_MEAN);
        assertThat(pool.meanImage()[0]).isCloseTo(poolMean, org.assertj.core.api.Assertions.within(1e-15));
        for (int i = 0; i < 10; i++) {
            assertThat(centred.validation().pixel(i, 0)).isEqualTo(plain.validation().pixel(i, 0) - pool.meanImage()[0]);
        }
        assertThat(centred.test().pixel(4, 0)).isEqualTo(plain.test().pixel(4, 0) - pool.meanImage()[0]);
        assertThat(centred.poolDescription()).endsWith("pool mean subtracted");
        assertThat(DataSplits.draw(pool, new SplitSizes(0, 10, 5), 4, Centring.NONE).validation().pixel(2, 0))
                .isEqualTo(plain.validation().pixel(2, 0));
    }
}
