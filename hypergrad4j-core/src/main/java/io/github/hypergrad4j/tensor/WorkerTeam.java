package io.github.hypergrad4j.tensor;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A fixed team of worker threads for short parallel regions. A training step has a few parallel
 * regions (split products, concurrent value and tangent products, exact updates per chunk) of tens
 * to hundreds of microseconds each, a thousand or more per hypergradient; handing a task to a parked
 * pool thread costs about 10 microseconds of wake-up each time (more in a virtual machine). So a
 * worker that has finished waits actively for a while ({@link #IDLE_SPIN_NANOS}) before it parks:
 * it spins for {@link #PURE_SPIN_NANOS}, then yields between checks so that on a machine busy with
 * other processes it does not hold a core that a thread with work (such as the caller) could use. A
 * caller waiting for the workers spins briefly ({@link #WAIT_SPIN_NANOS}), then parks. A hand-over
 * between regions then costs about a microsecond.
 *
 * <p>On a machine busy with other processes a worker may not get a core in time. A caller that has
 * finished its own share therefore takes back every task no worker has started and runs it itself, so
 * a region never waits for a thread that has not begun; at worst it runs sequentially.
 *
 * <p>One region at a time: a caller that finds the team busy (another thread's region) runs its
 * tasks itself. Which thread runs a task never changes what it computes.
 */
final class WorkerTeam {
    /** How long an idle worker waits actively for the next task before it parks. */
    static final long IDLE_SPIN_NANOS = 500_000;
    /** How long an idle worker spins before it yields between checks (the rest of its active wait). */
    static final long PURE_SPIN_NANOS = 50_000;
    /** How long a caller spins for the workers to finish before it parks. */
    static final long WAIT_SPIN_NANOS = 50_000;

    private final Worker[] workers;
    private final ReentrantLock region = new ReentrantLock();
    private final ThreadLocal<Boolean> inside;

    WorkerTeam(int size, String name, ThreadLocal<Boolean> inside) {
        this.inside = inside;
        workers = new Worker[size];
        for (int i = 0; i < size; i++) {
            workers[i] = new Worker(name + "-" + (i + 1), inside);
            workers[i].start();
        }
    }

    /**
     * Runs the tasks, task i on worker i - 1 (the caller runs task 0 and, with more tasks than
     * threads, every (size + 1)-th after it), and returns when all are done.
     *
     * @return false, having run nothing, when another thread's region holds the team
     */
    boolean tryRun(List<Runnable> tasks, Runnable callerShare) {
        if (!region.tryLock()) {
            return false;
        }
        try {
            int stride = workers.length + 1;
            int used = Math.min(workers.length, tasks.size() - 1);
            for (int w = 0; w < used; w++) {
                int first = w + 1;
                workers[w].post(() -> {
                    for (int i = first; i < tasks.size(); i += stride) {
                        tasks.get(i).run();
                    }
                });
            }
            RuntimeException failure = null;
            try {
                callerShare.run();
            } catch (RuntimeException e) {
                failure = e;
            }
            for (int w = 0; w < used; w++) {
                workers[w].takeBackUnstarted(inside);
            }
            for (int w = 0; w < used; w++) {
                Throwable t = workers[w].await();
                if (t != null && failure == null) {
                    failure = t instanceof RuntimeException ? (RuntimeException) t : new IllegalStateException(t);
                }
            }
            if (failure != null) {
                throw failure;
            }
            return true;
        } finally {
            region.unlock();
        }
    }

    int size() {
        return workers.length;
    }

    /** One worker: a slot for one job, with spin-then-park waiting on both sides. */
    private static final class Worker extends Thread {
        private final ThreadLocal<Boolean> inside;
        private final AtomicReference<Runnable> job = new AtomicReference<>();
        private volatile boolean parked;
        private volatile boolean finished = true;
        private volatile Thread waiter;
        private volatile Throwable failure;

        Worker(String name, ThreadLocal<Boolean> inside) {
            super(name);
            this.inside = inside;
            setDaemon(true);
        }

        void post(Runnable r) {
            failure = null;
            finished = false;
            job.set(r);
            // Dekker-style with volatiles: either the worker sees the job before parking, or we see it parked.
            if (parked) {
                LockSupport.unpark(this);
            }
        }

        /** Runs the posted job on the calling thread if this worker has not started it yet. */
        void takeBackUnstarted(ThreadLocal<Boolean> insideFlag) {
            Runnable r = job.getAndSet(null);
            if (r == null) {
                return; // started (or done) by the worker
            }
            insideFlag.set(Boolean.TRUE);
            try {
                r.run();
            } catch (Throwable t) {
                failure = t;
            } finally {
                insideFlag.set(Boolean.FALSE);
            }
            finished = true;
        }

        Throwable await() {
            long start = System.nanoTime();
            while (!finished) {
                if (System.nanoTime() - start < WAIT_SPIN_NANOS) {
                    Thread.onSpinWait();
                } else {
                    waiter = Thread.currentThread();
                    if (!finished) {
                        LockSupport.park(this);
                    }
                    waiter = null;
                }
            }
            return failure;
        }

        @Override
        public void run() {
            inside.set(Boolean.TRUE);
            long idleSince = System.nanoTime();
            while (true) {
                Runnable r = job.get();
                if (r == null || !job.compareAndSet(r, null)) {
                    long idle = System.nanoTime() - idleSince;
                    if (idle < PURE_SPIN_NANOS) {
                        Thread.onSpinWait();
                    } else if (idle < IDLE_SPIN_NANOS) {
                        Thread.yield();
                    } else {
                        parked = true;
                        if (job.get() == null) {
                            LockSupport.park(this);
                        }
                        parked = false;
                        idleSince = System.nanoTime();
                    }
                    continue;
                }
                try {
                    r.run();
                } catch (Throwable t) {
                    failure = t;
                }
                finished = true;
                Thread w = waiter;
                if (w != null) {
                    LockSupport.unpark(w);
                }
                idleSince = System.nanoTime();
            }
        }
    }
}
