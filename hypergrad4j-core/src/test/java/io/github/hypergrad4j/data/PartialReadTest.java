package io.github.hypergrad4j.data;

import static io.github.hypergrad4j.data.IdxFixtures.cyclicLabels;
import static io.github.hypergrad4j.data.IdxFixtures.gzip;
import static io.github.hypergrad4j.data.IdxFixtures.images;
import static io.github.hypergrad4j.data.IdxFixtures.labels;
import static io.github.hypergrad4j.data.IdxFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drawing subsets straight from the files reads only the drawn images, and gives exactly the subsets (also
 * centred on the pool mean) that
 * drawing from the whole pool in memory gives; the whole file is still checked. Files that cannot be read
 * say why, naming the file.
 */
class PartialReadTest {
    @TempDir
    Path tmp;

    @Test
    void subsetsDrawnFromTheFilesEqualThoseDrawnFromTheWholePool() throws IOException {
        for (boolean gz : new boolean[] {false, true}) {
            Path dir = Files.createDirectories(tmp.resolve("d" + gz));
            byte[] im = images(301, 5, 3), lab = labels(cyclicLabels(301));
            IdxPair pair = new IdxPair(write(dir, "im", gz ? gzip(im) : im), write(dir, "lab", gz ? gzip(lab) : lab));
            for (long seed : new long[] {0, 7, -3}) {
              for (Centring centring : Centring.values()) {
                SplitSizes sizes = new SplitSizes(40, 25, 13);
                DataSplits whole = DataSplits.draw(pair.read(10), sizes, seed, centring);
                DataSplits part = DataSplits.draw(pair, 10, "pool", sizes, seed, centring);
                assertThat(part.trainIndices()).containsExactly(whole.trainIndices());
                assertThat(part.testIndices()).containsExactly(whole.testIndices());
                for (int s = 0; s < 3; s++) {
                    Dataset a = s == 0 ? whole.train() : s == 1 ? whole.validation() : whole.test();
                    Dataset b = s == 0 ? part.train() : s == 1 ? part.validation() : part.test();
                    assertThat(b.size()).isEqualTo(a.size());
                    for (int i = 0; i < a.size(); i++) {
                        assertThat(b.label(i)).isEqualTo(a.label(i));
                        for (int f = 0; f < a.features(); f++) {
                            assertThat(b.pixel(i, f)).as(centring + " pixel").isEqualTo(a.pixel(i, f));
                        }
                    }
                }
              }
            }
        }
    }

    @Test
    void rowsAreReadInOrderAndTheRestOfTheFileIsStillChecked() throws IOException {
        byte[] im = images(50, 2, 2);
        Path file = write(tmp, "im", im);
        IdxFile rows = IdxReader.readRows(file, new int[] {0, 3, 49});
        assertThat(rows.dims()).containsExactly(3, 2, 2);
        byte[] whole = IdxReader.read(file).copyData();
        byte[] got = rows.copyData();
        assertThat(Arrays.copyOfRange(got, 4, 8)).containsExactly(Arrays.copyOfRange(whole, 12, 16));
        assertThat(Arrays.copyOfRange(got, 8, 12)).containsExactly(Arrays.copyOfRange(whole, 196, 200));

        Path cut = write(tmp, "cut.gz", gzip(Arrays.copyOf(im, im.length - 3)));
        assertThatThrownBy(() -> IdxReader.readRows(cut, new int[] {1})).isInstanceOf(IdxFormatException.class)
                .hasMessageContaining("cut.gz").hasMessageContaining("is truncated");
        assertThatThrownBy(() -> IdxReader.readRows(file, new int[] {50})).isInstanceOf(IdxFormatException.class)
                .hasMessageContaining("holds 50 entries");
    }

    @Test
    void columnSumsAddUpEveryImageReadOrNot() throws IOException {
        Path im = write(tmp, "sums-im.gz", gzip(images(37, 3, 2)));
        Path lab = write(tmp, "sums-lab", labels(cyclicLabels(37)));
        long[] sums = new long[6];
        LabelledImages.readRows(im, lab, 10, new int[] {5, 6}, sums);
        LabelledImages whole = LabelledImages.read(im, lab, 10);
        for (int k = 0; k < 6; k++) {
            long expected = 0;
            for (int i = 0; i < whole.size(); i++) {
                expected += whole.pixel(i, k);
            }
            assertThat(sums[k]).as("pixel " + k).isEqualTo(expected);
        }
    }

    @Test
    void aDirectoryWhereAFileBelongsIsNamedAsSuch() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("data"));
        Files.createDirectories(dir.resolve("train-images-idx3-ubyte.gz"));
        write(dir, "train-labels-idx1-ubyte.gz", gzip(labels(cyclicLabels(5))));
        DatasetFiles files = DatasetFiles.scan(dir, DatasetName.MNIST, "test directory");
        assertThat(files.isUsable()).as("the entry is found, not passed over").isTrue();
        assertThatThrownBy(() -> DataSplits.draw(files, new SplitSizes(1, 1, 1), 0)).isInstanceOf(IdxFormatException.class)
                .hasMessageContaining(dir.resolve("train-images-idx3-ubyte.gz") + ": is a directory, not a file")
                .as("the library's advice names its own API, not a command-line option")
                .hasMessageContaining("DatasetLocator.withExplicitDirectory(DIR)").hasMessageNotContaining("--data");
    }

    @Test
    void anUnreadableFileSaysPermissionDenied() throws IOException {
        Path file = write(tmp, "im", images(3, 2, 2));
        file.toFile().setReadable(false, false);
        // root reads every file whatever its mode: then this test has nothing to check.
        org.junit.jupiter.api.Assumptions.assumeFalse(Files.isReadable(file),
                "SKIPPED: running as root, who may read a file without read permission");
        assertThatThrownBy(() -> IdxReader.read(file)).isInstanceOf(IdxFormatException.class)
                .hasMessageContaining(file + ": cannot be read: permission denied");
    }
}
