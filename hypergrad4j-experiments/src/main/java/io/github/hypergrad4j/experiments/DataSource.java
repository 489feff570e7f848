package io.github.hypergrad4j.experiments;

import io.github.hypergrad4j.data.Centring;
import io.github.hypergrad4j.data.DataSplits;
import io.github.hypergrad4j.data.DatasetFiles;
import io.github.hypergrad4j.data.DatasetLocator;
import io.github.hypergrad4j.data.DatasetName;
import io.github.hypergrad4j.data.DatasetNotFoundException;
import io.github.hypergrad4j.data.LabelledImages;
import io.github.hypergrad4j.data.SplitSizes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which data to run on, as given by {@code --data}: {@code auto} (the default), {@code mnist},
 * {@code fashion-mnist}, or a directory of IDX files.
 *
 * <p>{@code auto} takes MNIST if a local copy holds enough examples for the sizes asked for, else
 * Fashion-MNIST if it is installed and large enough, else tries to download MNIST, else fails with the
 * locator's message listing every way to provide data. A local MNIST copy is looked for where
 * {@link DatasetLocator#forUser()} looks ({@code HYPERGRAD4J_DATA}, the user cache) and then in
 * {@code ../shared/data/mnist} beside the project root.
 */
public final class DataSource {
    /** The {@code --data} values that name a dataset rather than a directory. */
    public static final List<String> NAMES = List.of("auto", "mnist", "fashion-mnist");

    private enum Kind { AUTO, MNIST, FASHION_MNIST, DIRECTORY }

    private final Kind kind;
    private final Path directory;
    private final Path projectRoot;
    private final boolean allowDownload;

    private DataSource(Kind kind, Path directory, Path projectRoot, boolean allowDownload) {
        this.kind = kind;
        this.directory = directory;
        this.projectRoot = projectRoot;
        this.allowDownload = allowDownload;
    }

    /**
     * Parses a {@code --data} value.
     *
     * @param projectRoot the checkout's root (its sibling {@code ../shared/data/mnist} is a place to look for
     *     MNIST), or null
     * @throws ConfigException if {@code spec} is neither a known name nor an existing directory
     */
    public static DataSource parse(String spec, Path projectRoot) {
        String s = spec.trim();
        switch (s.toLowerCase(Locale.ROOT).replace('_', '-')) {
            case "auto":
                return new DataSource(Kind.AUTO, null, projectRoot, true);
            case "mnist":
                return new DataSource(Kind.MNIST, null, projectRoot, true);
            case "fashion-mnist":
                return new DataSource(Kind.FASHION_MNIST, null, projectRoot, false);
            default:
                Path dir = Path.of(s);
                if (!Files.isDirectory(dir)) {
                    throw new ConfigException("--data '" + spec + "' is neither a dataset name (" + String.join(", ", NAMES)
                            + ") nor an existing directory. Give one of those names, or a directory holding IDX files"
                            + " (train-images-idx3-ubyte[.gz] and train-labels-idx1-ubyte[.gz], or the t10k pair).");
                }
                return new DataSource(Kind.DIRECTORY, dir, projectRoot, false);
        }
    }

    /** The same choice without any download attempt (tests, offline machines). */
    public DataSource withoutDownload() {
        return new DataSource(kind, directory, projectRoot, false);
    }

    /** How this source was asked for, e.g. {@code auto} or a directory. */
    public String spec() {
        return kind == Kind.DIRECTORY ? directory.toString() : kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * Finds the data, reads its pool and draws the subsets.
     *
     * @throws DatasetNotFoundException if no usable copy exists; the message lists the user's options
     * @throws ConfigException if the data found holds fewer examples than {@code sizes} add up to
     */
    public LoadedData load(SplitSizes sizes, long seed) throws IOException {
        return load(sizes, seed, Centring.NONE);
    }

    /**
     * Finds the data, reads its pool, draws the subsets and centres them as {@code centring} says.
     *
     * @throws DatasetNotFoundException if no usable copy exists; the message lists the user's options
     * @throws ConfigException if the data found holds fewer examples than {@code sizes} add up to
     */
    public LoadedData load(SplitSizes sizes, long seed, Centring centring) throws IOException {
        Pool pool = switch (kind) {
            case DIRECTORY -> directoryPool();
            case FASHION_MNIST -> named(DatasetName.FASHION_MNIST, DatasetLocator.forUser());
            case MNIST -> mnist(sizes);
            case AUTO -> auto(sizes);
        };
        return draw(pool, sizes, seed, centring);
    }

    /** Whether {@code --data} named a directory of IDX files. */
    public boolean isDirectory() {
        return kind == Kind.DIRECTORY;
    }

    /** The dataset {@code --data} named ({@code mnist} or {@code fashion-mnist}); empty for {@code auto} and a directory. */
    public Optional<DatasetName> named() {
        return switch (kind) {
            case MNIST -> Optional.of(DatasetName.MNIST);
            case FASHION_MNIST -> Optional.of(DatasetName.FASHION_MNIST);
            default -> Optional.empty();
        };
    }

    /**
     * Whether a local copy of a named dataset is there, without downloading or decoding anything: MNIST
     * where {@code auto} looks for it (the locator's places, then beside the project root), Fashion-MNIST
     * where the locator finds it.
     */
    public boolean hasLocal(DatasetName name) throws IOException {
        if (name == DatasetName.MNIST) {
            return !localMnist().isEmpty();
        }
        try {
            named(name, DatasetLocator.forUser());
            return true;
        } catch (DatasetNotFoundException e) {
            return false;
        }
    }

    /**
     * The whole pool of the data this source chooses, as {@link #load} would for the smallest sizes: the
     * directory, the named dataset, or {@code auto}'s choice (a local MNIST copy, else Fashion-MNIST, else
     * a download of MNIST if allowed). Unlike {@link #load}, this decodes the whole pool.
     *
     * @return the images and a description of where they came from
     * @throws DatasetNotFoundException if there is no copy; the message lists the user's options
     */
    public LabelledImages pool() throws IOException {
        SplitSizes smallest = new SplitSizes(1, 1, 1);
        Pool pool = switch (kind) {
            case DIRECTORY -> directoryPool();
            case FASHION_MNIST -> named(DatasetName.FASHION_MNIST, DatasetLocator.forUser());
            case MNIST -> mnist(smallest);
            case AUTO -> auto(smallest);
        };
        return pool.files.readPool();
    }

    /**
     * The whole pool of one named dataset, for experiments that draw from several at once (the
     * {@code weight-sharing} tasks come from MNIST and Fashion-MNIST): MNIST wherever {@code auto} would
     * find it (largest local copy, else a download if this source allows one), Fashion-MNIST where the
     * locator finds it. A directory given with {@code --data} does not apply here. Unlike {@link #load},
     * this decodes the whole pool.
     *
     * @return the images and a description of where they came from
     * @throws DatasetNotFoundException if there is no copy; the message lists the user's options
     */
    public LabelledImages pool(DatasetName name) throws IOException {
        return (name == DatasetName.MNIST ? mnist(new SplitSizes(1, 1, 1)) : named(name, DatasetLocator.forUser()))
                .files.readPool();
    }

    /**
     * A dataset's pool files, their example count (from the header: nothing is decoded until the subsets are
     * drawn, and then only the drawn images) and a place that finds them again.
     */
    private record Pool(String dataset, DatasetFiles files, int size, String location) {
        static Pool of(String dataset, DatasetFiles files, String location) throws IOException {
            return new Pool(dataset, files, files.poolSize(), location);
        }
    }

    private Pool auto(SplitSizes sizes) throws IOException {
        List<Pool> tooSmall = new ArrayList<>();
        for (Pool p : localMnist()) {
            if (p.size >= sizes.total()) {
                return p;
            }
            tooSmall.add(p);
        }
        try {
            Pool fashion = named(DatasetName.FASHION_MNIST, DatasetLocator.forUser());
            if (fashion.size >= sizes.total()) {
                return fashion;
            }
            tooSmall.add(fashion);
        } catch (DatasetNotFoundException e) {
            // not installed: try a download next
        }
        if (allowDownload) {
            return named(DatasetName.MNIST, DatasetLocator.forUser().allowDownload());
        }
        if (!tooSmall.isEmpty()) {
            return tooSmall.get(0); // draw() explains what is too small
        }
        return named(DatasetName.MNIST, DatasetLocator.forUser());
    }

    private Pool mnist(SplitSizes sizes) throws IOException {
        List<Pool> local = localMnist();
        for (Pool p : local) {
            if (p.size >= sizes.total()) {
                return p;
            }
        }
        if (allowDownload) {
            try {
                return named(DatasetName.MNIST, DatasetLocator.forUser().allowDownload());
            } catch (IOException e) {
                if (local.isEmpty()) {
                    throw e;
                }
            }
        }
        if (!local.isEmpty()) {
            return local.get(0);
        }
        return named(DatasetName.MNIST, DatasetLocator.forUser());
    }

    /** Local MNIST copies, best first: where the locator looks, then beside the project root. */
    private List<Pool> localMnist() throws IOException {
        List<Pool> found = new ArrayList<>();
        try {
            found.add(named(DatasetName.MNIST, DatasetLocator.forUser()));
        } catch (DatasetNotFoundException e) {
            // not in the cache or HYPERGRAD4J_DATA
        }
        if (projectRoot != null) {
            Path shared = projectRoot.resolve("../shared/data").normalize();
            for (Path dir : List.of(shared.resolve(DatasetName.MNIST.directoryName()), shared)) {
                DatasetFiles files = DatasetFiles.scan(dir, DatasetName.MNIST, "the directory beside the project");
                if (files.isUsable()) {
                    found.add(Pool.of(DatasetName.MNIST.displayName(), files, dir.toAbsolutePath().toString()));
                    break;
                }
            }
        }
        found.sort((a, b) -> Integer.compare(b.size, a.size));
        return found;
    }

    private static Pool named(DatasetName name, DatasetLocator locator) throws IOException {
        DatasetFiles files = locator.locate(name);
        return Pool.of(name.displayName(), files, name.directoryName());
    }

    private Pool directoryPool() throws IOException {
        DatasetLocator locator = DatasetLocator.forUser().withExplicitDirectory(directory);
        try {
            return Pool.of("IDX files", locator.locate(DatasetName.MNIST), directory.toAbsolutePath().toString());
        } catch (DatasetNotFoundException e) {
            try {
                return Pool.of("IDX files", locator.locate(DatasetName.FASHION_MNIST), directory.toAbsolutePath().toString());
            } catch (DatasetNotFoundException ignored) {
                throw e;
            }
        }
    }

    private static LoadedData draw(Pool pool, SplitSizes sizes, long seed, Centring centring) throws IOException {
        try {
            DataSplits splits = DataSplits.draw(pool.files, sizes, seed, centring);
            return new LoadedData(pool.dataset, pool.files.poolDescription(), splits, pool.location);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage() + " Otherwise ask for smaller sets with the experiment's size"
                    + " options, use --quick, or choose other data with --data (" + String.join(", ", NAMES)
                    + " or a directory).", e);
        }
    }
}
