package io.github.hypergrad4j.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.management.GarbageCollectionNotificationInfo;
import io.github.hypergrad4j.autodiff.Var;
import io.github.hypergrad4j.train.Hypergradient;
import io.github.hypergrad4j.train.Objective;
import io.github.hypergrad4j.train.ReversibleTrainer;
import io.github.hypergrad4j.train.StepListener;
import io.github.hypergrad4j.train.StoredTrajectoryTrainer;
import io.github.hypergrad4j.train.TrainingLoss;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Runs one hypergradient in a JVM of its own and reports the heap it needed: the main class of the
 * child processes of {@link MemoryScalingSection}. Arguments: {@code exact|reference hidden steps
 * examples [sgd|adam]} (the optimiser, SGD with momentum by default). Prints one line, {@value #MARKER} followed by a JSON {@link Measurement}.
 *
 * <p>Peak live heap is the largest heap occupancy right after any garbage collection during the run.
 * Collections are also forced where the live data peaks: when the objective's graph has been built
 * (its activations on the whole validation set are alive) and at the first step of the reverse pass
 * (the whole trajectory or the full information buffer is alive). The baseline is the occupancy after
 * setup (data, model, initial weights), before training.
 */
public final class MemoryProbe {
    static final String MARKER = "MEMORY_PROBE ";

    /**
     * @param method "exact" or "reference"
     * @param hidden hidden width
     * @param steps T
     * @param parameters weights and biases
     * @param baselineBytes live heap after setup
     * @param peakBytes peak live heap during the hypergradient
     * @param bufferBytes the information buffer's contents (exact method), 0 for the reference
     * @param peakRssBytes the process's peak resident set (VmHWM), or -1 where unknown
     * @param maxHeapBytes the child's maximum heap (-Xmx)
     * @param seconds wall time of the hypergradient
     * @param objective the validation loss
     */
    public record Measurement(String method, int hidden, int steps, int parameters, long baselineBytes, long peakBytes,
            double bufferBytes, long peakRssBytes, long maxHeapBytes, double seconds, double objective) {}

    private static final AtomicLong PEAK = new AtomicLong();

    private MemoryProbe() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 4 && args.length != 5) {
            System.err.println("usage: MemoryProbe exact|reference HIDDEN STEPS EXAMPLES [sgd|adam]");
            System.exit(2);
        }
        String method = args[0];
        int hidden = Integer.parseInt(args[1]), steps = Integer.parseInt(args[2]), examples = Integer.parseInt(args[3]);
        PaperSetting s = PaperSetting.forOptimizer(hidden, steps, examples, 1,
                PaperSetting.optimizerNamed(args.length == 5 ? args[4] : "sgd"));
        double[] w0 = s.initialWeights();
        long baseline = collectAndMeasure();
        watchCollections();
        PEAK.set(baseline);

        TrainingLoss loss = probedAtReverseStart(s.trainingLoss(), steps);
        Objective objective = probedAfterGraph(s.validationLoss());
        long t0 = System.nanoTime();
        Hypergradient h;
        if (method.equals("exact")) {
            h = new ReversibleTrainer(s.model.layout(), loss, s.optimizer).hypergradient(w0, new double[w0.length], s.schedule,
                    s.theta(), objective, StepListener.NONE);
        } else if (method.equals("reference")) {
            h = new StoredTrajectoryTrainer(s.model.layout(), loss, s.optimizer).hypergradient(w0, new double[w0.length], s.schedule,
                    s.theta(), objective);
        } else {
            throw new IllegalArgumentException("method must be exact or reference, got " + method);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        Measurement m = new Measurement(method, hidden, steps, w0.length, baseline, PEAK.get(), h.bufferBits() / 8,
                peakRss(), Runtime.getRuntime().maxMemory(), seconds, h.objective());
        System.out.println(MARKER + new ObjectMapper().writeValueAsString(m));
        System.out.flush();
    }

    /** The training loss, forcing a collection the first time the reverse pass asks for step T - 1. */
    private static TrainingLoss probedAtReverseStart(TrainingLoss loss, int steps) {
        AtomicInteger lastStepCalls = new AtomicInteger();
        return (step, w, theta) -> {
            if (step == steps - 1 && lastStepCalls.incrementAndGet() == 2) {
                collectAndMeasure();
            }
            return loss.at(step, w, theta);
        };
    }

    /** The objective, forcing a collection once its graph (all validation activations) is built. */
    private static Objective probedAfterGraph(Objective objective) {
        return (w, theta) -> {
            Var out = objective.at(w, theta);
            collectAndMeasure();
            return out;
        };
    }

    private static long collectAndMeasure() {
        System.gc();
        System.gc();
        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        PEAK.accumulateAndGet(used, Math::max);
        return used;
    }

    /** Records the heap occupancy after every collection (the sum over heap pools after it). */
    private static void watchCollections() {
        java.util.Set<String> heapPools = new java.util.HashSet<>();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                heapPools.add(pool.getName());
            }
        }
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (!(gc instanceof NotificationEmitter emitter)) {
                continue;
            }
            emitter.addNotificationListener((notification, handback) -> {
                if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                    return;
                }
                GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from(
                        (CompositeData) notification.getUserData());
                long used = 0;
                for (java.util.Map.Entry<String, MemoryUsage> e : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                    if (heapPools.contains(e.getKey())) {
                        used += e.getValue().getUsed();
                    }
                }
                PEAK.accumulateAndGet(used, Math::max);
            }, null, null);
        }
    }

    /** Peak resident set size from /proc/self/status, or -1. */
    static long peakRss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    String[] parts = line.substring(6).trim().split("\\s+");
                    return Long.parseLong(parts[0]) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
