package io.github.hypergrad4j.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.hypergrad4j.exact.FixedPointFormat;
import org.junit.jupiter.api.Test;

/**
 * The deprecated constructor's format is honoured: a trainer given a coarser fixed-point format trains
 * in it (other final weights) and still reverses exactly (the reverse pass checks every step's state
 * and throws otherwise).
 */
class FixedPointFormatChoiceTest {

    @Test
    @SuppressWarnings("deprecation")
    void aCoarserFormatChangesTheWeightsAndStillReversesExactly() {
        SmallProblem p = new SmallProblem(5);
        double[] w0 = p.init.weights(0.3);
        Schedule s = Schedule.constant(50, p.groups(), 0.05, 0.37);
        Hypergradient fine = new ReversibleTrainer(p.model.layout(), p.trainingLoss())
                .hypergradient(w0, new double[w0.length], s, p.theta(), p.validationLoss(), StepListener.NONE);
        Hypergradient coarse = new ReversibleTrainer(p.model.layout(), p.trainingLoss(),
                FixedPointFormat.withFractionBits(30))
                .hypergradient(w0, new double[w0.length], s, p.theta(), p.validationLoss(), StepListener.NONE);
        assertThat(coarse.finalWeights()).isNotEqualTo(fine.finalWeights());
        assertThat(coarse.dWeights0()).hasSameSizeAs(fine.dWeights0());
    }
}
