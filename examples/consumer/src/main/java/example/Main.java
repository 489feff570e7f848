package example;

import io.github.hypergrad4j.autodiff.Var;
import io.github.hypergrad4j.hyper.InitialWeights;
import io.github.hypergrad4j.model.L2Penalty;
import io.github.hypergrad4j.model.Losses;
import io.github.hypergrad4j.model.Mlp;
import io.github.hypergrad4j.tensor.Tensor;
import io.github.hypergrad4j.train.Evaluation;
import io.github.hypergrad4j.train.Hypergradient;
import io.github.hypergrad4j.train.Objective;
import io.github.hypergrad4j.train.ReversibleTrainer;
import io.github.hypergrad4j.train.Schedule;
import io.github.hypergrad4j.train.StepListener;
import io.github.hypergrad4j.train.Theta;
import io.github.hypergrad4j.train.TrainingLoss;
import java.util.Random;

/**
 * A user's first program: a logistic regression on synthetic data, trained for 30 steps, and the
 * exact derivative of its validation loss with respect to the L2 penalty and the learning rate
 * (one for all steps: the sum of the per-step derivatives), each checked against a central finite
 * difference of the whole training run. Exits 1 if they disagree.
 */
public final class Main {
    static final int FEATURES = 8, CLASSES = 3, TRAIN = 60, VALID = 40, BATCH = 20, STEPS = 30;

    public static void main(String[] args) {
        Random r = new Random(1);
        Tensor x = gaussian(r, TRAIN, FEATURES), y = oneHot(r, TRAIN);
        Tensor vx = gaussian(r, VALID, FEATURES), vy = oneHot(r, VALID);
        Mlp model = Mlp.logisticRegression(FEATURES, CLASSES);
        L2Penalty penalty = L2Penalty.scalar(model.layout());

        TrainingLoss loss = (step, w, theta) -> {
            int[] rows = new int[BATCH];
            for (int k = 0; k < BATCH; k++) {
                rows[k] = (step * BATCH + k) % TRAIN;
            }
            Var logits = model.logits(w, w.tape().constant(x).rows(rows));
            return Losses.softmaxCrossEntropy(logits, w.tape().constant(y).rows(rows))
                    .plus(penalty.apply(w, theta.get("l2")));
        };
        Objective validation = (w, theta) ->
                Losses.softmaxCrossEntropy(model.logits(w, w.tape().constant(vx)), w.tape().constant(vy));

        double[] w0 = new InitialWeights(model.layout(), 7).weights(0.1);
        ReversibleTrainer trainer = new ReversibleTrainer(model.layout(), loss);
        Schedule schedule = Schedule.constant(STEPS, model.layout(), 0.5, 0.9);
        double l2 = 0.05;
        Hypergradient h = trainer.hypergradient(w0, new double[w0.length], schedule,
                Theta.of("l2", Tensor.vector(l2)), validation, StepListener.NONE);

        // Finite differences of the whole run: the L2 penalty, and the learning rate of every step and group.
        double eps = 1e-4;
        double fdL2 = (objective(trainer, w0, schedule, l2 + eps, validation)
                - objective(trainer, w0, schedule, l2 - eps, validation)) / (2 * eps);
        double fdAlpha = (objective(trainer, w0, Schedule.constant(STEPS, model.layout(), 0.5 + eps, 0.9), l2, validation)
                - objective(trainer, w0, Schedule.constant(STEPS, model.layout(), 0.5 - eps, 0.9), l2, validation))
                / (2 * eps);
        double dL2 = h.dTheta().get("l2").item(), dAlpha = 0;
        for (double[] step : h.dAlpha()) {
            for (double d : step) {
                dAlpha += d;
            }
        }

        // The public evaluation gives the trainer's own objective at the trained weights.
        Evaluation e = validation.evaluate(h.finalWeights(), Theta.of("l2", Tensor.vector(l2)));

        System.out.printf("validation loss after %d steps: %.6f (evaluate: %.6f)%n", STEPS, h.objective(), e.value());
        System.out.printf("d loss / d l2:       exact %.9f  finite difference %.9f  relative error %.1e%n",
                dL2, fdL2, rel(dL2, fdL2));
        System.out.printf("d loss / d alpha:    exact %.9f  finite difference %.9f  relative error %.1e%n",
                dAlpha, fdAlpha, rel(dAlpha, fdAlpha));
        boolean ok = rel(dL2, fdL2) < 1e-5 && rel(dAlpha, fdAlpha) < 1e-5 && e.value() == h.objective()
                && Math.abs(dL2) > 1e-6 && Math.abs(dAlpha) > 1e-6;
        System.out.println(ok ? "consumer check: OK" : "consumer check: FAILED");
        System.exit(ok ? 0 : 1);
    }

    private static double objective(ReversibleTrainer trainer, double[] w0, Schedule s, double l2, Objective f) {
        return trainer.hypergradient(w0, new double[w0.length], s, Theta.of("l2", Tensor.vector(l2)), f,
                StepListener.NONE).objective();
    }

    private static double rel(double a, double b) {
        return Math.abs(a - b) / Math.max(Math.abs(b), 1e-12);
    }

    private static Tensor gaussian(Random r, int rows, int cols) {
        return Tensor.of(r.doubles(rows * cols).map(v -> 2 * v - 1).toArray(), rows, cols);
    }

    private static Tensor oneHot(Random r, int rows) {
        Tensor t = Tensor.zeros(rows, CLASSES);
        for (int i = 0; i < rows; i++) {
            t.data()[i * CLASSES + r.nextInt(CLASSES)] = 1;
        }
        return t;
    }
}
