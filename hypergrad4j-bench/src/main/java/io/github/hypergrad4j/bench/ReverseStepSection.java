package io.github.hypergrad4j.bench;

import io.github.hypergrad4j.train.PhaseTimes;
import io.github.hypergrad4j.train.StepListener;
import java.util.ArrayList;
import java.util.List;

/**
 * Section 4, where the time of a reverse step goes, in the paper setting: gradient recomputation,
 * Hessian-vector products, exact arithmetic, the information buffer and the hypergradient
 * bookkeeping, from the trainer's optional {@link PhaseTimes} (which costs an extra plain gradient
 * per reverse step, so these runs are not the ones timed in section 1). The forward pass's phases are
 * listed too. The run with the smallest reverse-pass total is reported.
 */
final class ReverseStepSection {
    private ReverseStepSection() {}

    /**
     * @param phase the phase's name
     * @param pass "forward", "objective" or "reverse"
     * @param millisecondsPerStep time per training step (the objective: per run)
     * @param shareOfPass fraction of its pass's total
     */
    record Row(String phase, String pass, double millisecondsPerStep, double shareOfPass) {}

    /**
     * @param steps steps per run
     * @param runs profiled runs
     * @param reverseMillisecondsPerStep total of the reverse phases per step
     * @param forwardMillisecondsPerStep total of the forward phases per step
     * @param rows one per phase
     */
    record Result(int steps, int runs, double reverseMillisecondsPerStep, double forwardMillisecondsPerStep,
            List<Row> rows) {}

    private static final PhaseTimes.Phase[] FORWARD = {PhaseTimes.Phase.FORWARD_GRADIENT,
        PhaseTimes.Phase.FORWARD_BUFFER, PhaseTimes.Phase.FORWARD_EXACT};
    private static final PhaseTimes.Phase[] REVERSE = {PhaseTimes.Phase.REVERSE_GRADIENT,
        PhaseTimes.Phase.REVERSE_HESSIAN, PhaseTimes.Phase.REVERSE_EXACT, PhaseTimes.Phase.REVERSE_BUFFER,
        PhaseTimes.Phase.REVERSE_BOOKKEEPING};

    static Result run(BenchConfig config, Progress progress) {
        PaperSetting s = new PaperSetting(config.paperHidden(), config.paperSteps(), config.paperExamples(), 1);
        double[] w0 = s.initialWeights();
        progress.note("reverse-step breakdown: " + config.breakdownRuns() + " profiled runs");
        for (int i = 0; i < config.warmups(); i++) {
            s.trainer().hypergradient(w0, new double[w0.length], s.schedule, s.theta(), s.validationLoss(),
                    StepListener.NONE, new PhaseTimes());
        }
        PhaseTimes best = null;
        for (int i = 0; i < config.breakdownRuns(); i++) {
            PhaseTimes t = new PhaseTimes();
            s.trainer().hypergradient(w0, new double[w0.length], s.schedule, s.theta(), s.validationLoss(),
                    StepListener.NONE, t);
            if (best == null || total(t, REVERSE) < total(best, REVERSE)) {
                best = t;
            }
        }
        int steps = s.steps;
        double fwd = total(best, FORWARD), rev = total(best, REVERSE);
        List<Row> rows = new ArrayList<>();
        for (PhaseTimes.Phase ph : FORWARD) {
            rows.add(new Row(ph.label(), "forward", best.seconds(ph) * 1e3 / steps, best.seconds(ph) / fwd));
        }
        rows.add(new Row(PhaseTimes.Phase.OBJECTIVE.label(), "objective", best.seconds(PhaseTimes.Phase.OBJECTIVE) * 1e3, 1.0));
        for (PhaseTimes.Phase ph : REVERSE) {
            rows.add(new Row(ph.label(), "reverse", best.seconds(ph) * 1e3 / steps, best.seconds(ph) / rev));
        }
        return new Result(steps, config.breakdownRuns(), rev * 1e3 / steps, fwd * 1e3 / steps, rows);
    }

    private static double total(PhaseTimes t, PhaseTimes.Phase[] phases) {
        double s = 0;
        for (PhaseTimes.Phase p : phases) {
            s += t.seconds(p);
        }
        return s;
    }
}
