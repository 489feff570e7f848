package io.github.hypergrad4j.tensor;

import dev.ludovic.netlib.blas.BLAS;
import dev.ludovic.netlib.blas.JavaBLAS;
import dev.ludovic.netlib.blas.NativeBLAS;
import java.util.Locale;

/**
 * Picks the BLAS backend once: native (OpenBLAS through {@code libblas.so.3}) when it loads, the
 * pure-Java implementation otherwise. The system property {@value #PROPERTY} ({@code native},
 * {@code java} or {@code auto}) overrides the choice; the choice is logged once.
 */
public final class Blas {
    /** System property selecting the backend: {@code auto} (default), {@code native} or {@code java}. */
    public static final String PROPERTY = "hypergrad4j.blas";

    private static final System.Logger LOG = System.getLogger(Blas.class.getName());
    private static volatile BLAS instance;

    private Blas() {}

    /** The process-wide backend, chosen on first use. */
    public static BLAS get() {
        BLAS b = instance;
        if (b == null) {
            synchronized (Blas.class) {
                b = instance;
                if (b == null) {
                    b = choose(System.getProperty(PROPERTY, "auto"));
                    LOG.log(System.Logger.Level.INFO, "hypergrad4j BLAS backend: " + describe(b));
                    instance = b;
                }
            }
        }
        return b;
    }

    /** The backend for an explicit choice ({@code auto}, {@code native} or {@code java}), not cached. */
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
            case "auto":
                return nativeOrNull() != null ? nativeOrNull() : JavaBLAS.getInstance();
            default:
                throw new IllegalArgumentException("unknown BLAS backend '" + choice + "' in -D" + PROPERTY
                        + "; use auto, native or java");
        }
    }

    /** The native backend, or null when it cannot be loaded on this machine. */
    public static BLAS nativeOrNull() {
        try {
            return NativeBLAS.getInstance();
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }

    /**
     * The process's backend as a run records it, e.g. {@code java (VectorBLAS)} or {@code native
     * (JNIBLAS)}: results are bit-identical between runs with the same name, whatever their core
     * counts. Native BLAS that threads itself ({@code OPENBLAS_NUM_THREADS} not 1) has its thread
     * setting appended, e.g. {@code native (JNIBLAS), OPENBLAS_NUM_THREADS=unset}, because its
     * own splitting of a product may then follow the core count.
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

    /** A short human-readable name of a backend, e.g. {@code native (JNIBLAS)}. */
    public static String describe(BLAS b) {
        boolean isNative = b instanceof NativeBLAS;
        return (isNative ? "native" : "java") + " (" + b.getClass().getSimpleName() + ")";
    }
}
