package io.github.hypergrad4j.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/** The worker team: every task runs exactly once, nested and concurrent regions, failures. */
class ParallelismTest {
    private final Parallelism par = Parallelism.get();

    private static List<Runnable> counting(AtomicIntegerArray counts) {
        List<Runnable> tasks = new ArrayList<>();
        for (int i = 0; i < counts.length(); i++) {
            int index = i;
            tasks.add(() -> counts.incrementAndGet(index));
        }
        return tasks;
    }

    @Test
    void everyTaskRunsOnceWhateverTheirNumber() {
        for (int n = 1; n <= 9; n++) {
            for (int round = 0; round < 200; round++) {
                AtomicIntegerArray counts = new AtomicIntegerArray(n);
                par.runAll(counting(counts));
                for (int i = 0; i < n; i++) {
                    assertThat(counts.get(i)).as("task %d of %d", i, n).isEqualTo(1);
                }
            }
        }
    }

    @Test
    void nestedRegionsRunAndDoNotDeadlock() {
        AtomicIntegerArray counts = new AtomicIntegerArray(4);
        par.both(() -> par.both(() -> counts.incrementAndGet(0), () -> counts.incrementAndGet(1)),
                () -> par.runAll(counting(new AtomicIntegerArray(3))));
        par.both(() -> counts.incrementAndGet(2), () -> par.both(() -> counts.incrementAndGet(3), () -> { }));
        for (int i = 0; i < 4; i++) {
            assertThat(counts.get(i)).isEqualTo(1);
        }
    }

    @Test
    void regionsFromManyThreadsAtOnceAllComplete() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int c = 0; c < 4; c++) {
                results.add(callers.submit(() -> {
                    for (int round = 0; round < 500; round++) {
                        AtomicIntegerArray counts = new AtomicIntegerArray(3);
                        par.runAll(counting(counts));
                        for (int i = 0; i < 3; i++) {
                            if (counts.get(i) != 1) {
                                return false;
                            }
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> r : results) {
                assertThat(r.get(60, TimeUnit.SECONDS)).isTrue();
            }
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void aFailingTaskIsRethrownAndTheTeamStaysUsable() {
        for (int failing = 0; failing < 2; failing++) {
            int bad = failing;
            List<Runnable> tasks = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                int index = i;
                tasks.add(() -> {
                    if (index == bad) {
                        throw new IllegalStateException("task " + index + " failed");
                    }
                });
            }
            assertThatThrownBy(() -> par.runAll(tasks)).isInstanceOf(IllegalStateException.class)
                    .hasMessage("task " + bad + " failed");
        }
        AtomicIntegerArray counts = new AtomicIntegerArray(2);
        par.runAll(counting(counts));
        assertThat(counts.get(0) + counts.get(1)).isEqualTo(2);
    }
}
