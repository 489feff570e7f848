package io.github.hypergrad4j.tensor;

import dev.ludovic.netlib.blas.BLAS;
import dev.ludovic.netlib.blas.JavaBLAS;
import dev.ludovic.netlib.blas.NativeBLAS;
import java.util.Locale;

/**
 * Picks the BLAS backend once: native (OpenBLAS through {@code libblas.so.3}) when it loads, the
 * pure-Java implementation otherwise. The system property {@value #PROPERTY} ({@code native},
 * {@code java} or {@code auto}) overrides the choice; the choice is logged once, at debug level
 * ({@code System.Logger.Level.DEBUG}, java.util.logging's {@code FINE}) under this class's name.
 *
 * <p>netlib reports every implementation it tries and cannot load (the Vector API one needs
 * {@code --add-modules jdk.incubator.vector}, the native one needs OpenBLAS) as a
 * java.util.logging WARNING, which would print on every run although nothing is wrong. Unless the
 * application has configured the {@code dev.ludovic.netlib} logger itself (any level set, e.g. in
 * logging.properties), this class quiets it to SEVERE before netlib loads; the backend chosen and,
 * at debug level, why the native one was not, are logged here instead.
 */
public final class Blas {
    /** System property selecting the backend: {@code auto} (default), {@code native} or {@code java}. */
    public static final String PROPERTY = "hypergrad4j.blas";

    private static final System.Logger LOG = System.getLogger(Blas.class.getName());
    /** netlib's logger, held so that the level set here is not lost to garbage collection. */
    private static final java.util.logging.Logger NETLIB = java.util.logging.Logger.getLogger("dev.ludovic.netlib");
    private static volatile BLAS instance;

    private Blas() {}

    /**
     * The process-wide backend, chosen on first use.
     *
     * @return the backend every matrix product of this process uses
     */
    public static BLAS get() {
        BLAS b = instance;
        if (b == null) {
            synchronized (Blas.class) {
                b = instance;
                if (b == null) {
                    quietNetlib();
                    java.util.Set<java.nio.file.Path> before = NativeLibraryFiles.list();
                    b = choose(System.getProperty(PROPERTY, "auto"));
                    NativeLibraryFiles.removeAfterLoad(before);
                    LOG.log(System.Logger.Level.DEBUG, "hypergrad4j BLAS backend: " + describe(b));
                    instance = b;
                }
            }
        }
        return b;
    }

    /** netlib's expected load failures to SEVERE, unless the application chose a level for them. */
    private static void quietNetlib() {
        if (NETLIB.getLevel() == null) {
            NETLIB.setLevel(java.util.logging.Level.SEVERE);
        }
    }

    /**
     * The backend for an explicit choice ({@code auto}, {@code native} or {@code java}), not cached.
     *
     * @param choice {@code auto}, {@code native} or {@code java}, in any case
     * @return the backend; {@code auto} gives native when it loads, else Java
     * @throws IllegalStateException if {@code native} is asked for and cannot be loaded, saying how to
     *     install it
     * @throws IllegalArgumentException for any other word
     */
    public static BLAS choose(String choice) {
        switch (choice.toLowerCase(Locale.ROOT)) {
            case "java":
                return JavaBLAS.getInstance();
            case "native":
                try {
                    return NativeBLAS.getInstance();
                } catch (RuntimeException | LinkageError e) {
                    throw new IllegalStateException("native BLAS requested (-D" + PROPERTY + "=native) but it"
                            + " could not be loaded: " + e.getMessage() + ". Install OpenBLAS (Debian:"
                            + " apt-get install libopenblas0) or use -D" + PROPERTY + "=java", e);
                }
            case "auto": {
                BLAS n = nativeOrNull();
                return n != null ? n : JavaBLAS.getInstance();
            }
            default:
                throw new IllegalArgumentException("unknown BLAS backend '" + choice + "' in -D" + PROPERTY
                        + "; use auto, native or java");
        }
    }

    /**
     * The native backend, or null when it cannot be loaded on this machine.
     *
     * @return the native backend, or null (the reason is logged at debug level)
     */
    public static BLAS nativeOrNull() {
        try {
            return NativeBLAS.getInstance();
        } catch (RuntimeException | LinkageError e) {
            LOG.log(System.Logger.Level.DEBUG, "hypergrad4j: native BLAS not available (" + e + ");"
                    + " install OpenBLAS (Debian: apt-get install libopenblas0) for faster matrix products");
            return null;
        }
    }

    /**
     * The process's backend as a run records it, e.g. {@code java (VectorBLAS)} or {@code native
     * (JNIBLAS)}: results are bit-identical between runs with the same name, whatever their core
     * counts. Native BLAS that threads itself ({@code OPENBLAS_NUM_THREADS} not 1) has its thread
     * setting appended, e.g. {@code native (JNIBLAS), OPENBLAS_NUM_THREADS=unset}, because its
     * own splitting of a product may then follow the core count.
     *
     * @return the name, chosen on first use like {@link #get()}
     */
    public static String backendName() {
        BLAS b = get();
        String name = describe(b);
        String blasThreads = System.getenv("OPENBLAS_NUM_THREADS");
        if (b instanceof NativeBLAS && !"1".equals(blasThreads)) {
            name += ", OPENBLAS_NUM_THREADS=" + (blasThreads == null ? "unset" : blasThreads);
        }
        return name;
    }

    /**
     * A short human-readable name of a backend, e.g. {@code native (JNIBLAS)}.
     *
     * @param b a backend
     * @return {@code native (...)} or {@code java (...)} with its class's simple name
     */
    public static String describe(BLAS b) {
        boolean isNative = b instanceof NativeBLAS;
        return (isNative ? "native" : "java") + " (" + b.getClass().getSimpleName() + ")";
    }
}
