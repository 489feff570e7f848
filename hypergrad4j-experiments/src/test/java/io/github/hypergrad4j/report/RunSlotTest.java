package io.github.hypergrad4j.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One run per experiment directory, and the states a kill at any moment of an overwrite can leave, each
 * repaired by the next claim to the old run or the new one, never a mix.
 */
class RunSlotTest {
    private static final String KEEP = "checkpoint.json", COMPLETE = "results.json";

    @TempDir
    Path out;

    private RunSlot claim(String name) throws IOException {
        return RunSlot.claim(out, name, LockFile.describeThisProcess("test " + name), KEEP, COMPLETE);
    }

    @Test
    void aSecondClaimOfTheSameDirectoryIsRefusedNamingTheHolderOthersGoOn() throws IOException {
        try (RunSlot first = claim("ard")) {
            assertThatThrownBy(() -> claim("ard")).isInstanceOf(DirectoryInUseException.class)
                    .hasMessageContaining(out.resolve("ard") + " is in use by another run (process "
                            + ProcessHandle.current().pid()).hasMessageContaining("test ard")
                    .hasMessageContaining("another --out");
            try (RunSlot other = claim("fake-data")) {
                assertThat(other.directory()).isEqualTo(out.resolve("fake-data"));
            }
        }
        try (RunSlot again = claim("ard")) {
            assertThat(again.repairs()).isEmpty();
        }
        try (Stream<Path> left = Files.list(out)) {
            assertThat(left).as("lock files are removed with the lock").isEmpty();
        }
    }

    @Test
    void aClaimThatCreatedTheOutputDirectoryRemovesItWhenNothingWasWritten() throws IOException {
        Path deeper = out.resolve("a/b");
        RunSlot.claim(deeper, "ard", "test", KEEP, COMPLETE).close();
        assertThat(out.resolve("a")).doesNotExist();
    }

    @Test
    void anOverwriteReplacesTheWholeDirectoryAtCommit() throws IOException {
        write(out.resolve("ard"), "results.json", "old", "old-figure.png", "old");
        try (RunSlot slot = claim("ard")) {
            Path staging = slot.freshStaging();
            write(staging, "results.json", "new", "new-figure.png", "new");
            assertThat(Files.readString(out.resolve("ard/results.json"))).as("old run intact until the end").isEqualTo("old");
            slot.commit(staging);
        }
        assertThat(names(out.resolve("ard"))).containsExactly("new-figure.png", "results.json");
        assertThat(Files.readString(out.resolve("ard/results.json"))).isEqualTo("new");
        assertThat(names(out)).containsExactly("ard");
    }

    @Test
    void staleTemporaryFilesAndAStagingDirectoryWithNothingToResumeAreRemoved() throws IOException {
        write(out.resolve("ard"), "results.json", "old", ".results.json.0123abcd.tmp", "half");
        write(out.resolve(".ard.new"), "ard.png", "partial", "x", "y");
        try (RunSlot slot = claim("ard")) {
            assertThat(slot.repairs()).hasSize(2);
        }
        assertThat(names(out)).containsExactly("ard");
        assertThat(names(out.resolve("ard"))).containsExactly("results.json");
    }

    @Test
    void aStagingDirectoryWithACheckpointIsKeptForResume() throws IOException {
        write(out.resolve("ard"), "results.json", "old", "a", "b");
        write(out.resolve(".ard.new"), KEEP, "{}", "ard.png", "partial");
        try (RunSlot slot = claim("ard")) {
            assertThat(slot.repairs()).isEmpty();
        }
        assertThat(names(out.resolve(".ard.new"))).containsExactly("ard.png", KEEP);
    }

    @Test
    void aKillBetweenTheTwoRenamesOfTheSwapIsCompletedOrUndone() throws IOException {
        // The old run renamed aside, the complete new one not yet in place: the swap is completed.
        write(out.resolve(".ard.old"), "results.json", "old", "old.png", "old");
        write(out.resolve(".ard.new"), "results.json", "new", "new.png", "new");
        claim("ard").close();
        assertThat(names(out)).containsExactly("ard");
        assertThat(Files.readString(out.resolve("ard/results.json"))).isEqualTo("new");

        // Aside, but the new run incomplete (cannot happen by the order of writes, but must not lose the old).
        write(out.resolve(".init-dist.old"), "results.json", "old", "old.png", "old");
        write(out.resolve(".init-dist.new"), "partial.png", "new", "x", "y");
        claim("init-dist").close();
        assertThat(names(out.resolve("init-dist"))).containsExactly("old.png", "results.json");
        assertThat(names(out)).containsExactly("ard", "init-dist");
    }

    @Test
    void threadsRebuildingOneIndexTakeTurns() throws Exception {
        Files.createDirectories(out);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Path>> f = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                f.add(pool.submit(() -> ReportIndex.regenerate(out)));
            }
            for (Future<Path> x : f) {
                assertThat(x.get()).exists();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(names(out)).containsExactly("index.html");
    }

    private static void write(Path dir, String a, String aText, String b, String bText) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(a), aText);
        Files.writeString(dir.resolve(b), bText);
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
