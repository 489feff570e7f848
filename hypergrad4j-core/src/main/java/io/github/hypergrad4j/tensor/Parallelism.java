package io.github.hypergrad4j.tensor;

import dev.ludovic.netlib.blas.NativeBLAS;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;

/**
 * How many threads the large matrix products are split over, fixed once per process. A product is
 * cut into that many blocks of output rows (or columns) by a rule that depends only on its shape,
 * and each block is one single-threaded BLAS call, so the bits of every result are the same whichever
 * thread computes which block: the reversible trainer's recomputed gradients stay bit-identical.
 *
 * <p>Splitting needs a single-threaded BLAS underneath. The Java backend always is; native OpenBLAS
 * is only when started with {@code OPENBLAS_NUM_THREADS=1} (the launcher and the test runner set
 * it), otherwise products run unsplit and OpenBLAS threads them itself. The system property
 * {@value #PROPERTY} sets the count (1 turns splitting off); the default is the number of cores.
 */
public final class Parallelism {
    /** System property giving the number of threads for matrix products. */
    public static final String PROPERTY = "hypergrad4j.threads";

    private static final System.Logger LOG = System.getLogger(Parallelism.class.getName());
    private static volatile Parallelism instance;

    private final int threads;
    private final ExecutorService pool;

    private Parallelism(int threads) {
        this.threads = threads;
        this.pool = threads > 1 ? Executors.newFixedThreadPool(threads - 1, daemonThreads()) : null;
    }

    private static ThreadFactory daemonThreads() {
        return r -> {
            Thread t = new Thread(r, "hypergrad4j-gemm");
            t.setDaemon(true);
            return t;
        };
    }

    /** The process-wide setting, decided on first use and logged. */
    public static Parallelism get() {
        Parallelism p = instance;
        if (p == null) {
            synchronized (Parallelism.class) {
                p = instance;
                if (p == null) {
                    p = new Parallelism(chooseThreads());
                    instance = p;
                }
            }
        }
        return p;
    }

    private static int chooseThreads() {
        String asked = System.getProperty(PROPERTY);
        int cores = Runtime.getRuntime().availableProcessors();
        int threads = cores;
        if (asked != null) {
            try {
                threads = Integer.parseInt(asked.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("-D" + PROPERTY + "=" + asked + " is not a number; give a thread count such as 2");
            }
            if (threads < 1) {
                throw new IllegalArgumentException("-D" + PROPERTY + " must be at least 1, got " + threads);
            }
        }
        boolean nativeBlas = Blas.get() instanceof NativeBLAS;
        if (threads > 1 && nativeBlas && !"1".equals(System.getenv("OPENBLAS_NUM_THREADS"))) {
            LOG.log(System.Logger.Level.INFO, "hypergrad4j: matrix products are not split because native OpenBLAS"
                    + " threads them itself; set OPENBLAS_NUM_THREADS=1 to let hypergrad4j use " + threads + " threads");
            return 1;
        }
        LOG.log(System.Logger.Level.INFO, "hypergrad4j: matrix products split over " + threads + " thread(s)");
        return threads;
    }

    public int threads() {
        return threads;
    }

    /** A body over an index range [from, to). */
    @FunctionalInterface
    public interface RangeBody {
        void run(int from, int to);
    }

    /**
     * Runs {@code body} over [0, n) cut into at most {@link #threads()} contiguous pieces of at least
     * {@code minPiece} indices. For elementwise work whose result per index does not depend on the
     * cut.
     */
    public void forRange(int n, int minPiece, RangeBody body) {
        int parts = Math.max(1, Math.min(threads, n / Math.max(1, minPiece)));
        if (parts == 1) {
            body.run(0, n);
            return;
        }
        List<Runnable> tasks = new ArrayList<>();
        for (int p = 0; p < parts; p++) {
            int from = (int) ((long) n * p / parts), to = (int) ((long) n * (p + 1) / parts);
            tasks.add(() -> body.run(from, to));
        }
        runAll(tasks);
    }

    /** Runs the tasks, the first on the calling thread and the rest on the pool, and waits for all. */
    public void runAll(List<Runnable> tasks) {
        if (pool == null || tasks.size() == 1) {
            tasks.forEach(Runnable::run);
            return;
        }
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 1; i < tasks.size(); i++) {
            futures.add(pool.submit(tasks.get(i)));
        }
        RuntimeException failure = null;
        try {
            tasks.get(0).run();
        } catch (RuntimeException e) {
            failure = e;
        }
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted during a matrix product", e);
            } catch (java.util.concurrent.ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof RuntimeException ? (RuntimeException) e.getCause()
                            : new IllegalStateException(e.getCause());
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
