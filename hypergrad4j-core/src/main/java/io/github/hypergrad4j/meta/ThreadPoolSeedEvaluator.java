package io.github.hypergrad4j.meta;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** The default {@link SeedEvaluator}: seeds evaluated on a pool of threads in this process. */
public final class ThreadPoolSeedEvaluator implements SeedEvaluator {
    private final ExecutorService pool;
    private final int threads;

    /**
     * A pool of {@code threads} threads (1 evaluates on the calling thread).
     *
     * @param threads at least 1
     */
    public ThreadPoolSeedEvaluator(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("need at least one thread, got " + threads);
        }
        this.threads = threads;
        this.pool = threads > 1 ? Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "hypergrad4j-seed");
            t.setDaemon(true);
            return t;
        }) : null;
    }

    /**
     * One thread per core.
     *
     * @return an evaluator with {@code availableProcessors()} threads
     */
    public static ThreadPoolSeedEvaluator perCore() {
        return new ThreadPoolSeedEvaluator(Runtime.getRuntime().availableProcessors());
    }

    /**
     * The number of threads seeds run on.
     *
     * @return at least 1
     */
    public int threads() {
        return threads;
    }

    @Override
    public SeedResult sum(HypergradientProblem problem, double[] hyperparameters, long[] seeds, int metaIteration) {
        if (seeds.length == 0) {
            throw new IllegalArgumentException("no seeds to evaluate");
        }
        double[] hyper = hyperparameters.clone();
        List<SeedResult> results = new ArrayList<>();
        if (pool == null) {
            for (long seed : seeds) {
                results.add(problem.evaluate(hyper, seed, metaIteration));
            }
            return SeedResult.sumInOrder(results);
        }
        List<Future<SeedResult>> futures = new ArrayList<>();
        for (long seed : seeds) {
            futures.add(pool.submit(() -> problem.evaluate(hyper, seed, metaIteration)));
        }
        for (Future<SeedResult> f : futures) {
            try {
                results.add(f.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while evaluating seeds", e);
            } catch (ExecutionException e) {
                futures.forEach(x -> x.cancel(true));
                if (e.getCause() instanceof RuntimeException) {
                    throw (RuntimeException) e.getCause();
                }
                throw new IllegalStateException(e.getCause());
            }
        }
        return SeedResult.sumInOrder(results);
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
