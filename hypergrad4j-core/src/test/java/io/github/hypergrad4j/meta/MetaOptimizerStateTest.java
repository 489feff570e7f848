package io.github.hypergrad4j.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** An optimiser restored from another's state continues bit for bit; a state of another kind is refused. */
class MetaOptimizerStateTest {

    private static double[] gradient(double[] x, int k) {
        double[] g = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            g[i] = 2 * x[i] - 0.1 * (k + i);
        }
        return g;
    }

    @Test
    void aRestoredOptimiserContinuesBitForBit() {
        List<Supplier<MetaOptimizer>> kinds = List.of(() -> new Adam(0.1), () -> new SgdMomentum(0.1, 0.9));
        for (Supplier<MetaOptimizer> kind : kinds) {
            MetaOptimizer a = kind.get();
            double[] x = {1, -2, 0.5};
            assertThat(a.state().arrays()).as("no arrays before the first step").isEmpty();
            for (int k = 0; k < 3; k++) {
                a.stepInPlace(x, gradient(x, k));
            }
            MetaOptimizer b = kind.get();
            b.restore(a.state());
            assertThat(b.stepsTaken()).isEqualTo(3);
            double[] y = x.clone();
            for (int k = 3; k < 6; k++) {
                a.stepInPlace(x, gradient(x, k));
                b.stepInPlace(y, gradient(y, k));
            }
            assertThat(y).isEqualTo(x);
            assertThat(b.state().arrays()).isDeepEqualTo(a.state().arrays());
        }
    }

    @Test
    void aStateOfAnotherKindIsRefused() {
        MetaOptimizer adam = new Adam(0.1);
        adam.stepInPlace(new double[] {1}, new double[] {1});
        assertThatThrownBy(() -> new SgdMomentum(0.1, 0.9).restore(adam.state()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("adam").hasMessageContaining("sgd");
    }
}
