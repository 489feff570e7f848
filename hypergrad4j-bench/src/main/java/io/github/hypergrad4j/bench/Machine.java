package io.github.hypergrad4j.bench;

import io.github.hypergrad4j.tensor.Blas;
import io.github.hypergrad4j.tensor.Parallelism;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * The machine a benchmark ran on, as far as the JVM and Linux's {@code /proc} tell.
 *
 * @param cpu CPU model and notable vector extensions
 * @param cores logical processors available to the JVM
 * @param memoryBytes physical memory
 * @param jdk Java runtime name and version
 * @param os operating system, version and architecture
 * @param blas the BLAS backend hypergrad4j chose, with the native library it loaded when known
 * @param threads threads hypergrad4j splits products and exact updates over
 * @param openblasThreads the {@code OPENBLAS_NUM_THREADS} environment variable, or null
 */
public record Machine(String cpu, int cores, long memoryBytes, String jdk, String os, String blas, int threads,
        String openblasThreads) {

    /** Describes the machine this JVM runs on. */
    public static Machine describe() {
        long memory = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getTotalMemorySize() : -1;
        String jdk = System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version");
        String os = System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch");
        String blas = Blas.describe(Blas.get());
        String lib = nativeBlasLibrary();
        if (lib != null) {
            blas += ", " + lib;
        }
        return new Machine(cpuModel(), Runtime.getRuntime().availableProcessors(), memory, jdk, os, blas,
                Parallelism.get().threads(), System.getenv("OPENBLAS_NUM_THREADS"));
    }

    /** One line: CPU, cores, memory, JDK, BLAS. */
    public String summary() {
        return String.format(Locale.ROOT, "%s, %d cores, %.1f GiB, %s, BLAS %s, %d hypergrad4j thread(s)", cpu, cores,
                memoryBytes / (double) (1L << 30), jdk, blas, threads);
    }

    private static String cpuModel() {
        String model = System.getProperty("os.arch");
        TreeSet<String> extensions = new TreeSet<>();
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                int colon = line.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String key = line.substring(0, colon).trim(), value = line.substring(colon + 1).trim();
                if (key.equals("model name")) {
                    model = value;
                } else if (key.equals("flags")) {
                    List<String> flags = List.of(value.split("\\s+"));
                    if (flags.contains("avx512f")) {
                        extensions.add("AVX-512");
                    } else if (flags.contains("avx2")) {
                        extensions.add("AVX2");
                    }
                    if (flags.contains("fma")) {
                        extensions.add("FMA");
                    }
                    if (flags.contains("hypervisor")) {
                        extensions.add("virtualised");
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return model;
        }
        return extensions.isEmpty() ? model : model + " (" + String.join(", ", extensions) + ")";
    }

    /** The BLAS or OpenBLAS shared library mapped into this process, resolved through symlinks. */
    private static String nativeBlasLibrary() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/maps"))) {
                int slash = line.indexOf('/');
                if (slash < 0) {
                    continue;
                }
                String path = line.substring(slash);
                String name = Path.of(path).getFileName().toString();
                if (name.startsWith("libblas") || name.startsWith("libopenblas")) {
                    return Path.of(path).toRealPath().toString();
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return null;
    }
}
