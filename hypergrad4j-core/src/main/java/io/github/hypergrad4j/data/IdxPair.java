package io.github.hypergrad4j.data;

import java.nio.file.Path;
import java.util.Objects;

/** An images file and the labels file that belongs to it. */
public record IdxPair(Path images, Path labels) {
    public IdxPair {
        Objects.requireNonNull(images, "images");
        Objects.requireNonNull(labels, "labels");
    }

    /** Reads both files; see {@link LabelledImages#read(Path, Path, int)}. */
    public LabelledImages read(int classes) throws java.io.IOException {
        return LabelledImages.read(images, labels, classes);
    }
}
