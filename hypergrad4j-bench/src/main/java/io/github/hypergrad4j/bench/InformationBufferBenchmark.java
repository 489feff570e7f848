package io.github.hypergrad4j.bench;

import io.github.hypergrad4j.exact.InformationBuffer;
import io.github.hypergrad4j.exact.RationalFactor;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Time per parameter of one exact multiply by beta and its inverse (the divide), 45k parameters. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(1)
public class InformationBufferBenchmark {
    private static final int PARAMETERS = 44_860;

    @Param({"0.9", "0.5", "0.99"})
    public double beta;

    private long[] values;
    private InformationBuffer buffer;
    private RationalFactor factor;

    @Setup(Level.Iteration)
    public void setUp() {
        SplittableRandom r = new SplittableRandom(1);
        values = new long[PARAMETERS];
        for (int i = 0; i < values.length; i++) {
            values[i] = r.nextLong() >> 12;
        }
        buffer = new InformationBuffer(PARAMETERS);
        factor = RationalFactor.of(beta);
    }

    /** One multiply and one divide of every parameter: the buffer returns to where it was. */
    @Benchmark
    @OperationsPerInvocation(PARAMETERS)
    public long[] multiplyThenDivide() {
        buffer.multiplyInPlace(values, 0, PARAMETERS, factor);
        buffer.divideInPlace(values, 0, PARAMETERS, factor);
        return values;
    }
}
