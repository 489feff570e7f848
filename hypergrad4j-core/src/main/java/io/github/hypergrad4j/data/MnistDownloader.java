package io.github.hypergrad4j.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscribers;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Downloads dataset files into a directory so that the directory only ever holds complete, verified files.
 *
 * <p>Each file is written to a hidden temporary file in the target directory, its SHA-256 is checked, and only
 * then is it renamed into place atomically (same directory, so same file system). On any failure (connection,
 * timeout, HTTP error, transfer cut short, wrong checksum, interruption) the temporary file is deleted and the
 * next mirror is tried; after all mirrors have failed for the given number of rounds, a
 * {@link DownloadException} lists every attempt. Timeouts cover connecting and the whole transfer, so a
 * stalled server cannot hang the caller.
 */
public final class MnistDownloader {
    /**
     * Public MNIST mirrors: the one torchvision uses and the one TensorFlow uses. (The original
     * yann.lecun.com site has been unreliable and is not used.)
     */
    public static final List<URI> PUBLIC_MIRRORS = List.of(
            URI.create("https://ossci-datasets.s3.amazonaws.com/mnist/"),
            URI.create("https://storage.googleapis.com/cvdf-datasets/mnist/"));

    private final List<URI> mirrors;
    private final Duration transferTimeout;
    private final int rounds;
    private final HttpClient client;

    /**
     * @param mirrors base URLs; a file's URL is the base followed by its name (a missing final '/' is added)
     * @param connectTimeout limit for opening a connection
     * @param transferTimeout limit for one whole request, from sending it to the last byte of the file
     * @param rounds how many times to go through the mirror list before giving up (at least 1)
     */
    public MnistDownloader(List<URI> mirrors, Duration connectTimeout, Duration transferTimeout, int rounds) {
        if (mirrors.isEmpty() || rounds < 1) {
            throw new IllegalArgumentException("need at least one mirror and one round, got " + mirrors + ", "
                    + rounds);
        }
        List<URI> bases = new ArrayList<>();
        for (URI m : mirrors) {
            bases.add(m.toString().endsWith("/") ? m : URI.create(m + "/"));
        }
        this.mirrors = List.copyOf(bases);
        this.transferTimeout = transferTimeout;
        this.rounds = rounds;
        this.client = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                // Honours -Dhttps.proxyHost etc.; without this HttpClient would ignore them.
                .proxy(ProxySelector.getDefault())
                .build();
    }

    /** The public mirrors, 30 s to connect, 10 minutes per file, two rounds. */
    public static MnistDownloader withPublicMirrors() {
        return new MnistDownloader(PUBLIC_MIRRORS, Duration.ofSeconds(30), Duration.ofMinutes(10), 2);
    }

    /** The base URLs tried, in order. */
    public List<URI> mirrors() {
        return mirrors;
    }

    /**
     * Downloads those files of {@code dataset} that {@code directory} does not hold yet (gzipped or not),
     * creating the directory if needed. Files already there are left alone.
     *
     * @return the files downloaded
     * @throws IllegalArgumentException if the dataset has no published checksums (is not downloadable)
     */
    public List<Path> fetchMissing(DatasetName dataset, Path directory) throws IOException {
        if (!dataset.downloadable()) {
            throw new IllegalArgumentException(dataset + " cannot be downloaded (no mirrors and checksums known)");
        }
        List<Path> fetched = new ArrayList<>();
        for (String file : dataset.fileNames()) {
            String raw = file.substring(0, file.length() - ".gz".length());
            if (!Files.isRegularFile(directory.resolve(file)) && !Files.isRegularFile(directory.resolve(raw))) {
                fetched.add(fetch(file, dataset.sha256(file).orElseThrow(), directory));
            }
        }
        return fetched;
    }

    /**
     * Downloads one file to {@code directory/fileName}, replacing any file there, once its SHA-256 is verified.
     * When this method throws, the directory holds no new or partial file.
     *
     * @param sha256 expected SHA-256 in hex
     * @return the downloaded file
     * @throws DownloadException when every attempt failed
     * @throws InterruptedIOException if the thread was interrupted (the interrupt flag is set again)
     */
    public Path fetch(String fileName, String sha256, Path directory) throws IOException {
        return fetch(fileName, "SHA-256", sha256, directory);
    }

    /**
     * {@link #fetch(String, String, Path)} verified with another digest, for files whose publishers give
     * only that (Omniglot's archives have published MD5s).
     *
     * @param algorithm a {@link MessageDigest} algorithm name, e.g. "SHA-256" or "MD5"
     * @param expected the expected digest in hex
     */
    public Path fetch(String fileName, String algorithm, String expected, Path directory) throws IOException {
        digestOf(algorithm); // an unknown algorithm is the caller's mistake: fail before any download
        Files.createDirectories(directory);
        Path target = directory.resolve(fileName);
        List<String> failures = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            for (URI base : mirrors) {
                URI url = base.resolve(fileName);
                try {
                    attempt(url, algorithm, expected, target);
                    return target;
                } catch (IOException e) {
                    if (Thread.currentThread().isInterrupted()) {
                        throw e; // the caller wants us to stop, not to try the next mirror
                    }
                    failures.add("round " + round + ", " + url + ": " + describe(e));
                }
            }
        }
        throw new DownloadException("could not download " + fileName + " into " + directory + ":\n  "
                + String.join("\n  ", failures) + "\nNothing was left in " + directory + ". Check the network"
                + " connection or proxy (-Dhttps.proxyHost), or download the file yourself and put it there.");
    }

    private void attempt(URI url, String algorithm, String expected, Path target) throws IOException {
        // Hidden, and never one of the names DatasetFiles looks for, so a crash mid-download cannot pass for data.
        Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".part");
        boolean moved = false;
        try {
            download(url, temp);
            String actual = digestOf(temp, algorithm);
            if (!actual.equalsIgnoreCase(expected)) {
                throw new IOException(algorithm + " mismatch: got " + actual + " (" + Files.size(temp)
                        + " bytes), expected " + expected.toLowerCase(Locale.ROOT)
                        + " (corrupt or incomplete copy on this mirror)");
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(temp);
            }
        }
    }

    private void download(URI url, Path temp) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(transferTimeout).GET().build();
        // Only a 200 body goes to the file; and the file is opened without CREATE, so a transfer that outlives
        // its cancellation cannot bring the deleted temporary file back.
        CompletableFuture<HttpResponse<Path>> future = client.sendAsync(request, info -> info.statusCode() == 200
                ? BodySubscribers.ofFile(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)
                : BodySubscribers.replacing(temp));
        HttpResponse<Path> response;
        try {
            response = future.get(transferTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new HttpTimeoutException("no complete file within " + transferTimeout.toSeconds() + " s");
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while downloading " + url);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            throw c instanceof IOException io ? io : new IOException(c);
        }
        if (response.statusCode() != 200) {
            throw new IOException("HTTP status " + response.statusCode());
        }
    }

    private static String describe(IOException e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : " (" + m + ")");
    }

    static String sha256Of(Path file) throws IOException {
        return digestOf(file, "SHA-256");
    }

    private static MessageDigest digestOf(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalArgumentException("unknown digest algorithm '" + algorithm + "' (every Java platform"
                    + " provides SHA-256 and MD5)", e);
        }
    }

    /** The digest of a file's bytes in lower-case hex. */
    static String digestOf(Path file, String algorithm) throws IOException {
        MessageDigest md = digestOf(algorithm);
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
