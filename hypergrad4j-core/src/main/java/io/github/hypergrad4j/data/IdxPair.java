package io.github.hypergrad4j.data;

import java.nio.file.Path;
import java.util.Objects;

/** An images file and the labels file that belongs to it. */
public record IdxPair(Path images, Path labels) {
    /**
     * Both paths are required.
     *
     * @param images the images file
     * @param labels the labels file
     */
    public IdxPair {
        Objects.requireNonNull(images, "images");
        Objects.requireNonNull(labels, "labels");
    }

    /**
     * Reads both files; see {@link LabelledImages#read(Path, Path, int)}.
     *
     * @param classes labels must lie in 0..classes-1
     * @return the images and labels
     * @throws java.io.IOException if a file cannot be read or is broken
     */
    public LabelledImages read(int classes) throws java.io.IOException {
        return LabelledImages.read(images, labels, classes);
    }
}
