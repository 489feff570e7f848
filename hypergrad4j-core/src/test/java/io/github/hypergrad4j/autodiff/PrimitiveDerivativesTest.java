package io.github.hypergrad4j.autodiff;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.hypergrad4j.autodiff.ops.*;
import io.github.hypergrad4j.tensor.Tensor;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every primitive of {@code autodiff.ops}, first and second order, against central finite
 * differences ({@link GradCheck}). Each case declares the primitive it checks; the check confirms the
 * primitive was really applied, and {@link #everyPrimitiveInTheOpsPackageHasACheck} fails when a
 * primitive class of the package has no case, so a new primitive cannot slip in unchecked.
 *
 * <p>Each primitive's output p is reduced by a nonlinear readout sum(c p) + sum(c2 p^2) / 2 so that
 * its gradient rule is exercised with an adjoint that itself depends on the inputs.
 */
class PrimitiveDerivativesTest {
    /** First- and second-order tolerances, relative to 1 + |finite difference|. */
    private static final double FIRST = 1e-6, SECOND = 1e-5;

    /** One check: a function of its inputs built to exercise {@code primitive}; also replayed by {@link RecordedGradientTest}. */
    record Case(String name, Class<? extends Primitive> primitive, GradCheck.Function f, Tensor[] inputs) {}

    private static Case op(String name, Class<? extends Primitive> primitive, GradCheck.Function f, Tensor... x) {
        return new Case(name, primitive, f, x);
    }

    private static Case unary(String name, Class<? extends Primitive> primitive, Function<Var, Var> f, Tensor x) {
        return new Case(name, primitive, (t, v) -> f.apply(v[0]), new Tensor[] {x});
    }

    /** Every case, inputs drawn from one seeded generator in this order. */
    static List<Case> cases() {
        Random r = new Random(42);
        List<Case> c = new ArrayList<>();
        // The original primitives.
        c.add(op("matmul", MatMul.class, (t, v) -> v[0].matmul(v[1]), gaussian(r, 3, 4), gaussian(r, 4, 5)));
        c.add(op("matmul A^T", MatMul.class, (t, v) -> v[0].matmul(true, v[1], false), gaussian(r, 4, 3), gaussian(r, 4, 5)));
        c.add(op("matmul B^T", MatMul.class, (t, v) -> v[0].matmul(false, v[1], true), gaussian(r, 3, 4), gaussian(r, 5, 4)));
        c.add(op("matmul A^T B^T", MatMul.class, (t, v) -> v[0].matmul(true, v[1], true), gaussian(r, 4, 3), gaussian(r, 5, 4)));
        Tensor data = gaussian(r, 6, 4);
        c.add(op("matmul, constant left", MatMul.class, (t, v) -> t.constant(data).matmul(v[0]), gaussian(r, 4, 3)));
        c.add(op("bias row", AddRowVector.class, (t, v) -> v[0].plusRow(v[1]), gaussian(r, 5, 3), gaussian(r, 3)));
        c.add(op("plus", Plus.class, (t, v) -> v[0].plus(v[1]), gaussian(r, 2, 3), gaussian(r, 2, 3)));
        c.add(op("minus", Plus.class, (t, v) -> v[0].minus(v[1]), gaussian(r, 2, 3), gaussian(r, 2, 3)));
        c.add(op("times", Times.class, (t, v) -> v[0].times(v[1]), gaussian(r, 2, 3), gaussian(r, 2, 3)));
        c.add(unary("scale", Scale.class, x -> x.times(-2.5), gaussian(r, 4)));
        c.add(op("scaled by a scalar var", ScalarTimes.class, (t, v) -> v[1].scaledBy(v[0]), gaussian(r), gaussian(r, 3, 2)));
        c.add(unary("tanh", Tanh.class, Var::tanh, gaussian(r, 3, 4)));
        c.add(unary("sigmoid", Sigmoid.class, Var::sigmoid, gaussian(r, 3, 4)));
        c.add(unary("exp", Exp.class, Var::exp, gaussian(r, 3, 4)));
        c.add(unary("log", Log.class, Var::log, positive(r, 3, 4)));
        // Away from the kink at zero relu and abs are piecewise linear; keep every entry clear of it.
        c.add(unary("relu", Relu.class, Var::relu, clearOf(gaussian(r, 3, 4), 0, 0.1)));
        c.add(unary("abs", Abs.class, Var::abs, clearOf(gaussian(r, 3, 4), 0, 0.1)));
        c.add(unary("log-softmax", LogSoftmax.class, Var::logSoftmax, gaussian(r, 4, 5)));
        c.add(unary("sum", Sum.class, Var::sum, gaussian(r, 3, 4)));
        c.add(unary("mean", Sum.class, Var::mean, gaussian(r, 3, 4)));
        c.add(unary("column sums", SumRows.class, Var::sumRows, gaussian(r, 3, 4)));
        c.add(unary("reshape", Reshape.class, x -> x.reshape(6, 2), gaussian(r, 3, 4)));
        c.add(unary("slice", Slice.class, x -> x.slice(3, 2, 2), gaussian(r, 10)));
        c.add(unary("rows", Rows.class, x -> x.rows(new int[] {2, 0, 2}), gaussian(r, 3, 4)));
        c.add(op("flat concat", Concat.class, (t, v) -> Var.concat(v[0], v[1]), gaussian(r, 2, 2), gaussian(r, 3)));
        // Broadcasting and constants.
        c.add(op("plus a scalar", BroadcastTo.class, (t, v) -> v[0].plus(v[1]), gaussian(r, 3, 4), gaussian(r)));
        c.add(op("times a row", BroadcastTo.class, (t, v) -> v[0].times(v[1]), gaussian(r, 3, 4), gaussian(r, 4)));
        c.add(op("a [1, m] row minus a matrix", BroadcastTo.class, (t, v) -> v[1].minus(v[0]), gaussian(r, 3, 4),
                gaussian(r, 1, 4)));
        c.add(op("divided by a column", BroadcastTo.class, (t, v) -> v[0].dividedBy(v[1]), gaussian(r, 3, 4),
                clearOf(gaussian(r, 3, 1), 0, 0.5)));
        c.add(unary("1 - x", AddConstant.class, x -> x.subtractedFrom(1.0), gaussian(r, 3, 2)));
        c.add(unary("x + 2", AddConstant.class, x -> x.plus(2.0), gaussian(r, 3, 2)));
        // Elementwise functions.
        c.add(op("divide", Divide.class, (t, v) -> v[0].dividedBy(v[1]), gaussian(r, 3, 4), clearOf(gaussian(r, 3, 4), 0, 0.5)));
        c.add(op("divide, same var", Divide.class, (t, v) -> v[0].dividedBy(v[0].square().plus(1.0)), gaussian(r, 3, 4)));
        c.add(unary("sqrt", Sqrt.class, Var::sqrt, positive(r, 3, 4)));
        c.add(unary("pow 2.5", Pow.class, x -> x.pow(2.5), positive(r, 3, 4)));
        c.add(unary("pow 3 of any sign", Pow.class, x -> x.pow(3), gaussian(r, 3, 4)));
        c.add(unary("pow -1", Pow.class, x -> x.pow(-1), positive(r, 3, 4)));
        c.add(unary("log1p", Log1p.class, Var::log1p, positive(r, 3, 4)));
        c.add(unary("softplus", Softplus.class, Var::softplus, scaled(gaussian(r, 3, 4), 3)));
        c.add(unary("sin", Sin.class, Var::sin, gaussian(r, 3, 4)));
        c.add(unary("cos", Cos.class, Var::cos, gaussian(r, 3, 4)));
        c.add(op("max", Max.class, (t, v) -> v[0].max(v[1]), gaussian(r, 3, 4), gaussian(r, 3, 4)));
        c.add(op("min", Min.class, (t, v) -> v[0].min(v[1]), gaussian(r, 3, 4), gaussian(r, 3, 4)));
        Tensor clamped = clearOf(clearOf(gaussian(r, 4, 4), -0.5, 0.05), 0.5, 0.05);
        c.add(unary("clamp [-0.5, 0.5]", Clamp.class, x -> x.clamp(-0.5, 0.5), clamped));
        // Shapes and reductions.
        c.add(unary("transpose", Transpose.class, Var::transpose, gaussian(r, 3, 4)));
        c.add(unary("sum along axis 0", SumAxis.class, x -> x.sum(0), gaussian(r, 3, 4)));
        c.add(unary("mean along axis 1", SumAxis.class, x -> x.mean(1), gaussian(r, 3, 4)));
        c.add(op("concat along axis 0", ConcatAlong.class, (t, v) -> Var.concat(0, v[0], v[1]), gaussian(r, 2, 3),
                gaussian(r, 4, 3)));
        c.add(op("concat along axis 1", ConcatAlong.class, (t, v) -> Var.concat(1, v[0], v[1], v[0]), gaussian(r, 3, 2),
                gaussian(r, 3, 1)));
        c.add(unary("gather by label", Gather.class, x -> x.gather(new int[] {2, 0, 2, 1}), gaussian(r, 4, 3)));
        c.add(unary("softmax", Softmax.class, Var::softmax, gaussian(r, 4, 5)));
        c.add(unary("logsumexp along axis 1", LogSumExp.class, x -> x.logSumExp(1), gaussian(r, 4, 5)));
        c.add(unary("logsumexp along axis 0", LogSumExp.class, x -> x.logSumExp(0), gaussian(r, 4, 5)));
        // Images.
        c.add(op("conv2d stride 1 padding 1 with bias", Conv2d.class, (t, v) -> v[0].conv2d(v[1], v[2], 1, 1),
                gaussian(r, 2, 2, 5, 5), gaussian(r, 3, 2, 3, 3), gaussian(r, 3)));
        c.add(op("conv2d stride 2 no padding", Conv2d.class, (t, v) -> v[0].conv2d(v[1], 2, 0), gaussian(r, 2, 3, 7, 6),
                gaussian(r, 2, 3, 3, 2)));
        c.add(op("conv2d of a conv2d", Conv2d.class, (t, v) -> v[0].conv2d(v[1], 1, 1).tanh().conv2d(v[2], 1, 0),
                gaussian(r, 1, 1, 6, 6), gaussian(r, 2, 1, 3, 3), gaussian(r, 2, 2, 3, 3)));
        c.add(unary("max pool 2 stride 2", MaxPool2d.class, x -> x.maxPool2d(2, 2), gaussian(r, 2, 2, 4, 6)));
        c.add(unary("max pool 3 stride 1 (overlapping)", MaxPool2d.class, x -> x.maxPool2d(3, 1), gaussian(r, 1, 2, 5, 5)));
        c.add(unary("average pool 2 stride 2", AvgPool2d.class, x -> x.avgPool2d(2, 2), gaussian(r, 2, 2, 4, 6)));
        c.add(unary("average pool 3 stride 2 (overlapping)", AvgPool2d.class, x -> x.avgPool2d(3, 2), gaussian(r, 1, 2, 7, 5)));
        return c;
    }

    @TestFactory
    Stream<DynamicTest> everyPrimitiveToSecondOrder() {
        Random seeds = new Random(7);
        return cases().stream().map(c -> {
            long seed = seeds.nextLong();
            return DynamicTest.dynamicTest(c.primitive().getSimpleName() + ": " + c.name(), () -> {
                GradCheck.Result result = GradCheck.check((t, v) -> readout(t, c.f().apply(t, v), seed), seed, c.inputs());
                System.out.printf(Locale.ROOT, "derivative check %-12s %-40s first %.1e second %.1e%n",
                        c.primitive().getSimpleName(), c.name(), result.firstRelativeError(), result.secondRelativeError());
                assertThat(result.primitives()).as("primitives applied by '%s'", c.name()).contains(c.primitive());
                assertThat(result.within(FIRST, SECOND)).as("%s", result).isTrue();
            });
        });
    }

    @Test
    void aTwoLayerNetworkLossEndToEnd() {
        Random r = new Random(3);
        Tensor x = gaussian(r, 5, 4);
        Tensor y = Tensor.zeros(5, 3);
        for (int i = 0; i < 5; i++) {
            y.data()[i * 3 + i % 3] = 1;
        }
        GradCheck.Result result = GradCheck.check((t, v) -> {
            Var h = t.constant(x).matmul(v[0]).plusRow(v[1]).tanh();
            Var out = h.matmul(v[2]).logSoftmax();
            return out.times(t.constant(y)).sum().negate().plus(v[0].square().sum().times(0.01));
        }, 7, gaussian(r, 4, 6), gaussian(r, 6), gaussian(r, 6, 3));
        assertThat(result.within(FIRST, SECOND)).as("%s", result).isTrue();
    }

    @Test
    void everyPrimitiveInTheOpsPackageHasACheck() throws IOException, URISyntaxException {
        Set<String> checked = cases().stream().map(c -> c.primitive().getName()).collect(Collectors.toCollection(TreeSet::new));
        Set<String> all = primitivesInOpsPackage();
        assertThat(all).as("primitive classes found in autodiff.ops").hasSizeGreaterThan(30);
        assertThat(checked).as("primitives with a second-order check: add a case to cases() for each new primitive")
                .containsAll(all);
    }

    /** The public, concrete {@link Primitive} classes compiled into the ops package. */
    private static Set<String> primitivesInOpsPackage() throws IOException, URISyntaxException {
        String pkg = Abs.class.getPackageName();
        URL url = Abs.class.getClassLoader().getResource(pkg.replace('.', '/'));
        assertThat(url).as("the ops package on the class path").isNotNull();
        assertThat(url.getProtocol()).as("ops package read from a directory of classes").isEqualTo("file");
        List<String> names;
        try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
            names = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".class") && !n.contains("$") && !n.equals("package-info.class"))
                    .map(n -> pkg + "." + n.substring(0, n.length() - ".class".length()))
                    .collect(Collectors.toList());
        }
        Set<String> out = new TreeSet<>();
        for (String n : names) {
            Class<?> k;
            try {
                k = Class.forName(n);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
            int mod = k.getModifiers();
            if (Primitive.class.isAssignableFrom(k) && Modifier.isPublic(mod) && !Modifier.isAbstract(mod) && !k.isInterface()) {
                out.add(n);
            }
        }
        return Collections.unmodifiableSet(out);
    }

    static Var readout(Tape tape, Var p, long seed) {
        Random r = new Random(seed);
        Var c = tape.constant(gaussian(r, p.value().shape()));
        Var c2 = tape.constant(gaussian(r, p.value().shape()));
        return p.times(c).sum().plus(p.square().times(c2).sum().times(0.5));
    }

    static Tensor gaussian(Random random, int... shape) {
        Tensor t = Tensor.zeros(shape);
        for (int i = 0; i < t.size(); i++) {
            t.data()[i] = random.nextGaussian();
        }
        return t;
    }

    /** Entries 0.5 + |z|: positive and away from 0. */
    private static Tensor positive(Random random, int... shape) {
        Tensor t = gaussian(random, shape);
        for (int i = 0; i < t.size(); i++) {
            t.data()[i] = 0.5 + Math.abs(t.data()[i]);
        }
        return t;
    }

    /** Every entry pushed at least {@code gap} away from {@code point} (a kink), on its own side. */
    private static Tensor clearOf(Tensor t, double point, double gap) {
        for (int i = 0; i < t.size(); i++) {
            double d = t.data()[i] - point;
            t.data()[i] = point + (d >= 0 ? d + gap : d - gap);
        }
        return t;
    }

    private static Tensor scaled(Tensor t, double s) {
        for (int i = 0; i < t.size(); i++) {
            t.data()[i] *= s;
        }
        return t;
    }
}
