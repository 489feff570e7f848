package io.github.hypergrad4j.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against MNIST's real 10,000-image test set (../shared/data/mnist); skipped with a reason when absent. */
class RealMnistTest {
    @TempDir
    Path tmp;

    @Test
    void testSetHasTheKnownShapeLabelsAndPixelRange() throws Exception {
        Path dir = RealData.mnistTestSetOrSkip();
        LabelledImages test = DatasetFiles.scan(dir, DatasetName.MNIST, "shared").read(Split.TEST);
        assertThat(test.size()).isEqualTo(10_000);
        assertThat(test.height()).isEqualTo(28);
        assertThat(test.width()).isEqualTo(28);
        assertThat(test.labelCounts()).containsExactly(980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009);
        assertThat(new int[] {test.label(0), test.label(1), test.label(2), test.label(3), test.label(4)})
                .containsExactly(7, 2, 1, 0, 4);
        Dataset all = test.all();
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (double v : all.pixels()) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        assertThat(min).isEqualTo(0.0);
        assertThat(max).isEqualTo(1.0);
    }

    @Test
    void filesMatchThePublishedChecksums() throws Exception {
        Path dir = RealData.mnistTestSetOrSkip();
        for (String f : List.of(Split.TEST.imagesFile(), Split.TEST.labelsFile())) {
            assertThat(MnistDownloader.sha256Of(dir.resolve(f))).as(f)
                    .isEqualTo(DatasetName.MNIST.sha256(f).orElseThrow());
        }
    }

    @Test
    void theTestSetIsThePoolAndTooLargeARequestSaysSo() throws Exception {
        Path dir = RealData.mnistTestSetOrSkip();
        DatasetFiles files = DatasetLocator.forUser().withEnvironment(Map.of()).withExplicitDirectory(dir)
                .locate(DatasetName.MNIST);
        assertThatThrownBy(() -> DataSplits.draw(files, new SplitSizes(1_000, 10_000, 1_000), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> System.out.println("too-large request on the MNIST test set: " + e.getMessage()))
                .hasMessageContaining("asked for 1,000 train + 10,000 validation + 1,000 test = 12,000 examples")
                .hasMessageContaining("MNIST test split, the only one in")
                .hasMessageContaining("holds only 10,000");

        DataSplits s = DataSplits.draw(files, new SplitSizes(1_000, 5_000, 1_000), 0);
        assertThat(s.train().size()).isEqualTo(1_000);
        assertThat(s.validation().size()).isEqualTo(5_000);
        assertThat(DataSplits.draw(files, new SplitSizes(1_000, 5_000, 1_000), 0).trainIndices())
                .isEqualTo(s.trainIndices());
        Dataset batch = s.train().rows(new RandomBatches(1_000, 250, 0, 0).batch(0));
        assertThat(batch.size()).isEqualTo(250);
        assertThat(batch.oneHot()).hasSize(250 * 10);
    }

    @Test
    void locatorDownloadsRealFilesFromALocalMirror() throws Exception {
        Path dir = RealData.mnistTestSetOrSkip();
        Path cache = tmp.resolve("cache");
        // The training files are already cached (small stand-ins), so only the real t10k files are fetched,
        // and they must pass MNIST's real SHA-256s.
        IdxFixtures.writeDataset(cache.resolve("mnist"), 20, 0);
        try (LocalMirror mirror = new LocalMirror()) {
            for (String f : List.of(Split.TEST.imagesFile(), Split.TEST.labelsFile())) {
                mirror.serve(f, Files.readAllBytes(dir.resolve(f)));
            }
            MnistDownloader d = new MnistDownloader(List.of(mirror.base()), Duration.ofSeconds(2),
                    Duration.ofSeconds(20), 1);
            DatasetFiles files = DatasetLocator.forUser().withEnvironment(Map.of()).withCacheRoot(cache)
                    .withDownloader(d).locate(DatasetName.MNIST);
            assertThat(mirror.requests()).containsExactly(Split.TEST.imagesFile(), Split.TEST.labelsFile());
            assertThat(files.hasAllSplits()).isTrue();
            assertThat(files.read(Split.TEST).labelCounts()[1]).isEqualTo(1135);
            try (var s = Files.list(cache.resolve("mnist"))) {
                assertThat(s.map(p -> p.getFileName().toString()).sorted())
                        .containsExactlyElementsOf(DatasetName.MNIST.fileNames().stream().sorted().toList());
            }
        }
    }
}
