package io.github.hypergrad4j.bench;

import io.github.hypergrad4j.train.Hypergradient;
import io.github.hypergrad4j.train.StepListener;
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
 * The paper's setting (MLP 784-50-50-50-10 tanh, batch 200, T = 100, 10,000 + 10,000 examples,
 * float64): forward training alone, and the full hypergradient (forward training, validation
 * objective and the exact reverse pass) with respect to 800 learning rates, 800 momentums and, through
 * df/dw_0, 8 initial scales; with SGD with momentum ("sgd") or Adam ("adam", also with respect to
 * beta2, eps and the weight decay). Run with OPENBLAS_NUM_THREADS=1 (see Parallelism).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(1)
public class PaperSettingBenchmark {
    @Param({"50"})
    public int hidden;

    @Param({"100"})
    public int steps;

    @Param({"sgd", "adam"})
    public String optimizer;

    private PaperSetting setting;
    private double[] w0;

    @Setup
    public void setUp() {
        setting = PaperSetting.forOptimizer(hidden, steps, 10_000, 1, PaperSetting.optimizerNamed(optimizer));
        w0 = setting.initialWeights();
    }

    @Benchmark
    public double[] forwardTraining() {
        return setting.trainer().train(w0, new double[w0.length], setting.schedule, setting.theta(), StepListener.NONE);
    }

    @Benchmark
    public double[] hypergradient() {
        Hypergradient h = setting.trainer().hypergradient(w0, new double[w0.length], setting.schedule, setting.theta(),
                setting.validationLoss(), StepListener.NONE);
        return setting.init.scaleGradient(h.dWeights0());
    }
}
