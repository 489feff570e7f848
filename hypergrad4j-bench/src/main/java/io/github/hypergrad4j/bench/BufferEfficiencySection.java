package io.github.hypergrad4j.bench;

import io.github.hypergrad4j.exact.RationalFactor;
import io.github.hypergrad4j.train.Hypergradient;
import io.github.hypergrad4j.train.Schedule;
import io.github.hypergrad4j.train.StepListener;
import java.util.ArrayList;
import java.util.List;

/**
 * Section 3, buffer efficiency: bits the information buffer holds per parameter per step after real
 * training at a constant momentum, against the information that multiplying by beta destroys,
 * log2(1/beta) for the beta actually used (n / 2^16). Each run is a full hypergradient, so every
 * row was also reversed bit for bit.
 */
final class BufferEfficiencySection {
    private BufferEfficiencySection() {}

    /**
     * @param beta requested momentum
     * @param betaUsed the rational momentum n / 2^16 actually used
     * @param idealBits log2(1 / betaUsed)
     * @param bitsPerParameterStep bits stored per parameter per step
     * @param ratio stored over ideal
     * @param bufferBytes the buffer's information in bytes at the end of the forward pass
     * @param trajectoryBytes what storing (w_t, v_t) as float64 would take for the same run
     */
    record Row(double beta, double betaUsed, double idealBits, double bitsPerParameterStep, double ratio,
            double bufferBytes, double trajectoryBytes) {}

    /**
     * @param hidden hidden width of the MLP trained
     * @param steps steps per run
     * @param parameters parameters of the MLP
     * @param rows one per momentum
     */
    record Result(int hidden, int steps, int parameters, List<Row> rows) {}

    static Result run(BenchConfig config, Progress progress) {
        PaperSetting s = new PaperSetting(config.bufferHidden(), config.bufferSteps(), 1_000, 2);
        double[] w0 = s.initialWeights();
        int p = w0.length, steps = config.bufferSteps();
        List<Row> rows = new ArrayList<>();
        for (double beta : config.betas()) {
            progress.note("buffer efficiency: beta = " + beta);
            Schedule schedule = Schedule.constant(steps, s.model.layout(), 0.05, beta);
            Hypergradient h = s.trainer().hypergradient(w0, new double[p], schedule, s.theta(), s.validationLoss(),
                    StepListener.NONE);
            RationalFactor f = RationalFactor.of(beta);
            double bits = h.bufferBits() / p / steps;
            rows.add(new Row(beta, f.value(), f.idealBitsPerMultiply(), bits, bits / f.idealBitsPerMultiply(),
                    h.bufferBits() / 8, 16.0 * p * (steps + 1)));
        }
        return new Result(config.bufferHidden(), steps, p, rows);
    }
}
