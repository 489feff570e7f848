package io.github.hypergrad4j.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against servers on 127.0.0.1 only; never the internet. */
class MnistDownloaderTest {
    private static final String NAME = "t10k-labels-idx1-ubyte.gz";
    private static final byte[] CONTENT = IdxFixtures.gzip(IdxFixtures.labels(IdxFixtures.cyclicLabels(5000)));

    @TempDir
    Path cache;
    private LocalMirror first;
    private LocalMirror second;
    private String sha;

    @BeforeEach
    void start() throws IOException {
        first = new LocalMirror();
        second = new LocalMirror();
        Path f = Files.write(Files.createTempFile("content", ".gz"), CONTENT);
        sha = MnistDownloader.sha256Of(f);
        Files.delete(f);
    }

    @AfterEach
    void stop() {
        first.close();
        second.close();
    }

    private MnistDownloader downloader(Duration transfer, URI... mirrors) {
        return new MnistDownloader(List.of(mirrors), Duration.ofSeconds(2), transfer, 1);
    }

    private List<String> cacheContents() {
        try (Stream<Path> s = Files.list(cache)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void goodFileIsVerifiedAndRenamedIntoPlace() throws Exception {
        first.serve(NAME, CONTENT);
        Path got = downloader(Duration.ofSeconds(5), first.base()).fetch(NAME, sha, cache);
        assertThat(got).isEqualTo(cache.resolve(NAME));
        assertThat(Files.readAllBytes(got)).isEqualTo(CONTENT);
        assertThat(cacheContents()).containsExactly(NAME); // no temporary file left
        assertThat(LabelledImagesOrLabels.count(got)).isEqualTo(5000);
    }

    @Test
    void wrongChecksumLeavesNothing() {
        byte[] tampered = CONTENT.clone();
        tampered[tampered.length - 9] ^= 1;
        first.serve(NAME, tampered);
        assertThatThrownBy(() -> downloader(Duration.ofSeconds(5), first.base()).fetch(NAME, sha, cache))
                .isInstanceOf(DownloadException.class)
                .hasMessageContaining("SHA-256 mismatch").hasMessageContaining("expected " + sha)
                .hasMessageContaining(first.base().resolve(NAME).toString())
                .hasMessageContaining("Nothing was left in " + cache);
        assertThat(cacheContents()).isEmpty();
    }

    @Test
    void transferCutShortLeavesNothing() {
        first.cutShort(NAME, CONTENT, CONTENT.length / 3);
        // A long timeout, so that this failure must come from the dropped connection, not from waiting.
        assertThatThrownBy(() -> downloader(Duration.ofSeconds(60), first.base()).fetch(NAME, sha, cache))
                .isInstanceOf(DownloadException.class).hasMessageContaining("round 1")
                .hasMessageNotContaining("no complete file within")
                .satisfies(e -> System.out.println("cut-short transfer reported as: " + e.getMessage()));
        assertThat(cacheContents()).isEmpty();
    }

    @Test
    void serverErrorLeavesNothing() {
        first.fail(NAME, 500);
        assertThatThrownBy(() -> downloader(Duration.ofSeconds(5), first.base()).fetch(NAME, sha, cache))
                .isInstanceOf(DownloadException.class).hasMessageContaining("HTTP status 500");
        assertThat(cacheContents()).isEmpty();
    }

    @Test
    void stalledTransferTimesOutAndLeavesNothing() {
        first.stall(NAME, CONTENT);
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> downloader(Duration.ofMillis(700), first.base()).fetch(NAME, sha, cache))
                .isInstanceOf(DownloadException.class).hasMessageContaining("no complete file within");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
        assertThat(cacheContents()).isEmpty();
    }

    @Test
    void unreachableMirrorIsReported() throws Exception {
        URI dead = URI.create("http://127.0.0.1:" + freePort() + "/mnist/");
        assertThatThrownBy(() -> downloader(Duration.ofSeconds(5), dead).fetch(NAME, sha, cache))
                .isInstanceOf(DownloadException.class).hasMessageContaining(dead.resolve(NAME).toString());
        assertThat(cacheContents()).isEmpty();
    }

    @Test
    void fallsBackToTheNextMirrorAndRetriesRounds() throws Exception {
        first.fail(NAME, 503);
        second.cutShort(NAME, CONTENT, 10);
        MnistDownloader d = new MnistDownloader(List.of(first.base(), second.base()), Duration.ofSeconds(2),
                Duration.ofSeconds(5), 2);
        assertThatThrownBy(() -> d.fetch(NAME, sha, cache)).isInstanceOf(DownloadException.class)
                .hasMessageContaining("round 1, " + first.base().resolve(NAME))
                .hasMessageContaining("round 2, " + second.base().resolve(NAME));
        assertThat(first.requests()).hasSize(2);
        assertThat(second.requests()).hasSize(2);
        assertThat(cacheContents()).isEmpty();

        second.serve(NAME, CONTENT);
        assertThat(d.fetch(NAME, sha, cache)).hasBinaryContent(CONTENT);
        assertThat(cacheContents()).containsExactly(NAME);
    }

    @Test
    void replacesACorruptFileOnlyOnceTheNewOneIsVerified() throws Exception {
        Files.write(cache.resolve(NAME), new byte[] {1, 2, 3});
        first.serve(NAME, new byte[] {4, 5, 6});
        assertThatThrownBy(() -> downloader(Duration.ofSeconds(5), first.base()).fetch(NAME, sha, cache))
                .isInstanceOf(DownloadException.class);
        assertThat(cache.resolve(NAME)).hasBinaryContent(new byte[] {1, 2, 3});
        first.serve(NAME, CONTENT);
        downloader(Duration.ofSeconds(5), first.base()).fetch(NAME, sha, cache);
        assertThat(cache.resolve(NAME)).hasBinaryContent(CONTENT);
    }

    @Test
    void fetchMissingSkipsFilesAlreadyThere() throws Exception {
        for (String f : DatasetName.MNIST.fileNames()) {
            if (!f.equals(NAME)) {
                Files.write(cache.resolve(f.replace(".gz", "")), new byte[] {0});
            }
        }
        first.serve(NAME, CONTENT);
        // The real checksum of MNIST's t10k labels would not match our fixture, so check what is requested.
        assertThatThrownBy(() -> downloader(Duration.ofSeconds(5), first.base())
                .fetchMissing(DatasetName.MNIST, cache)).isInstanceOf(DownloadException.class);
        assertThat(first.requests()).containsExactly(NAME);
        assertThatThrownBy(() -> downloader(Duration.ofSeconds(5), first.base())
                .fetchMissing(DatasetName.FASHION_MNIST, cache)).isInstanceOf(IllegalArgumentException.class);
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Reads the downloaded labels file to show it is usable data. */
    private static final class LabelledImagesOrLabels {
        static int count(Path labels) throws IOException {
            return IdxReader.read(labels).dim(0);
        }
    }
}
