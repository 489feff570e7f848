package io.github.hypergrad4j.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the files of a named dataset. Immutable; the {@code with...} methods return modified copies.
 *
 * <p>Search order:
 * <ol>
 *   <li>an explicit directory: the one given with {@link #withExplicitDirectory} (a CLI's {@code --data}),
 *       else the environment variable {@value #DATA_ENV}. {@code DIR/<name>} (e.g. {@code DIR/mnist}) is
 *       used if it holds the dataset, else {@code DIR} itself. An explicit directory is the only place looked
 *       at: if it does not hold the dataset that is an error, never a silent fall-back to other data;</li>
 *   <li>the user cache {@code ~/.cache/hypergrad4j/<name>};</li>
 *   <li>the system package's directory ({@code /usr/share/datasets/fashion-mnist} from Debian's
 *       {@code dataset-fashion-mnist});</li>
 *   <li>if allowed ({@link #allowDownload()}), a verified download of MNIST into the user cache.</li>
 * </ol>
 * A cache that holds only some splits is used as is, unless downloading is allowed, in which case the
 * missing files are downloaded. When nothing works, a {@link DatasetNotFoundException} says where it looked
 * and lists every option the user has.
 */
public final class DatasetLocator {
    /** Environment variable naming a data directory, used when no explicit directory is given. */
    public static final String DATA_ENV = "HYPERGRAD4J_DATA";

    private final Path explicitDirectory;
    private final Map<String, String> environment;
    private final Path cacheRoot;
    private final Map<DatasetName, Path> systemDirectories;
    private final MnistDownloader downloader;

    private DatasetLocator(Path explicitDirectory, Map<String, String> environment, Path cacheRoot,
                           Map<DatasetName, Path> systemDirectories, MnistDownloader downloader) {
        this.explicitDirectory = explicitDirectory;
        this.environment = Map.copyOf(environment);
        this.cacheRoot = cacheRoot;
        this.systemDirectories = systemDirectories;
        this.downloader = downloader;
    }

    /**
     * The locator for the current user: this process's environment, {@code ~/.cache/hypergrad4j}, the
     * standard system directories, downloading not allowed.
     */
    public static DatasetLocator forUser() {
        Map<DatasetName, Path> system = new EnumMap<>(DatasetName.class);
        for (DatasetName n : DatasetName.values()) {
            n.systemDirectory().ifPresent(p -> system.put(n, p));
        }
        return new DatasetLocator(null, System.getenv(), Path.of(System.getProperty("user.home"), ".cache",
                "hypergrad4j"), system, null);
    }

    /** Looks only in {@code directory} (or {@code directory/<name>}); null removes the option. */
    public DatasetLocator withExplicitDirectory(Path directory) {
        return new DatasetLocator(directory, environment, cacheRoot, systemDirectories, downloader);
    }

    /** Uses these environment variables instead of the process's (for tests and embedding). */
    public DatasetLocator withEnvironment(Map<String, String> env) {
        return new DatasetLocator(explicitDirectory, env, cacheRoot, systemDirectories, downloader);
    }

    /** The directory under which each dataset has its cache directory ({@code <root>/<name>}). */
    public DatasetLocator withCacheRoot(Path root) {
        return new DatasetLocator(explicitDirectory, environment, root, systemDirectories, downloader);
    }

    /** Where the system package of {@code dataset} is; null means there is none. */
    public DatasetLocator withSystemDirectory(DatasetName dataset, Path directory) {
        Map<DatasetName, Path> m = new EnumMap<>(DatasetName.class);
        m.putAll(systemDirectories);
        if (directory == null) {
            m.remove(dataset);
        } else {
            m.put(dataset, directory);
        }
        return new DatasetLocator(explicitDirectory, environment, cacheRoot, m, downloader);
    }

    /** Allows downloading MNIST from its public mirrors as the last resort. */
    public DatasetLocator allowDownload() {
        return withDownloader(MnistDownloader.withPublicMirrors());
    }

    /** Downloads with this downloader as the last resort; null forbids downloading. */
    public DatasetLocator withDownloader(MnistDownloader d) {
        return new DatasetLocator(explicitDirectory, environment, cacheRoot, systemDirectories, d);
    }

    /** The directory under which every dataset has its cache directory, e.g. {@code ~/.cache/hypergrad4j}. */
    public Path cacheRoot() {
        return cacheRoot;
    }

    /** The cache directory of a dataset: {@code <cache root>/<name>}. */
    public Path cacheDirectory(DatasetName dataset) {
        return cacheRoot.resolve(dataset.directoryName());
    }

    /**
     * Finds the files of {@code dataset}, downloading them if that is allowed and nothing else worked.
     *
     * @throws DatasetNotFoundException listing the places looked at and every option the user has
     */
    public DatasetFiles locate(DatasetName dataset) throws IOException {
        List<String> looked = new ArrayList<>();
        Optional<DatasetFiles> found = explicit(dataset, looked);
        if (found.isPresent() || !looked.isEmpty()) {
            // An explicit directory was named: it alone decides.
            return found.orElseThrow(() -> notFound(dataset, looked, null));
        }
        looked.add("explicit directory: none given (no --data option, " + DATA_ENV + " not set)");

        boolean download = downloader != null && dataset.downloadable();
        Path cache = cacheDirectory(dataset);
        DatasetFiles cached = DatasetFiles.scan(cache, dataset, "user cache");
        if (cached.isUsable() && (cached.hasAllSplits() || !download)) {
            return cached;
        }
        looked.add(describe(cached));

        Path system = systemDirectories.get(dataset);
        if (system != null) {
            DatasetFiles installed = DatasetFiles.scan(system, dataset, "system package directory");
            if (installed.isUsable()) {
                return installed;
            }
            looked.add(describe(installed));
        } else {
            looked.add("system package directory: none for " + dataset);
        }

        IOException failure = null;
        if (download) {
            try {
                downloader.fetchMissing(dataset, cache);
                DatasetFiles fetched = DatasetFiles.scan(cache, dataset, "user cache (downloaded)");
                if (fetched.isUsable()) {
                    return fetched;
                }
                looked.add("download into " + cache + ": finished but " + String.join("; ", fetched.problems()));
            } catch (IOException e) {
                failure = e;
                looked.add("download: failed: " + e.getMessage().replace("\n", "\n      "));
            }
        } else if (!dataset.downloadable()) {
            looked.add("download: not available for " + dataset);
        } else {
            looked.add("download: not allowed");
        }
        throw notFound(dataset, looked, failure);
    }

    /** The explicit directory's files; adds to {@code looked} only when an explicit directory was named. */
    private Optional<DatasetFiles> explicit(DatasetName dataset, List<String> looked) {
        Path dir = explicitDirectory;
        String how = "directory given with --data";
        if (dir == null) {
            String env = environment.get(DATA_ENV);
            if (env == null || env.isBlank()) {
                return Optional.empty();
            }
            dir = Path.of(env);
            how = "directory from " + DATA_ENV;
        }
        Path sub = dir.resolve(dataset.directoryName());
        if (Files.isDirectory(sub)) {
            DatasetFiles f = DatasetFiles.scan(sub, dataset, how);
            if (f.isUsable()) {
                return Optional.of(f);
            }
            looked.add(describe(f));
        }
        DatasetFiles f = DatasetFiles.scan(dir, dataset, how);
        if (f.isUsable()) {
            return Optional.of(f);
        }
        looked.add(describe(f));
        return Optional.empty();
    }

    private static String describe(DatasetFiles f) {
        if (f.isUsable()) {
            return f.origin() + ": has only " + (f.split(Split.TRAIN).isPresent() ? "the training" : "the test")
                    + " split";
        }
        return f.origin() + ": " + String.join("; ", f.problems());
    }

    private DatasetNotFoundException notFound(DatasetName dataset, List<String> looked, IOException cause) {
        Path cache = cacheDirectory(dataset);
        String files = String.join(", ", dataset.fileNames());
        StringBuilder m = new StringBuilder();
        m.append("Cannot find the ").append(dataset).append(" dataset. Looked at:\n");
        for (String l : looked) {
            m.append("  - ").append(l).append('\n');
        }
        m.append("A dataset directory holds ").append(files)
                .append(" (gzipped or not; the t10k pair alone is enough for small subsets).\n")
                .append("To provide ").append(dataset).append(", do one of:\n")
                .append("  1. pass --data DIR (DatasetLocator.withExplicitDirectory), where DIR/")
                .append(dataset.directoryName()).append(" or DIR holds the files;\n")
                .append("  2. set the environment variable ").append(DATA_ENV).append("=DIR;\n")
                .append("  3. put the files in ").append(cache).append(";\n")
                .append("  4. for Fashion-MNIST: sudo apt-get install dataset-fashion-mnist (installs ")
                .append(DatasetName.FASHION_MNIST.systemDirectory().orElseThrow()).append(");\n")
                .append("  5. for MNIST: allow the download (--download, DatasetLocator.allowDownload()), which")
                .append(" fetches the files from ").append(mirrorList())
                .append(" into ").append(cacheDirectory(DatasetName.MNIST))
                .append(" and verifies their SHA-256.");
        return new DatasetNotFoundException(m.toString(), cause);
    }

    private String mirrorList() {
        List<String> urls = new ArrayList<>();
        for (java.net.URI u : (downloader != null ? downloader.mirrors() : MnistDownloader.PUBLIC_MIRRORS)) {
            urls.add(u.toString());
        }
        return String.join(" or ", urls);
    }
}
