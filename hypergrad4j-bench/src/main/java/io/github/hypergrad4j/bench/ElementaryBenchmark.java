package io.github.hypergrad4j.bench;

import io.github.hypergrad4j.tensor.Elementary;
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

/** Time per element of tanh on a hidden layer's pre-activations (200 x 50): the bulk kernel, its scalar form, Math.tanh. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(1)
public class ElementaryBenchmark {
    private static final int N = 10_000;
    private final double[] x = new double[N];
    private final double[] y = new double[N];

    @Setup
    public void setUp() {
        SplittableRandom r = new SplittableRandom(4);
        for (int i = 0; i < N; i++) {
            x[i] = (r.nextDouble() - 0.5) * 6;
        }
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public double[] tanhBulk() {
        Elementary.tanh(x, y, 0, N);
        return y;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public double[] tanhScalar() {
        for (int i = 0; i < N; i++) {
            y[i] = Elementary.tanh(x[i]);
        }
        return y;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public double[] mathTanh() {
        for (int i = 0; i < N; i++) {
            y[i] = Math.tanh(x[i]);
        }
        return y;
    }
}
