package io.github.hypergrad4j.bench;

import io.github.hypergrad4j.autodiff.Dual;
import io.github.hypergrad4j.autodiff.Tape;
import io.github.hypergrad4j.autodiff.Var;
import io.github.hypergrad4j.tensor.Tensor;
import io.github.hypergrad4j.train.TrainingLoss;
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
 * One step's training gradient in the paper setting (MLP 784-h-h-h-10, batch 200): plain (what the
 * forward pass computes), and on dual numbers with a tangent on the weights (what a reverse step
 * computes: the same gradient bits plus the Hessian-vector product). Run with OPENBLAS_NUM_THREADS=1.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(1)
public class GradientBenchmark {
    @Param({"50"})
    public int hidden;

    private TrainingLoss loss;
    private double[] w;
    private double[] u;

    @Setup
    public void setUp() {
        PaperSetting s = new PaperSetting(hidden, 100, 10_000, 1);
        loss = s.trainingLoss();
        w = s.initialWeights();
        u = new double[w.length];
        SplittableRandom r = new SplittableRandom(6);
        for (int i = 0; i < u.length; i++) {
            u[i] = (r.nextDouble() - 0.5) * 1e-3;
        }
    }

    @Benchmark
    public Dual plainGradient() {
        Tape tape = new Tape();
        Var weights = tape.input(Tensor.of(w, w.length));
        return tape.gradient(loss.at(7, weights, null), weights)[0];
    }

    @Benchmark
    public Dual dualGradient() {
        Tape tape = new Tape();
        Var weights = tape.input(Tensor.of(w, w.length), Tensor.of(u, u.length));
        return tape.gradient(loss.at(7, weights, null), weights)[0];
    }
}
