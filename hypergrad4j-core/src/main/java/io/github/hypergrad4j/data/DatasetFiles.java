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
 * The files of one dataset as found in one place: which official splits are there, or a single image/label
 * pair given by the user. Finding files reads nothing but directory entries; {@link #readPool()} reads.
 */
public final class DatasetFiles {
    private final String name;
    private final String origin;
    private final int classes;
    private final Map<Split, IdxPair> splits;
    private final IdxPair customPair;
    private final List<String> problems;

    private DatasetFiles(String name, String origin, int classes, Map<Split, IdxPair> splits, IdxPair customPair,
                         List<String> problems) {
        this.name = name;
        this.origin = origin;
        this.classes = classes;
        this.splits = splits;
        this.customPair = customPair;
        this.problems = List.copyOf(problems);
    }

    /**
     * Looks in {@code directory} for the official file names, gzipped ({@code train-images-idx3-ubyte.gz})
     * or not ({@code train-images-idx3-ubyte}). A split whose images are there without labels (or the
     * reverse) is recorded as a problem rather than ignored, since using the other split instead would
     * silently change the data.
     *
     * @param origin how this directory was chosen, for messages (e.g. "user cache")
     * @param directory the directory to look in; need not exist
     * @param dataset which files to look for
     * @return what was found, usable or not (see {@link #problems()})
     */
    public static DatasetFiles scan(Path directory, DatasetName dataset, String origin) {
        Map<Split, IdxPair> found = new EnumMap<>(Split.class);
        List<String> problems = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            problems.add("does not exist");
        } else {
            for (Split s : Split.values()) {
                Optional<Path> img = find(directory, s.imagesFile());
                Optional<Path> lab = find(directory, s.labelsFile());
                if (img.isPresent() && lab.isPresent()) {
                    found.put(s, new IdxPair(img.get(), lab.get()));
                } else if (img.isPresent() || lab.isPresent()) {
                    problems.add("has " + (img.isPresent() ? s.imagesFile() : s.labelsFile())
                            + " but not " + (img.isPresent() ? s.labelsFile() : s.imagesFile()));
                }
            }
            if (found.isEmpty() && problems.isEmpty()) {
                problems.add("holds none of " + String.join(", ", dataset.fileNames()));
            }
        }
        return new DatasetFiles(dataset.displayName(), origin + " " + directory, dataset.classes(), found, null,
                problems);
    }

    /**
     * A user's own pair of IDX files with labels in 0..9, used as the pool to draw subsets from.
     *
     * @param images the IDX images file
     * @param labels its IDX labels file
     * @return files whose pool is that pair
     */
    public static DatasetFiles ofPair(Path images, Path labels) {
        return ofPair(images, labels, LabelledImages.DEFAULT_CLASSES);
    }

    /**
     * A user's own pair of IDX files with labels in 0..classes-1.
     *
     * @param images the IDX images file
     * @param labels its IDX labels file
     * @param classes the number of classes
     * @return files whose pool is that pair
     */
    public static DatasetFiles ofPair(Path images, Path labels, int classes) {
        return new DatasetFiles("IDX pair", images.toAbsolutePath() + " with " + labels.toAbsolutePath(), classes,
                new EnumMap<>(Split.class), new IdxPair(images, labels), List.of());
    }

    /**
     * The file of that name, gzipped or not. Anything of the name counts, also a directory, so that reading
     * it says what is wrong instead of the file being silently passed over.
     */
    private static Optional<Path> find(Path dir, String gzName) {
        Path gz = dir.resolve(gzName);
        Path raw = dir.resolve(gzName.substring(0, gzName.length() - ".gz".length()));
        if (Files.isRegularFile(gz) || (Files.exists(gz) && !Files.isRegularFile(raw))) {
            return Optional.of(gz);
        }
        return Files.exists(raw) ? Optional.of(raw) : Optional.empty();
    }

    /**
     * True when there is something to read and nothing suspicious (such as images without labels).
     *
     * @return whether {@link #pool()} can be read
     */
    public boolean isUsable() {
        return problems.isEmpty() && (customPair != null || !splits.isEmpty());
    }

    /**
     * True when both official splits are there.
     *
     * @return whether both the training and the test split are present
     */
    public boolean hasAllSplits() {
        return splits.size() == Split.values().length;
    }

    /**
     * What is missing or inconsistent here, one sentence each; empty when usable.
     *
     * @return the problems, one sentence each
     */
    public List<String> problems() {
        return problems;
    }

    /**
     * Where these files were found and how that place was chosen.
     *
     * @return e.g. {@code "user cache /home/me/.cache/hypergrad4j/mnist"}
     */
    public String origin() {
        return origin;
    }

    /**
     * The number of classes the labels range over.
     *
     * @return 10 for MNIST and Fashion-MNIST
     */
    public int classes() {
        return classes;
    }

    /**
     * The files of an official split, if present.
     *
     * @param split which split
     * @return its files, or empty
     */
    public Optional<IdxPair> split(Split split) {
        return Optional.ofNullable(splits.get(split));
    }

    /**
     * The files subsets are drawn from: the user's pair if given, else the official training split when
     * present, else the test split (for instance a directory that holds only MNIST's 10,000 test images).
     *
     * @throws IllegalStateException if nothing usable was found; check {@link #isUsable()} first
     * @return the files of the split to draw subsets from
     */
    public IdxPair pool() {
        if (!isUsable()) {
            throw new IllegalStateException("no usable " + name + " files in " + origin + ": "
                    + String.join("; ", problems));
        }
        if (customPair != null) {
            return customPair;
        }
        return splits.containsKey(Split.TRAIN) ? splits.get(Split.TRAIN) : splits.get(Split.TEST);
    }

    /**
     * Reads {@link #pool()}, described by dataset, split and place for messages and records.
     *
     * @return the images and labels
     * @throws IOException if a file cannot be read or is broken
     */
    public LabelledImages readPool() throws IOException {
        IdxPair pair = pool();
        return pair.read(classes).withDescription(poolDescription());
    }

    /**
     * How many examples {@link #pool()} holds, read from the images file's header alone (no pixels are
     * read).
     *
     * @return the number of images in the pool
     * @throws IOException if the images file cannot be read or its header is broken
     */
    public int poolSize() throws IOException {
        return IdxReader.dimensions(pool().images())[0];
    }

    /**
     * Reads an official split.
     *
     * @param split which split
     * @return its images and labels
     * @throws IOException if a file cannot be read or is broken
     */
    public LabelledImages read(Split split) throws IOException {
        IdxPair pair = split(split).orElseThrow(() -> new IllegalStateException(
                "no " + split + " split of " + name + " in " + origin));
        return pair.read(classes).withDescription(name + " " + split.name().toLowerCase(java.util.Locale.ROOT) + " split ("
                + pair.images().getFileName() + ", " + origin + ")");
    }

    /**
     * The pool's dataset, split and place, for messages and records.
     *
     * @return the dataset's name, which split serves as the pool (and why, when it is the test split)
     *     and {@link #origin()}, e.g. "MNIST training split (" + origin + ")"
     */
    public String poolDescription() {
        if (customPair != null) {
            return name + " " + origin;
        }
        if (splits.containsKey(Split.TRAIN)) {
            return name + " training split (" + origin + ")";
        }
        return name + " test split, the only one in " + origin + " (no " + Split.TRAIN.imagesFile() + ")";
    }

    @Override
    public String toString() {
        return "DatasetFiles[" + name + ", " + origin + ", splits " + splits.keySet()
                + (customPair != null ? ", pair " + customPair : "") + (problems.isEmpty() ? "" : ", " + problems)
                + "]";
    }
}
