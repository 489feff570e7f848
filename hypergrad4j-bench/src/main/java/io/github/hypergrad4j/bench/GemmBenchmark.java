package io.github.hypergrad4j.bench;

import io.github.hypergrad4j.tensor.Tensor;
import io.github.hypergrad4j.tensor.TensorOps;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Matrix products through hypergrad4j's BLAS path: the machine's reference rate (1000^3) and the
 * skinny shapes of the paper setting's first layer (forward x W, weight gradient x^T g).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(1)
public class GemmBenchmark {
    @Param({"square-1000", "layer1-forward", "layer1-gradient"})
    public String shape;

    private Tensor a;
    private Tensor b;
    private boolean transA;

    @Setup
    public void setUp() {
        SplittableRandom r = new SplittableRandom(2);
        switch (shape) {
            case "square-1000":
                a = random(r, 1000, 1000);
                b = random(r, 1000, 1000);
                break;
            case "layer1-forward":
                a = random(r, 200, 784);
                b = random(r, 784, 50);
                break;
            default:
                a = random(r, 200, 784);
                b = random(r, 200, 50);
                transA = true;
        }
    }

    private static Tensor random(SplittableRandom r, int rows, int cols) {
        double[] x = new double[rows * cols];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextDouble();
        }
        return Tensor.of(x, rows, cols);
    }

    @Benchmark
    public Tensor product() {
        return TensorOps.matmul(a, transA, b, false);
    }
}
