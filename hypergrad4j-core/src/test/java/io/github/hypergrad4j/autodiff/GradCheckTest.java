package io.github.hypergrad4j.autodiff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.hypergrad4j.autodiff.ops.Sin;
import io.github.hypergrad4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** The published checker passes a right primitive and catches wrong first- and second-order rules. */
class GradCheckTest {
    private static final Tensor X = Tensor.of(new double[] {0.3, -1.2, 0.8, 2.0}, 2, 2);

    /** sin with a correct value and gradient value, but a gradient whose tangent ignores x' (no second order). */
    private static final class SinWithoutCurvature implements Primitive {
        @Override
        public Dual forward(Dual... in) {
            return DualMath.map(in[0], Math::sin, Math::cos);
        }

        @Override
        public Dual[] vjp(Dual g, Dual out, Dual[] in, boolean[] needed) {
            return new Dual[] {DualMath.multiply(g, Dual.of(DualMath.map(Dual.of(in[0].value()), Math::cos, x -> 0).value()))};
        }
    }

    /** sin whose gradient has the wrong sign. */
    private static final class SinWrongSlope implements Primitive {
        @Override
        public Dual forward(Dual... in) {
            return DualMath.map(in[0], Math::sin, Math::cos);
        }

        @Override
        public Dual[] vjp(Dual g, Dual out, Dual[] in, boolean[] needed) {
            return new Dual[] {DualMath.scale(DualMath.multiply(g, DualMath.map(in[0], Math::cos, x -> -Math.sin(x))), -1)};
        }
    }

    private static GradCheck.Result check(Primitive p) {
        return GradCheck.check((tape, v) -> {
            Var y = tape.apply(p, v[0]);
            return y.times(y).sum();
        }, 42, X);
    }

    @Test
    void aCorrectPrimitivePassesAndTheResultNamesWhatRan() {
        GradCheck.Result r = check(new Sin()).requireWithin(1e-6, 1e-5);
        assertThat(r.primitives()).contains(Sin.class);
        assertThat(r.firstRelativeError()).isLessThan(1e-6);
        assertThat(r.secondRelativeError()).isLessThan(1e-5);
        assertThat(r.toString()).contains("Sin", "second order");
    }

    @Test
    void aMissingSecondOrderTermIsCaughtThoughTheGradientIsRight() {
        GradCheck.Result r = check(new SinWithoutCurvature());
        assertThat(r.firstRelativeError()).isLessThan(1e-6);
        assertThat(r.within(1e-6, 1e-5)).isFalse();
        assertThatThrownBy(() -> r.requireWithin(1e-6, 1e-5)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("derivative check failed");
    }

    @Test
    void aWrongGradientIsCaught() {
        assertThat(check(new SinWrongSlope()).within(1e-6, 1e-5)).isFalse();
    }

    @Test
    void theStepMustBePositive() {
        assertThatThrownBy(() -> GradCheck.check((t, v) -> v[0].sum(), 1, 0.0, X)).hasMessageContaining("positive");
    }
}
