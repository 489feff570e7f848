package io.github.hypergrad4j.train;

import io.github.hypergrad4j.autodiff.Tape;
import io.github.hypergrad4j.autodiff.Var;
import io.github.hypergrad4j.data.BatchSchedule;
import io.github.hypergrad4j.data.Examples;
import io.github.hypergrad4j.model.Losses;
import io.github.hypergrad4j.model.Model;
import io.github.hypergrad4j.tensor.Tensor;
import java.util.function.BiFunction;

/**
 * Classification losses to train and score with, all softmax cross-entropy (mean over examples): on a
 * step's minibatch of fixed data or of hyperparameter data, plus an optional penalty; on a whole set as
 * the meta-objective; and forward-only scores of given weights.
 */
public final class Classification {
    private Classification() {}

    /**
     * Loss and error rate of weights on a set.
     *
     * @param loss mean cross-entropy
     * @param errorRate fraction of examples whose largest logit is not the label's
     */
    public record Score(double loss, double errorRate) {}

    /** Cross-entropy of step t's minibatch of {@code data}. */
    public static TrainingLoss minibatchLoss(Model model, Examples data, BatchSchedule batches) {
        return (step, w, theta) -> {
            int[] rows = batches.batch(step);
            Tape tape = w.tape();
            return Losses.softmaxCrossEntropy(model.logits(w, tape.constant(data.images()).rows(rows)),
                    tape.constant(data.oneHot()).rows(rows));
        };
    }

    /** Cross-entropy of step t's minibatch whose images are the hyperparameter {@code name}. */
    public static TrainingLoss thetaMinibatchLoss(Model model, String name, Tensor oneHot, BatchSchedule batches) {
        return (step, w, theta) -> {
            int[] rows = batches.batch(step);
            return Losses.softmaxCrossEntropy(model.logits(w, theta.get(name).rows(rows)),
                    w.tape().constant(oneHot).rows(rows));
        };
    }

    /** {@code loss} plus a penalty of the weights and hyperparameters. */
    public static TrainingLoss plus(TrainingLoss loss, BiFunction<Var, ThetaVars, Var> penalty) {
        return (step, w, theta) -> loss.at(step, w, theta).plus(penalty.apply(w, theta));
    }

    /** Cross-entropy on the whole of {@code data}: the meta-objective. */
    public static Objective setLoss(Model model, Examples data) {
        return (w, theta) -> Losses.softmaxCrossEntropy(model.logits(w, w.tape().constant(data.images())),
                w.tape().constant(data.oneHot()));
    }

    /** Forward-only loss and error rate of {@code weights} on {@code images} with these targets. */
    public static Score score(Model model, double[] weights, Tensor images, Tensor oneHot, int[] labels) {
        Tape tape = new Tape();
        Var logits = model.logits(tape.constant(Tensor.of(weights.clone(), weights.length)), tape.constant(images));
        double loss = Losses.softmaxCrossEntropy(logits, tape.constant(oneHot)).item();
        return new Score(loss, Losses.errorRate(logits.value(), labels));
    }

    /** Forward-only loss and error rate of {@code weights} on {@code data}. */
    public static Score score(Model model, double[] weights, Examples data) {
        return score(model, weights, data.images(), data.oneHot(), data.labels());
    }
}
