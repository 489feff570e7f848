package io.github.hypergrad4j.bench;

import io.github.hypergrad4j.exact.FixedPointFormat;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time per parameter of the fixed-point updates of one step, 44,860 parameters (the paper setting):
 * the weight update and its undo (w +-= alpha v), the velocity's gradient term and its undo, and the
 * conversion to doubles for the next gradient.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(1)
public class ExactArithmeticBenchmark {
    private static final int PARAMETERS = 44_860;
    private static final FixedPointFormat F = FixedPointFormat.DEFAULT;
    private final long[] w = new long[PARAMETERS];
    private final long[] v = new long[PARAMETERS];
    private final double[] g = new double[PARAMETERS];
    private final double[] wd = new double[PARAMETERS];

    @Setup
    public void setUp() {
        SplittableRandom r = new SplittableRandom(5);
        for (int i = 0; i < PARAMETERS; i++) {
            w[i] = F.toFixed(r.nextDouble() - 0.5);
            v[i] = F.toFixed((r.nextDouble() - 0.5) * 0.01);
            g[i] = (r.nextDouble() - 0.5) * 0.1;
        }
    }

    /** w += toFixed(alpha v), then its exact undo. */
    @Benchmark
    @OperationsPerInvocation(2 * PARAMETERS)
    public long[] weightUpdateAndUndo() {
        F.addScaledInPlace(w, 0.1, v, 0, PARAMETERS);
        F.subtractScaledInPlace(w, 0.1, v, 0, PARAMETERS);
        return w;
    }

    /** v -= toFixed((1 - beta) g), then its exact undo. */
    @Benchmark
    @OperationsPerInvocation(2 * PARAMETERS)
    public long[] gradientTermAndUndo() {
        F.subtractScaledInPlace(v, 0.1, g, 0, PARAMETERS);
        F.addScaledInPlace(v, 0.1, g, 0, PARAMETERS);
        return v;
    }

    @Benchmark
    @OperationsPerInvocation(PARAMETERS)
    public double[] toDouble() {
        F.toDouble(w, wd);
        return wd;
    }
}
