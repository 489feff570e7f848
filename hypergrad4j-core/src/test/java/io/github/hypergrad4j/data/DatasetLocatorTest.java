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

class DatasetLocatorTest {
    @TempDir
    Path tmp;

    /** A locator that sees nothing of this machine: empty environment, temporary cache, no system dirs. */
    private DatasetLocator isolated() {
        return DatasetLocator.forUser().withEnvironment(Map.of()).withCacheRoot(tmp.resolve("cache"))
                .withSystemDirectory(DatasetName.FASHION_MNIST, tmp.resolve("usr-share-fashion"))
                .withDownloader(null);
    }

    @Test
    void explicitDirectoryWinsAndMayHoldTheFilesDirectlyOrUnderTheName() throws Exception {
        IdxFixtures.writeDataset(tmp.resolve("flat"), 0, 20);
        IdxFixtures.writeDataset(tmp.resolve("root/mnist"), 30, 20);
        IdxFixtures.writeDataset(tmp.resolve("cache/mnist"), 40, 20);

        DatasetFiles flat = isolated().withExplicitDirectory(tmp.resolve("flat")).locate(DatasetName.MNIST);
        assertThat(flat.origin()).contains("explicit directory").contains(tmp.resolve("flat").toString());
        assertThat(flat.split(Split.TRAIN)).isEmpty();
        assertThat(flat.readPool().size()).isEqualTo(20);

        DatasetFiles nested = isolated().withExplicitDirectory(tmp.resolve("root")).locate(DatasetName.MNIST);
        assertThat(nested.readPool().size()).isEqualTo(30);
        assertThat(nested.readPool().description()).contains("MNIST training split");
    }

    @Test
    void environmentVariableIsTheExplicitDirectoryWhenNoOptionIsGiven() throws Exception {
        IdxFixtures.writeDataset(tmp.resolve("env/fashion-mnist"), 25, 0);
        IdxFixtures.writeDataset(tmp.resolve("opt"), 35, 0);
        DatasetLocator l = isolated().withEnvironment(Map.of(DatasetLocator.DATA_ENV, tmp.resolve("env").toString()));
        DatasetFiles f = l.locate(DatasetName.FASHION_MNIST);
        assertThat(f.origin()).contains("HYPERGRAD4J_DATA");
        assertThat(f.readPool().size()).isEqualTo(25);
        assertThat(l.withExplicitDirectory(tmp.resolve("opt")).locate(DatasetName.FASHION_MNIST).readPool().size())
                .isEqualTo(35);
    }

    @Test
    void explicitDirectoryWithoutTheDatasetIsAnErrorNotAFallBack() {
        IdxFixtures.writeDataset(tmp.resolve("cache/mnist"), 40, 20);
        assertThatThrownBy(() -> isolated().withExplicitDirectory(tmp.resolve("typo")).locate(DatasetName.MNIST))
                .isInstanceOf(DatasetNotFoundException.class)
                .hasMessageContaining("explicit directory " + tmp.resolve("typo") + ": does not exist");
    }

    @Test
    void userCacheThenSystemDirectory() throws Exception {
        IdxFixtures.writeDataset(tmp.resolve("usr-share-fashion"), 50, 10);
        DatasetFiles sys = isolated().locate(DatasetName.FASHION_MNIST);
        assertThat(sys.origin()).startsWith("system package directory");
        assertThat(sys.hasAllSplits()).isTrue();

        IdxFixtures.writeDataset(tmp.resolve("cache/fashion-mnist"), 0, 10);
        DatasetFiles cached = isolated().locate(DatasetName.FASHION_MNIST);
        assertThat(cached.origin()).startsWith("user cache");
    }

    @Test
    void halfAPairIsReportedNotSkipped() {
        IdxFixtures.writeDataset(tmp.resolve("d"), 10, 10);
        try {
            Files.delete(tmp.resolve("d/train-labels-idx1-ubyte.gz"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThatThrownBy(() -> isolated().withExplicitDirectory(tmp.resolve("d")).locate(DatasetName.MNIST))
                .hasMessageContaining("has train-images-idx3-ubyte.gz but not train-labels-idx1-ubyte.gz");
    }

    @Test
    void theLibrarysMessagesNameItsMethodsNotACommandLinesOptions() throws Exception {
        // A command line adds its own options (hypergrad4j's BaseCommand does); the library cannot
        // know them.
        Files.createDirectories(tmp.resolve("typo-free-but-empty"));
        for (DatasetLocator l : List.of(isolated(), isolated().withExplicitDirectory(tmp.resolve("typo-free-but-empty")))) {
            for (DatasetName n : DatasetName.values()) {
                assertThatThrownBy(() -> l.locate(n)).isInstanceOf(DatasetNotFoundException.class)
                        .satisfies(e -> assertThat(e.getMessage()).doesNotContainPattern("(^|\\s|\\()--[a-z]"));
            }
        }
    }

    @Test
    void nothingFoundListsEveryPlaceAndEveryOption() {
        assertThatThrownBy(() -> isolated().locate(DatasetName.MNIST))
                .isInstanceOf(DatasetNotFoundException.class)
                .satisfies(e -> System.out.println("--- locator error for MNIST ---\n" + e.getMessage()))
                .hasMessageContaining("Cannot find the MNIST dataset")
                .hasMessageContaining("no withExplicitDirectory, HYPERGRAD4J_DATA not set")
                .hasMessageContaining("user cache " + tmp.resolve("cache/mnist") + ": ")
                .hasMessageContaining("download: not allowed")
                .hasMessageContaining("DatasetLocator.withExplicitDirectory(DIR)")
                .hasMessageContaining("set the environment variable HYPERGRAD4J_DATA=DIR")
                .hasMessageContaining("put the files in " + tmp.resolve("cache/mnist"))
                .hasMessageContaining("apt-get install dataset-fashion-mnist")
                .satisfies(e -> assertThat(e.getMessage()).as("no options that do not exist (the command line adds its own advice)")
                        .doesNotContain("--download"))
                .hasMessageContaining("https://ossci-datasets.s3.amazonaws.com/mnist/");
        assertThatThrownBy(() -> isolated().locate(DatasetName.FASHION_MNIST))
                .hasMessageContaining("system package directory " + tmp.resolve("usr-share-fashion"))
                .hasMessageContaining("download: not available for Fashion-MNIST");
    }

    @Test
    void downloadsIntoTheCacheAsTheLastResort() throws Exception {
        // The download is the last resort, goes to the cache, and its failure is part of the message.
        // (A successful download through the locator needs files with MNIST's real checksums: see
        // RealMnistTest.locatorDownloadsRealFilesFromALocalMirror.)
        try (LocalMirror mirror = new LocalMirror()) {
            mirror.fail("train-images-idx3-ubyte.gz", 500);
            MnistDownloader d = new MnistDownloader(List.of(mirror.base()), Duration.ofSeconds(2),
                    Duration.ofSeconds(5), 1);
            assertThatThrownBy(() -> isolated().withDownloader(d).locate(DatasetName.MNIST))
                    .isInstanceOf(DatasetNotFoundException.class)
                    .hasCauseInstanceOf(DownloadException.class)
                    .hasMessageContaining("download: failed: could not download train-images-idx3-ubyte.gz")
                    .hasMessageContaining("HTTP status 500")
                    .hasMessageContaining(mirror.base().toString());
            assertThat(mirror.requests()).containsExactly("train-images-idx3-ubyte.gz");
            try (var s = Files.list(tmp.resolve("cache/mnist"))) {
                assertThat(s).isEmpty();
            }
        }
    }

    @Test
    void partialCacheIsCompletedByDownloadWhenAllowedAndUsedAsIsOtherwise() throws Exception {
        IdxFixtures.writeDataset(tmp.resolve("cache/mnist"), 0, 20);
        assertThat(isolated().locate(DatasetName.MNIST).readPool().size()).isEqualTo(20);
        try (LocalMirror mirror = new LocalMirror()) {
            MnistDownloader d = new MnistDownloader(List.of(mirror.base()), Duration.ofSeconds(2),
                    Duration.ofSeconds(5), 1);
            assertThatThrownBy(() -> isolated().withDownloader(d).locate(DatasetName.MNIST))
                    .hasMessageContaining("has only the test split")
                    .hasMessageContaining("HTTP status 404");
            assertThat(mirror.requests()).containsExactly("train-images-idx3-ubyte.gz");
        }
    }
}
