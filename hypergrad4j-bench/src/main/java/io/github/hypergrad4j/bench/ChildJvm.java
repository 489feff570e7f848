package io.github.hypergrad4j.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a main class of this module in a fresh JVM with the same classpath and the given heap limit,
 * with {@code OPENBLAS_NUM_THREADS=1} (see {@link io.github.hypergrad4j.tensor.Parallelism}).
 */
final class ChildJvm {
    private ChildJvm() {}

    /**
     * @param exitCode the child's exit code
     * @param stdout its standard output lines
     * @param stderrTail the last lines of its standard error, for error messages
     */
    record Outcome(int exitCode, List<String> stdout, String stderrTail) {
        boolean outOfMemory() {
            return stderrTail.contains("OutOfMemoryError");
        }
    }

    static Outcome run(Class<?> mainClass, String maxHeap, List<String> args, long timeoutMinutes)
            throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx" + maxHeap, "-XX:+UseG1GC",
                "-cp", System.getProperty("java.class.path"), mainClass.getName()));
        command.addAll(args);
        File err = File.createTempFile("hypergrad4j-bench-child", ".err");
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectError(err);
            pb.environment().put("OPENBLAS_NUM_THREADS", "1");
            Process process = pb.start();
            List<String> lines = new ArrayList<>();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    lines.add(line);
                }
            }
            if (!process.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IOException("child JVM " + mainClass.getSimpleName() + " " + args + " did not finish in "
                        + timeoutMinutes + " minutes");
            }
            return new Outcome(process.exitValue(), lines, tail(Files.readAllLines(err.toPath(), StandardCharsets.UTF_8), 20));
        } finally {
            Files.deleteIfExists(err.toPath());
        }
    }

    private static String tail(List<String> lines, int n) {
        return String.join("\n", lines.subList(Math.max(0, lines.size() - n), lines.size()));
    }
}
