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
    void askingForMoreExamplesThanThereAreSaysWhatToDo() {
        DataSource auto = TestData.availableOrSkip(new SplitSizes(10, 0, 0));
        assertThatThrownBy(() -> auto.load(new SplitSizes(10_000_000, 0, 0), 0)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("holds only").hasMessageContaining("--quick");
    }
}
