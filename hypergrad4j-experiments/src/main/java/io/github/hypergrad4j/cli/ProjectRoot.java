package io.github.hypergrad4j.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The checkout's root directory: the system property {@value #PROPERTY} (set by the {@code ./hypergrad4j}
 * launcher), else the nearest directory above the working directory that holds {@code .mvn}.
 */
final class ProjectRoot {
    static final String PROPERTY = "hypergrad4j.home";

    private ProjectRoot() {}

    static Optional<Path> find() {
        String home = System.getProperty(PROPERTY);
        if (home != null && !home.isBlank()) {
            return Optional.of(Path.of(home).toAbsolutePath());
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve(".mvn"))) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
