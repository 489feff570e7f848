package io.github.hypergrad4j.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against Debian's dataset-fashion-mnist; skipped with a reason when it is not installed. */
class FashionMnistTest {
    @TempDir
    Path tmp;

    @Test
    void trainingSplitHas6000ImagesPerClassAndReadTimeIsPrinted() throws Exception {
        Path dir = RealData.fashionMnistOrSkip();
        IdxPair train = DatasetFiles.scan(dir, DatasetName.FASHION_MNIST, "test").split(Split.TRAIN).orElseThrow();
        LabelledImages pool = null;
        long[] nanos = new long[3];
        for (int i = 0; i < nanos.length; i++) { // the first read includes class loading and JIT warm-up
            long t0 = System.nanoTime();
            pool = train.read(10);
            nanos[i] = System.nanoTime() - t0;
        }
        long t0 = System.nanoTime();
        Dataset asDoubles = pool.all();
        long convert = System.nanoTime() - t0;
        System.out.printf("Fashion-MNIST: reading 60,000 training images + labels (gzip, checked) took %.0f ms"
                        + " (first read) / %.0f ms / %.0f ms; scaling all to doubles took %.0f ms more%n",
                nanos[0] / 1e6, nanos[1] / 1e6, nanos[2] / 1e6, convert / 1e6);

        assertThat(pool.size()).isEqualTo(60_000);
        assertThat(pool.height()).isEqualTo(28);
        assertThat(pool.width()).isEqualTo(28);
        int[] perClass = new int[10];
        Arrays.fill(perClass, 6_000);
        assertThat(pool.labelCounts()).containsExactly(perClass);
        assertThat(asDoubles.size()).isEqualTo(60_000);
    }

    @Test
    void testSplitHas1000ImagesPerClass() throws Exception {
        Path dir = RealData.fashionMnistOrSkip();
        LabelledImages test = DatasetFiles.scan(dir, DatasetName.FASHION_MNIST, "test").read(Split.TEST);
        int[] perClass = new int[10];
        Arrays.fill(perClass, 1_000);
        assertThat(test.labelCounts()).containsExactly(perClass);
    }

    @Test
    void locatedThroughTheSystemDirectoryAndSplitFromTheTrainingSplit() throws Exception {
        Path dir = RealData.fashionMnistOrSkip();
        DatasetFiles files = DatasetLocator.forUser().withEnvironment(Map.of()).withCacheRoot(tmp)
                .withSystemDirectory(DatasetName.FASHION_MNIST, dir).locate(DatasetName.FASHION_MNIST);
        assertThat(files.origin()).startsWith("system package directory");

        DataSplits s = DataSplits.draw(files, new SplitSizes(1_000, 10_000, 1_000), 2015);
        assertThat(s.poolDescription()).contains("Fashion-MNIST training split");
        assertThat(s.train().size()).isEqualTo(1_000);
        assertThat(s.validation().size()).isEqualTo(10_000);
        assertThat(s.test().size()).isEqualTo(1_000);
        Set<Integer> used = new HashSet<>();
        for (int[] idx : new int[][] {s.trainIndices(), s.validationIndices(), s.testIndices()}) {
            for (int i : idx) {
                assertThat(used.add(i)).isTrue();
            }
        }
        RandomBatches batches = new RandomBatches(s.train().size(), 250, 2015, 0);
        Dataset b = s.train().rows(batches.batch(3));
        assertThat(b.size()).isEqualTo(250);
        assertThat(b.labels()).isEqualTo(s.train().rows(batches.batch(3)).labels());
    }
}
