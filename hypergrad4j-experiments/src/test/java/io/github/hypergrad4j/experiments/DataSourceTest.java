package io.github.hypergrad4j.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.hypergrad4j.data.DatasetNotFoundException;
import io.github.hypergrad4j.data.SplitSizes;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataSourceTest {
    @TempDir
    Path empty;

    @Test
    void namesAndDirectoriesAreAcceptedAnythingElseIsExplained() {
        assertThat(DataSource.parse("auto", null).spec()).isEqualTo("auto");
        assertThat(DataSource.parse("Fashion_MNIST", null).spec()).isEqualTo("fashion-mnist");
        assertThat(DataSource.parse(empty.toString(), null).spec()).isEqualTo(empty.toString());
        assertThatThrownBy(() -> DataSource.parse("cifar", null)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("neither a dataset name (auto, mnist, fashion-mnist) nor an existing directory");
    }

    @Test
    void aDirectoryWithoutIdxFilesListsTheUsersOptions() {
        assertThatThrownBy(() -> DataSource.parse(empty.toString(), null).load(new SplitSizes(10, 0, 0), 0))
                .isInstanceOf(DatasetNotFoundException.class).hasMessageContaining("explicit directory " + empty);
    }

    @Test
    void saysWhatWasNamedAndGivesADirectorysWholePool() throws java.io.IOException {
        int n = 20;
        java.nio.ByteBuffer images = java.nio.ByteBuffer.allocate(16 + n * 4).putInt(0x803).putInt(n).putInt(2).putInt(2);
        java.nio.ByteBuffer labels = java.nio.ByteBuffer.allocate(8 + n).putInt(0x801).putInt(n);
        for (int i = 0; i < n; i++) {
            images.put(new byte[] {(byte) i, 0, 0, 0});
            labels.put((byte) (i % 10));
        }
        java.nio.file.Files.write(empty.resolve("train-images-idx3-ubyte"), images.array());
        java.nio.file.Files.write(empty.resolve("train-labels-idx1-ubyte"), labels.array());
        DataSource dir = DataSource.parse(empty.toString(), null);
        assertThat(dir.isDirectory()).isTrue();
        assertThat(dir.named()).isEmpty();
        assertThat(DataSource.parse("auto", null).isDirectory()).isFalse();
        assertThat(DataSource.parse("auto", null).named()).isEmpty();
        assertThat(DataSource.parse("mnist", null).named()).contains(io.github.hypergrad4j.data.DatasetName.MNIST);
        assertThat(DataSource.parse("fashion-mnist", null).named()).contains(io.github.hypergrad4j.data.DatasetName.FASHION_MNIST);
        io.github.hypergrad4j.data.LabelledImages pool = dir.pool();
        assertThat(pool.size()).isEqualTo(n);
        assertThat(pool.height()).isEqualTo(2);
        assertThat(pool.pixel(7, 0)).isEqualTo(7);
        assertThat(pool.label(13)).isEqualTo(3);
    }

    @Test
    void askingForMoreExamplesThanThereAreSaysWhatToDo() {
        DataSource auto = TestData.availableOrSkip(new SplitSizes(10, 0, 0));
        assertThatThrownBy(() -> auto.load(new SplitSizes(10_000_000, 0, 0), 0)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("holds only").hasMessageContaining("--quick");
    }
}
