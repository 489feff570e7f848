package io.github.hypergrad4j.autodiff;

import io.github.hypergrad4j.autodiff.ops.Abs;
import io.github.hypergrad4j.autodiff.ops.AddConstant;
import io.github.hypergrad4j.autodiff.ops.AvgPool2d;
import io.github.hypergrad4j.autodiff.ops.BroadcastTo;
import io.github.hypergrad4j.autodiff.ops.Clamp;
import io.github.hypergrad4j.autodiff.ops.ConcatAlong;
import io.github.hypergrad4j.autodiff.ops.Conv2d;
import io.github.hypergrad4j.autodiff.ops.Cos;
import io.github.hypergrad4j.autodiff.ops.Divide;
import io.github.hypergrad4j.autodiff.ops.Gather;
import io.github.hypergrad4j.autodiff.ops.Log1p;
import io.github.hypergrad4j.autodiff.ops.LogSumExp;
import io.github.hypergrad4j.autodiff.ops.Max;
import io.github.hypergrad4j.autodiff.ops.MaxPool2d;
import io.github.hypergrad4j.autodiff.ops.Min;
import io.github.hypergrad4j.autodiff.ops.Pow;
import io.github.hypergrad4j.autodiff.ops.Sin;
import io.github.hypergrad4j.autodiff.ops.Softmax;
import io.github.hypergrad4j.autodiff.ops.Softplus;
import io.github.hypergrad4j.autodiff.ops.Sqrt;
import io.github.hypergrad4j.autodiff.ops.SumAxis;
import io.github.hypergrad4j.autodiff.ops.Transpose;
import io.github.hypergrad4j.autodiff.ops.AddRowVector;
import io.github.hypergrad4j.autodiff.ops.Concat;
import io.github.hypergrad4j.autodiff.ops.Exp;
import io.github.hypergrad4j.autodiff.ops.Log;
import io.github.hypergrad4j.autodiff.ops.LogSoftmax;
import io.github.hypergrad4j.autodiff.ops.MatMul;
import io.github.hypergrad4j.autodiff.ops.Plus;
import io.github.hypergrad4j.autodiff.ops.Relu;
import io.github.hypergrad4j.autodiff.ops.Reshape;
import io.github.hypergrad4j.autodiff.ops.Rows;
import io.github.hypergrad4j.autodiff.ops.Scale;
import io.github.hypergrad4j.autodiff.ops.ScalarTimes;
import io.github.hypergrad4j.autodiff.ops.Sigmoid;
import io.github.hypergrad4j.autodiff.ops.Slice;
import io.github.hypergrad4j.autodiff.ops.Sum;
import io.github.hypergrad4j.autodiff.ops.SumRows;
import io.github.hypergrad4j.autodiff.ops.Tanh;
import io.github.hypergrad4j.autodiff.ops.Times;
import io.github.hypergrad4j.tensor.Broadcasting;
import io.github.hypergrad4j.tensor.Tensor;

/**
 * A value on a {@link Tape}. Operations return new vars and are recorded when they depend on a
 * differentiable input. Build losses with these methods, then call {@link Tape#gradient}.
 */
public final class Var {
    private final Tape tape;
    private final int index;
    private final Dual dual;

    Var(Tape tape, int index, Dual dual) {
        this.tape = tape;
        this.index = index;
        this.dual = dual;
    }

    public Tape tape() {
        return tape;
    }

    int index() {
        return index;
    }

    public Dual dual() {
        return dual;
    }

    public Tensor value() {
        return dual.value();
    }

    /** The single value of a scalar var. */
    public double item() {
        return dual.value().item();
    }

    /** True when gradients flow into this var (it is or depends on a tape input). */
    public boolean isDifferentiable() {
        return index >= 0;
    }

    /** Matrix product this x other. */
    public Var matmul(Var other) {
        return tape.apply(new MatMul(false, false), this, other);
    }

    /** Matrix product op(this) x op(other), with op transposing where the flag is set. */
    public Var matmul(boolean transThis, Var other, boolean transOther) {
        return tape.apply(new MatMul(transThis, transOther), this, other);
    }

    /** Adds the vector {@code bias} to every row of this matrix. */
    public Var plusRow(Var bias) {
        return tape.apply(new AddRowVector(), this, bias);
    }

    /**
     * Elementwise sum. Operands of different shapes broadcast (see {@link Broadcasting}): a scalar
     * against anything, a row {@code [m]} or {@code [1, m]} or a column {@code [n, 1]} against an
     * {@code [n, m]} matrix.
     */
    public Var plus(Var other) {
        Var[] p = broadcastPair(other);
        return tape.apply(new Plus(1.0), p[0], p[1]);
    }

    /** Elementwise difference, broadcasting as {@link #plus(Var)}. */
    public Var minus(Var other) {
        Var[] p = broadcastPair(other);
        return tape.apply(new Plus(-1.0), p[0], p[1]);
    }

    /** Elementwise product, broadcasting as {@link #plus(Var)}. */
    public Var times(Var other) {
        Var[] p = broadcastPair(other);
        return tape.apply(new Times(), p[0], p[1]);
    }

    /** Elementwise quotient, broadcasting as {@link #plus(Var)}. */
    public Var dividedBy(Var other) {
        Var[] p = broadcastPair(other);
        return tape.apply(new Divide(), p[0], p[1]);
    }

    /** Elementwise maximum, broadcasting as {@link #plus(Var)}; ties take this var's entry. */
    public Var max(Var other) {
        Var[] p = broadcastPair(other);
        return tape.apply(new Max(), p[0], p[1]);
    }

    /** Elementwise minimum, broadcasting as {@link #plus(Var)}; ties take this var's entry. */
    public Var min(Var other) {
        Var[] p = broadcastPair(other);
        return tape.apply(new Min(), p[0], p[1]);
    }

    /** This var plus the constant {@code c} in every entry. */
    public Var plus(double c) {
        return tape.apply(new AddConstant(c), this);
    }

    /** This var minus the constant {@code c} in every entry. */
    public Var minus(double c) {
        return plus(-c);
    }

    /** The constant {@code c} minus this var, every entry: {@code s.subtractedFrom(1)} is 1 - s. */
    public Var subtractedFrom(double c) {
        return negate().plus(c);
    }

    /** This var repeated over {@code shape} (a scalar, row or column; see {@link Broadcasting}). */
    public Var broadcastTo(int... shape) {
        if (java.util.Arrays.equals(shape, dual.value().shape())) {
            return this;
        }
        return tape.apply(new BroadcastTo(shape), this);
    }

    /** Both operands of an elementwise operation, the smaller broadcast to the larger's shape. */
    private Var[] broadcastPair(Var other) {
        int[] shape = Broadcasting.resultShape(dual.value().shape(), other.value().shape());
        return new Var[] {broadcastTo(shape), other.broadcastTo(shape)};
    }

    /** Product with a constant. */
    public Var times(double factor) {
        return tape.apply(new Scale(factor), this);
    }

    /** Every entry times the scalar var {@code s}. */
    public Var scaledBy(Var s) {
        return tape.apply(new ScalarTimes(), s, this);
    }

    public Var square() {
        return times(this);
    }

    public Var negate() {
        return times(-1.0);
    }

    /** Sum of every entry (a scalar). */
    public Var sum() {
        return tape.apply(new Sum(), this);
    }

    /** Mean of every entry (a scalar). */
    public Var mean() {
        return sum().times(1.0 / dual.value().size());
    }

    /** Column sums of a matrix. */
    public Var sumRows() {
        return tape.apply(new SumRows(), this);
    }

    /**
     * Sums of a matrix along {@code axis}, kept as a dimension of 1: axis 0 gives column sums
     * {@code [1, m]}, axis 1 row sums {@code [n, 1]}; both broadcast back against the matrix.
     */
    public Var sum(int axis) {
        return tape.apply(new SumAxis(axis), this);
    }

    /** Means of a matrix along {@code axis}, shaped as {@link #sum(int)}. */
    public Var mean(int axis) {
        return sum(axis).times(1.0 / dual.value().dim(axis));
    }

    /** The transpose of a matrix. */
    public Var transpose() {
        return tape.apply(new Transpose(), this);
    }

    /** Entry {@code labels[i]} of every row i of a matrix, as a column {@code [n, 1]}. */
    public Var gather(int[] labels) {
        return tape.apply(new Gather(labels), this);
    }

    public Var tanh() {
        return tape.apply(new Tanh(), this);
    }

    public Var abs() {
        return tape.apply(new Abs(), this);
    }

    public Var relu() {
        return tape.apply(new Relu(), this);
    }

    public Var sigmoid() {
        return tape.apply(new Sigmoid(), this);
    }

    public Var exp() {
        return tape.apply(new Exp(), this);
    }

    public Var log() {
        return tape.apply(new Log(), this);
    }

    /** Elementwise square root (entries must be positive for a finite gradient). */
    public Var sqrt() {
        return tape.apply(new Sqrt(), this);
    }

    /** Elementwise power with a constant exponent (a positive base unless the exponent is an integer). */
    public Var pow(double exponent) {
        return tape.apply(new Pow(exponent), this);
    }

    /** Elementwise log(1 + x). */
    public Var log1p() {
        return tape.apply(new Log1p(), this);
    }

    /** Elementwise softplus log(1 + e^x), stable for any x. */
    public Var softplus() {
        return tape.apply(new Softplus(), this);
    }

    /** Elementwise sine. */
    public Var sin() {
        return tape.apply(new Sin(), this);
    }

    /** Elementwise cosine. */
    public Var cos() {
        return tape.apply(new Cos(), this);
    }

    /** Every entry clamped to [{@code lo}, {@code hi}]. */
    public Var clamp(double lo, double hi) {
        return tape.apply(new Clamp(lo, hi), this);
    }

    /** Softmax of each row of a matrix. */
    public Var softmax() {
        return tape.apply(new Softmax(), this);
    }

    /** log(sum(exp)) of a matrix along {@code axis}, shaped as {@link #sum(int)}. */
    public Var logSumExp(int axis) {
        return tape.apply(new LogSumExp(axis), this);
    }

    /**
     * 2-D convolution of these images {@code [N, C, H, W]} with {@code kernels} {@code [F, C, kh, kw]}:
     * {@code [N, F, OH, OW]}.
     */
    public Var conv2d(Var kernels, int stride, int padding) {
        return tape.apply(new Conv2d(stride, padding), this, kernels);
    }

    /** {@link #conv2d(Var, int, int)} plus {@code bias} {@code [F]}, one entry per output channel. */
    public Var conv2d(Var kernels, Var bias, int stride, int padding) {
        return tape.apply(new Conv2d(stride, padding), this, kernels, bias);
    }

    /** Max pooling of images {@code [N, C, H, W]} over {@code size} x {@code size} windows moved by {@code stride}. */
    public Var maxPool2d(int size, int stride) {
        return tape.apply(new MaxPool2d(size, stride), this);
    }

    /** Average pooling of images {@code [N, C, H, W]} over {@code size} x {@code size} windows moved by {@code stride}. */
    public Var avgPool2d(int size, int stride) {
        return tape.apply(new AvgPool2d(size, stride), this);
    }

    /** Log-softmax of each row of a matrix. */
    public Var logSoftmax() {
        return tape.apply(new LogSoftmax(), this);
    }

    public Var reshape(int... shape) {
        return tape.apply(new Reshape(shape), this);
    }

    /** The {@code length}-entry flat range starting at {@code from}, shaped as {@code shape}. */
    public Var slice(int from, int... shape) {
        return tape.apply(new Slice(from, shape), this);
    }

    /** The rows of a matrix at the given indices (repeats allowed), in that order. */
    public Var rows(int[] indices) {
        return tape.apply(new Rows(indices), this);
    }

    /** The flat concatenation of vars, as a vector. */
    public static Var concat(Var... parts) {
        return parts[0].tape.apply(new Concat(), parts);
    }

    /** Matrices joined along {@code axis}: 0 stacks rows, 1 puts columns side by side. */
    public static Var concat(int axis, Var... parts) {
        return parts[0].tape.apply(new ConcatAlong(axis), parts);
    }

    @Override
    public String toString() {
        return "Var" + (isDifferentiable() ? "#" + index : "(constant)") + dual.value();
    }
}
