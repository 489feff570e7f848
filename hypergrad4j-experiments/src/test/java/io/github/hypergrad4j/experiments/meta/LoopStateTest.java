package io.github.hypergrad4j.experiments.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.hypergrad4j.experiments.RunIdentity;
import io.github.hypergrad4j.meta.Adam;
import io.github.hypergrad4j.meta.ExplosionGuard;
import io.github.hypergrad4j.meta.MetaOptimizer;
import io.github.hypergrad4j.meta.MetaOptimizerState;
import io.github.hypergrad4j.meta.SgdMomentum;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A loop state restored from a snapshot (directly or through a checkpoint file) continues exactly as
 * the one that took it, whatever the meta-optimiser: also one the checkpoint code has never heard of.
 */
class LoopStateTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    /** A meta-optimiser the checkpoint code does not know: sign descent with a step that decays per step. */
    private static final class SignDescent implements MetaOptimizer {
        private int steps;
        private double scale = 1;
        private double[] lastSign;

        @Override
        public void stepInPlace(double[] x, double[] gradient) {
            lastSign = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                lastSign[i] = Math.signum(gradient[i]);
                x[i] -= scale * 0.1 / (1 + steps) * lastSign[i];
            }
            steps++;
        }

        @Override
        public int stepsTaken() {
            return steps;
        }

        @Override
        public void setStepScale(double s) {
            scale = MetaOptimizer.checkStepScale(s);
        }

        @Override
        public MetaOptimizerState state() {
            return new MetaOptimizerState("sign", steps, lastSign == null ? new double[0][] : new double[][] {lastSign});
        }

        @Override
        public void restore(MetaOptimizerState s) {
            if (!s.type().equals("sign")) {
                throw new IllegalArgumentException("not a sign state: " + s.type());
            }
            steps = s.steps();
            lastSign = s.arrays().length == 0 ? null : s.arrays()[0].clone();
        }
    }

    /** Three accepted steps, an explosion that shrinks the step, two more: a state with every part filled. */
    private static LoopState played(double[] x, MetaOptimizer optimizer, ExplosionGuard guard) {
        LoopState s = new LoopState(x, optimizer, guard, List.of("abc"));
        double[] norms = {1, 1.2, 0.9, 50, 1.1, 1.0};
        for (int i = 0; i < norms.length; i++) {
            step(s, guard, i, norms[i]);
        }
        return s;
    }

    private static void step(LoopState s, ExplosionGuard guard, int i, double norm) {
        s.record(new MetaResult(norm, null, new double[] {norm, norm / 2}, Map.of("loss", norm),
                i == 0 ? Map.of("w0", new double[] {7}) : Map.of()));
        double[] gradient = {norm / Math.sqrt(2), -norm / Math.sqrt(2)};
        ExplosionGuard.Decision d = guard.observe(i, ExplosionGuard.norm(gradient));
        if (d.exploded()) {
            s.stepBack(d);
        } else {
            s.accept(gradient);
        }
        s.advance();
    }

    private static void assertSame(LoopState.Snapshot a, LoopState.Snapshot b) throws IOException {
        // Through JSON, the form a checkpoint has: every number and every field compared at once.
        assertThat(JSON.writeValueAsString(b)).isEqualTo(JSON.writeValueAsString(a));
    }

    @Test
    void aRestoredStateContinuesExactlyAsTheOriginal() throws IOException {
        List<Supplier<MetaOptimizer>> optimizers = List.of(() -> new Adam(0.05), () -> new SgdMomentum(0.1, 0.5),
                SignDescent::new);
        for (Supplier<MetaOptimizer> make : optimizers) {
            ExplosionGuard guard = ExplosionGuard.defaults(ExplosionGuard.Action.SHRINK_STEP);
            double[] x = {0.3, -0.2};
            LoopState original = played(x, make.get(), guard);
            LoopState.Snapshot taken = original.snapshot();
            assertThat(taken.guard().events()).as("the played state includes an explosion").hasSize(1);
            assertThat(taken.previous()).isNotNull();

            ExplosionGuard otherGuard = ExplosionGuard.defaults(ExplosionGuard.Action.SHRINK_STEP);
            double[] y = new double[2];
            LoopState restored = new LoopState(y, make.get(), otherGuard, List.of("abc"));
            restored.restore(taken);
            assertSame(taken, restored.snapshot());
            assertThat(y).containsExactly(x);

            for (int i = 6; i < 9; i++) {
                step(original, guard, i, 1 + i / 10.0);
                step(restored, otherGuard, i, 1 + i / 10.0);
            }
            assertSame(original.snapshot(), restored.snapshot());
            assertThat(y).containsExactly(x);
        }
    }

    @Test
    void aCheckpointCarriesAMetaOptimiserItsCodeDoesNotKnow() throws IOException {
        ExplosionGuard guard = ExplosionGuard.defaults(ExplosionGuard.Action.SHRINK_STEP);
        LoopState original = played(new double[] {0.3, -0.2}, new SignDescent(), guard);
        Path file = tmp.resolve(Checkpoint.FILE_NAME);
        RunIdentity id = RunIdentity.of("demo", JSON.createObjectNode().put("seed", 1), "cmd");
        Checkpoint.write(file, id, original.snapshot());

        LoopState.Snapshot read = Checkpoint.read(file, id);
        CheckpointValidation.check(file, read, 2, 10);
        LoopState restored = new LoopState(new double[2], new SignDescent(),
                ExplosionGuard.defaults(ExplosionGuard.Action.SHRINK_STEP), List.of("abc"));
        restored.restore(read);
        assertSame(original.snapshot(), restored.snapshot());
    }

    @Test
    void aStateOfAnotherMetaOptimiserIsRefusedByTheOptimiser() {
        LoopState.Snapshot sgd = played(new double[] {0.3, -0.2}, new SgdMomentum(0.1, 0.5),
                ExplosionGuard.defaults(ExplosionGuard.Action.SHRINK_STEP)).snapshot();
        LoopState adam = new LoopState(new double[2], new Adam(0.05), null, List.of("abc"));
        assertThatThrownBy(() -> adam.restore(sgd)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sgd");
    }
}
