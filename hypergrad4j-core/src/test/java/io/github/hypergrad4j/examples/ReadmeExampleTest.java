package io.github.hypergrad4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.hypergrad4j.autodiff.Var;
import io.github.hypergrad4j.data.BatchSchedule;
import io.github.hypergrad4j.data.CyclicBatches;
import io.github.hypergrad4j.data.DataSplits;
import io.github.hypergrad4j.data.DatasetLocator;
import io.github.hypergrad4j.data.DatasetName;
import io.github.hypergrad4j.data.SplitSizes;
import io.github.hypergrad4j.hyper.InitialWeights;
import io.github.hypergrad4j.model.Activation;
import io.github.hypergrad4j.model.L2Penalty;
import io.github.hypergrad4j.model.Losses;
import io.github.hypergrad4j.model.Mlp;
import io.github.hypergrad4j.tensor.Tensor;
import io.github.hypergrad4j.train.Hypergradient;
import io.github.hypergrad4j.train.Objective;
import io.github.hypergrad4j.train.Optimizer;
import io.github.hypergrad4j.train.ReversibleTrainer;
import io.github.hypergrad4j.train.Schedule;
import io.github.hypergrad4j.train.StepListener;
import io.github.hypergrad4j.train.Theta;
import io.github.hypergrad4j.train.TrainingLoss;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The library example of README.md, verbatim between the markers, so that it keeps compiling and working. */
class ReadmeExampleTest {

    @Test
    void readmeExampleRuns() throws java.io.IOException {
        Assumptions.assumeTrue(Files.isDirectory(Path.of("/usr/share/datasets/fashion-mnist")),
                "Fashion-MNIST not installed (apt-get install dataset-fashion-mnist); README example skipped");
        // README example begins
        Mlp model = new Mlp(Activation.TANH, 784, 50, 10);
        DataSplits data = DataSplits.draw(DatasetLocator.forUser().locate(DatasetName.FASHION_MNIST),
                new SplitSizes(1_000, 1_000, 100), 42);
        Tensor x = data.train().images(), y = data.train().oneHotTensor();
        Tensor validX = data.validation().images(), validY = data.validation().oneHotTensor();
        BatchSchedule batches = new CyclicBatches(1_000, 100);
        L2Penalty penalty = L2Penalty.scalar(model.layout());

        // The training loss of step t: a function of the weights, the hyperparameters and t's minibatch.
        TrainingLoss loss = (step, w, theta) -> {
            int[] rows = batches.batch(step);
            Var logits = model.logits(w, w.tape().constant(x).rows(rows));
            return Losses.softmaxCrossEntropy(logits, w.tape().constant(y).rows(rows))
                    .plus(penalty.apply(w, theta.get("l2")));
        };
        // What the hyperparameters should minimise: the validation loss of the trained weights.
        Objective validation = (w, theta) ->
                Losses.softmaxCrossEntropy(model.logits(w, w.tape().constant(validX)), w.tape().constant(validY));

        double[] w0 = new InitialWeights(model.layout(), 7).weights(0.1);
        Hypergradient h = new ReversibleTrainer(model.layout(), loss, Optimizer.adam()).hypergradient(
                w0, new double[w0.length],                  // initial weights and first moment
                Schedule.constant(100, model.layout(), 0.003, 0.9), // alpha, beta1: 100 steps x 4 groups (W1, b1, W2, b2)
                Theta.of("l2", Tensor.vector(1e-4)),
                validation, StepListener.NONE);

        double[][] dAlpha = h.dAlpha();                 // d validation loss / d learning rate [step][group]
        double[][] dBeta1 = h.dBeta();                  // ... / d beta1 [step][group]
        double[][] dBeta2 = h.dBeta2();                 // ... / d beta2 (0.999 unless the schedule gives it)
        double dL2 = h.dTheta().get("l2").item();       // ... / d L2 penalty
        // README example ends
        assertThat(dAlpha).hasDimensions(100, 4);
        assertThat(dBeta1).hasDimensions(100, 4);
        assertThat(dBeta2).hasDimensions(100, 4);
        assertThat(Double.isFinite(dL2)).isTrue();
        assertThat(h.trainingLosses()[99]).isLessThan(h.trainingLosses()[0]);
    }
}
