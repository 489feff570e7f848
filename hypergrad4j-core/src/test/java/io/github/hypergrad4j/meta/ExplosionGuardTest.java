package io.github.hypergrad4j.meta;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.hypergrad4j.data.DatasetSpec;
import io.github.hypergrad4j.data.SplitSizes;
import org.junit.jupiter.api.Test;

class ExplosionGuardTest {

    @Test
    void steadyNormsPassAndAJumpIsCaught() {
        ExplosionGuard guard = ExplosionGuard.defaults(ExplosionGuard.Action.SHRINK_STEP);
        for (int k = 0; k < 5; k++) {
            assertThat(guard.observe(k, 1 + 0.1 * k).exploded()).isFalse();
        }
        ExplosionGuard.Decision d = guard.observe(5, 50);
        assertThat(d.exploded()).isTrue();
        assertThat(d.applyUpdate()).isFalse();
        assertThat(d.stepScale()).isEqualTo(0.5);
        assertThat(guard.events()).singleElement().satisfies(e -> assertThat(e.message()).contains("meta step scaled"));
    }

    @Test
    void recordKeepsTheUpdateAndListsTheEvent() {
        ExplosionGuard guard = ExplosionGuard.defaults(ExplosionGuard.Action.RECORD);
        for (int k = 0; k < 4; k++) {
            guard.observe(k, 1);
        }
        ExplosionGuard.Decision d = guard.observe(4, 50);
        assertThat(d.exploded()).isTrue();
        assertThat(d.applyUpdate()).isTrue();
        assertThat(d.stop()).isFalse();
        assertThat(d.stepScale()).isEqualTo(1);
        assertThat(guard.events()).singleElement().satisfies(e -> assertThat(e.message()).contains("kept and recorded"));
        assertThat(guard.observe(5, Double.POSITIVE_INFINITY).stop()).as("no update can use an infinite norm").isTrue();
    }

    @Test
    void nonFiniteNormAlwaysCountsAndStopActionStops() {
        ExplosionGuard guard = ExplosionGuard.defaults(ExplosionGuard.Action.STOP);
        ExplosionGuard.Decision d = guard.observe(0, Double.NaN);
        assertThat(d.stop()).isTrue();
        assertThat(guard.events().get(0).message()).contains("stopping");
    }

    @Test
    void catchesTheHypergradientOfALearningRateInTheChaoticRegime() {
        // Learning rates of e^-2 give a tame hypergradient; raising them to e^1.5 on a net with large
        // initial weights makes training chaotic and its hypergradient orders of magnitude larger.
        ScheduleProblem problem = new ScheduleProblem(new int[] {784, 16, 10}, 30, 20,
                new DatasetSpec(DatasetSpec.SYNTHETIC, new SplitSizes(200, 0, 0), 1));
        ExplosionGuard guard = ExplosionGuard.defaults(ExplosionGuard.Action.STOP);
        double[] scales = {1, 1, 1, 1};
        boolean stopped = false;
        int k = 0;
        for (double alpha : new double[] {Math.exp(-2), Math.exp(-2), Math.exp(-2), Math.exp(-1.9), Math.exp(1.5)}) {
            double[] x = problem.initial(alpha, 0.9, scales).values();
            double norm;
            try {
                norm = ExplosionGuard.norm(problem.evaluate(x, 7, k).gradient());
            } catch (io.github.hypergrad4j.train.TrainingDivergedException e) {
                norm = Double.POSITIVE_INFINITY; // overflow is the extreme of the same thing
            }
            stopped = guard.observe(k++, norm).stop();
        }
        assertThat(stopped).as("norms %s", java.util.Arrays.toString(guard.history())).isTrue();
        assertThat(guard.history()).hasSize(4);
    }

    @Test
    void aGrownNormWhileTheObjectiveFallsIsALossLeavingItsPlateau() {
        ExplosionGuard guard = ExplosionGuard.defaults(ExplosionGuard.Action.SHRINK_STEP);
        for (int k = 0; k < 4; k++) {
            assertThat(guard.observe(k, 1e-3, 2.30 - 1e-4 * k).exploded()).isFalse();
        }
        ExplosionGuard.Decision d = guard.observe(4, 0.5, 2.20);
        assertThat(d.exploded()).as("500x the median, but the objective fell").isFalse();
        assertThat(guard.history()).as("the grown norm joins the history").hasSize(5).endsWith(0.5);
        assertThat(guard.lastAcceptedObjective()).isEqualTo(2.20);
        assertThat(guard.events()).isEmpty();
    }

    @Test
    void aGrownNormWhileTheObjectiveRisesIsStillAnExplosion() {
        ExplosionGuard guard = ExplosionGuard.defaults(ExplosionGuard.Action.SHRINK_STEP);
        for (int k = 0; k < 4; k++) {
            guard.observe(k, 1e-3, 1.0 - 0.01 * k);
        }
        ExplosionGuard.Decision d = guard.observe(4, 0.5, 1.5);
        assertThat(d.exploded()).isTrue();
        assertThat(d.applyUpdate()).isFalse();
        assertThat(guard.lastAcceptedObjective()).as("a rejected point is not the last accepted one").isEqualTo(0.97);
        assertThat(guard.events()).singleElement().satisfies(e -> assertThat(e.message()).contains("did not improve"));
        assertThat(guard.observe(5, 0.5, 0.97).exploded()).as("an equal objective is no improvement").isTrue();
    }

    @Test
    void recordedUpdatesMoveTheComparisonPointAndRestoreBringsItBack() {
        ExplosionGuard guard = ExplosionGuard.defaults(ExplosionGuard.Action.RECORD);
        for (int k = 0; k < 4; k++) {
            guard.observe(k, 1, 1.0);
        }
        assertThat(guard.observe(4, 50, 2.0).applyUpdate()).isTrue();
        assertThat(guard.lastAcceptedObjective()).as("the kept update's point").isEqualTo(2.0);
        ExplosionGuard copy = ExplosionGuard.defaults(ExplosionGuard.Action.RECORD);
        copy.restore(guard.history(), guard.stepScale(), guard.lastAcceptedObjective(), guard.rejectedInARow(),
                guard.events());
        assertThat(copy.observe(5, 50, 1.5).exploded()).as("1.5 improves on the restored 2.0").isFalse();
        assertThat(guard.observe(5, 50, 1.5).exploded()).isFalse();
    }

    @Test
    void theLossLeavingAPlateauOfTinyInitialWeightsIsNotTakenForChaos() {
        // Initial weights of scale 0.002 leave a plateau: training hardly moves the loss and the
        // hypergradient is tiny. At scale 0.2 the loss falls and the hypergradient is far larger:
        // the norm alone would call that an explosion; with the objective the guard lets it through.
        ScheduleProblem problem = new ScheduleProblem(new int[] {784, 16, 16, 10}, 30, 20,
                new DatasetSpec(DatasetSpec.SYNTHETIC, new SplitSizes(200, 0, 0), 1));
        ExplosionGuard normOnly = ExplosionGuard.defaults(ExplosionGuard.Action.SHRINK_STEP);
        ExplosionGuard withObjective = ExplosionGuard.defaults(ExplosionGuard.Action.SHRINK_STEP);
        double[] objectives = new double[5];
        double[] norms = new double[5];
        double[] scales = {0.002, 0.0021, 0.0022, 0.0023, 0.2};
        for (int k = 0; k < scales.length; k++) {
            double s = scales[k];
            SeedResult e = problem.evaluate(problem.initial(0.3, 0.9, new double[] {s, s, s, s, s, s})
                    .values(), 7, k);
            objectives[k] = e.objective();
            norms[k] = ExplosionGuard.norm(e.gradient());
            normOnly.observe(k, norms[k]);
            withObjective.observe(k, norms[k], objectives[k]);
        }
        String seen = "norms " + java.util.Arrays.toString(norms) + ", objectives " + java.util.Arrays.toString(objectives);
        double[] plateau = java.util.Arrays.copyOf(norms, 4);
        java.util.Arrays.sort(plateau);
        assertThat(norms[4]).as("the scenario: the norm grows over 10x the median; " + seen)
                .isGreaterThan(10 * 0.5 * (plateau[1] + plateau[2]));
        assertThat(objectives[4]).as("the scenario: the loss falls; " + seen).isLessThan(objectives[3]);
        assertThat(normOnly.events()).as("by the norm alone: an explosion").hasSize(1);
        assertThat(withObjective.events()).as("with the objective: the plateau left").isEmpty();
    }

    @Test
    void aNormThatStaysHighWhileTheStepShrinksIsAcceptedAsTheNewScale() {
        ExplosionGuard guard = ExplosionGuard.defaults(ExplosionGuard.Action.SHRINK_STEP);
        for (int k = 0; k < 4; k++) {
            guard.observe(k, 0.003, 2.30);
        }
        double[] scales = new double[3];
        for (int k = 0; k < 3; k++) {
            ExplosionGuard.Decision d = guard.observe(4 + k, 1.5, 2.31);
            assertThat(d.applyUpdate()).as("rejection %d", k + 1).isFalse();
            scales[k] = d.stepScale();
        }
        assertThat(scales).containsExactly(0.5, 0.25, 0.125);
        assertThat(guard.rejectedInARow()).isEqualTo(3);
        ExplosionGuard.Decision d = guard.observe(7, 1.2, 2.32);
        assertThat(d.exploded()).as("still high at 1/8 of the step: not the step's doing").isFalse();
        assertThat(d.stepScale()).as("the step before the rejections").isEqualTo(1);
        assertThat(guard.history()).as("history restarted from the new scale").containsExactly(1.2);
        assertThat(guard.events()).hasSize(4).last().satisfies(e -> {
            assertThat(e.accepted()).isTrue();
            assertThat(e.message()).contains("new scale");
        });
        assertThat(guard.observe(8, 1.4, 2.4).exploded()).as("within the warm-up of the new history").isFalse();
    }

    @Test
    void aStepThatCausedTheExplosionIsStillRejectedWhenTheSmallerStepCalmsIt() {
        ExplosionGuard guard = ExplosionGuard.defaults(ExplosionGuard.Action.SHRINK_STEP);
        for (int k = 0; k < 4; k++) {
            guard.observe(k, 0.003, 2.30);
        }
        guard.observe(4, 1.5, 2.5);
        guard.observe(5, 1.5, 2.5);
        assertThat(guard.observe(6, 0.004, 2.29).exploded()).as("the retaken smaller step is calm").isFalse();
        assertThat(guard.rejectedInARow()).isZero();
        assertThat(guard.observe(7, 1.5, 2.5).exploded()).as("a new run of rejections starts from zero").isTrue();
        assertThat(guard.stepScale()).isEqualTo(0.125);
        assertThat(guard.events()).noneMatch(ExplosionGuard.Event::accepted);
    }

    @Test
    void normsThatFallWithTheStepAreTheStepsDoingAndStayRejected() {
        // Gradient descent overshooting on x^4 / 4: each halving of the step divides the norm by ~10.
        ExplosionGuard guard = ExplosionGuard.defaults(ExplosionGuard.Action.SHRINK_STEP);
        for (int k = 0; k < 3; k++) {
            guard.observe(k, 3 + k, 1.0 + k);
        }
        double norm = 1e6;
        for (int k = 0; k < 5; k++, norm /= 10) { // down to 100, still over 10x the median 4
            assertThat(guard.observe(3 + k, norm, 1e9).exploded()).as("norm %s after %d rejections", norm, k).isTrue();
        }
        assertThat(guard.events()).noneMatch(ExplosionGuard.Event::accepted);
    }
}
