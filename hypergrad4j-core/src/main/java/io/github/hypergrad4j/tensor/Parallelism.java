package io.github.hypergrad4j.tensor;

import dev.ludovic.netlib.blas.NativeBLAS;
import java.util.ArrayList;
import java.util.List;

/**
 * How many threads the large matrix products and the trainer's exact updates run on, fixed once per
 * process. The work is cut into pieces by rules that depend only on its shape (a product's
 * dimensions, the parameter count), never on the thread count; each piece of a product is one
 * single-threaded BLAS call, and pieces are combined in a fixed order. The threads only decide who
 * computes which piece, so every result has the same bits on 1, 2 or 64 cores. Independent
 * products (a value and its tangent, the two gradients of a product) may also run concurrently
 * ({@link #both}), each still computed the same way.
 *
 * <p>Splitting needs a single-threaded BLAS underneath. The Java backend always is; native OpenBLAS
 * is only when started with {@code OPENBLAS_NUM_THREADS=1} (the launcher and the test runner set
 * it), otherwise the pieces run one after the other and OpenBLAS threads each itself (then the bits
 * are OpenBLAS's business; {@link Blas#backendName()} says so). The system property {@value #PROPERTY}
 * sets the count; the default is the number of cores.
 */
public final class Parallelism {
    /** System property giving the number of threads for matrix products. */
    public static final String PROPERTY = "hypergrad4j.threads";

    private static final System.Logger LOG = System.getLogger(Parallelism.class.getName());
    private static volatile Parallelism instance;

    private final int threads;
    private final WorkerTeam team;

    private Parallelism(int threads) {
        this.threads = threads;
        this.team = threads > 1 ? new WorkerTeam(threads - 1, "hypergrad4j-worker", INSIDE) : null;
    }

    /**
     * True on the team's threads, and on a caller while it runs its share of {@link #runAll}: work
     * that is already parallel runs nested parallel work sequentially (the team is small and a task
     * waiting for the team it runs on could wait forever). Only where the work runs changes, never how
     * it is cut, so results are the same.
     */
    private static final ThreadLocal<Boolean> INSIDE = ThreadLocal.withInitial(() -> Boolean.FALSE);

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

    /** The number of threads work is shared among (1: everything on the calling thread). */
    public int threads() {
        return threads;
    }

    /**
     * Runs two independent computations, concurrently when there is a second thread (see {@link
     * #runAll}). For work whose results do not depend on which thread computes them.
     */
    public void both(Runnable first, Runnable second) {
        runAll(List.of(first, second));
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

    /**
     * Runs the tasks, the first on the calling thread and the others on the team's threads, and
     * waits for all (see {@link WorkerTeam}); rethrows the first failure. Called from inside another
     * {@code runAll}'s task, or while another thread's tasks occupy the team, it runs them one after
     * the other on the calling thread.
     */
    public void runAll(List<Runnable> tasks) {
        if (team == null || tasks.size() == 1 || INSIDE.get()) {
            tasks.forEach(Runnable::run);
            return;
        }
        int stride = team.size() + 1;
        Runnable callerShare = () -> {
            INSIDE.set(Boolean.TRUE);
            try {
                for (int i = 0; i < tasks.size(); i += stride) {
                    tasks.get(i).run();
                }
            } finally {
                INSIDE.set(Boolean.FALSE);
            }
        };
        if (!team.tryRun(tasks, callerShare)) {
            tasks.forEach(Runnable::run);
        }
    }
}
