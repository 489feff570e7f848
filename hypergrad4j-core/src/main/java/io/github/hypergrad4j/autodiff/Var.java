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

    /**
     * The tape this variable is recorded on.
     *
     * @return the tape; pass it to {@link Tape#constant} for data
     */
    public Tape tape() {
        return tape;
    }

    int index() {
        return index;
    }

    /**
     * The value and tangent.
     *
     * @return the dual
     */
    public Dual dual() {
        return dual;
    }

    /**
     * The value.
     *
     * @return the tensor (not a copy)
     */
    public Tensor value() {
        return dual.value();
    }

    /**
     * The single value of a scalar var.
     *
     * @return the value
     * @throws IllegalStateException if there is more than one entry
     */
    public double item() {
        return dual.value().item();
    }

    /**
     * True when gradients flow into this var (it is or depends on a tape input).
     *
     * @return whether this var depends on a differentiable input
     */
    public boolean isDifferentiable() {
        return index >= 0;
    }

    /**
     * Matrix product this x other.
     *
     * @param other the right factor
     * @return the product
     */
    public Var matmul(Var other) {
        return tape.apply(new MatMul(false, false), this, other);
    }

    /**
     * Matrix product op(this) x op(other), with op transposing where the flag is set.
     *
     * @param transThis whether to transpose this
     * @param other the right factor
     * @param transOther whether to transpose it
     * @return the product
     */
    public Var matmul(boolean transThis, Var other, boolean transOther) {
        return tape.apply(new MatMul(transThis, transOther), this, other);
    }

    /**
     * Adds the vector {@code bias} to every row of this matrix.
     *
     * @param bias a vector with one entry per column
     * @return a new var of this shape
     */
    public Var plusRow(Var bias) {
        return tape.apply(new AddRowVector(), this, bias);
    }

    /**
     * Elementwise sum. Operands of different shapes broadcast (see {@link Broadcasting}): a scalar
     * against anything, a row {@code [m]} or {@code [1, m]} or a column {@code [n, 1]} against an
     * {@code [n, m]} matrix.
     *
     * @param other a var of this shape or one that broadcasts against it
     * @return this + other
     */
    public Var plus(Var other) {
        Var[] p = broadcastPair(other);
        return tape.apply(new Plus(1.0), p[0], p[1]);
    }

    /**
     * Elementwise difference, broadcasting as {@link #plus(Var)}.
     *
     * @param other a var of this shape or one that broadcasts against it
     * @return this - other
     */
    public Var minus(Var other) {
        Var[] p = broadcastPair(other);
        return tape.apply(new Plus(-1.0), p[0], p[1]);
    }

    /**
     * Elementwise product, broadcasting as {@link #plus(Var)}.
     *
     * @param other a var of this shape or one that broadcasts against it
     * @return this * other
     */
    public Var times(Var other) {
        Var[] p = broadcastPair(other);
        return tape.apply(new Times(), p[0], p[1]);
    }

    /**
     * Elementwise quotient, broadcasting as {@link #plus(Var)}.
     *
     * @param other the divisor, of this shape or broadcasting against it
     * @return this / other
     */
    public Var dividedBy(Var other) {
        Var[] p = broadcastPair(other);
        return tape.apply(new Divide(), p[0], p[1]);
    }

    /**
     * Elementwise maximum, broadcasting as {@link #plus(Var)}; ties take this var's entry.
     *
     * @param other a var of this shape or one that broadcasts against it
     * @return max(this, other)
     */
    public Var max(Var other) {
        Var[] p = broadcastPair(other);
        return tape.apply(new Max(), p[0], p[1]);
    }

    /**
     * Elementwise minimum, broadcasting as {@link #plus(Var)}; ties take this var's entry.
     *
     * @param other a var of this shape or one that broadcasts against it
     * @return min(this, other)
     */
    public Var min(Var other) {
        Var[] p = broadcastPair(other);
        return tape.apply(new Min(), p[0], p[1]);
    }

    /**
     * This var plus the constant {@code c} in every entry.
     *
     * @param c the constant
     * @return this + c
     */
    public Var plus(double c) {
        return tape.apply(new AddConstant(c), this);
    }

    /**
     * This var minus the constant {@code c} in every entry.
     *
     * @param c the constant
     * @return this - c
     */
    public Var minus(double c) {
        return plus(-c);
    }

    /**
     * The constant {@code c} minus this var, every entry: {@code s.subtractedFrom(1)} is 1 - s.
     *
     * @param c the constant
     * @return c - this
     */
    public Var subtractedFrom(double c) {
        return negate().plus(c);
    }

    /**
     * This var repeated over {@code shape} (a scalar, row or column; see {@link Broadcasting}).
     *
     * @param shape the shape to fill
     * @return a var of that shape
     */
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

    /**
     * Product with a constant.
     *
     * @param factor the constant
     * @return factor * this
     */
    public Var times(double factor) {
        return tape.apply(new Scale(factor), this);
    }

    /**
     * Every entry times the scalar var {@code s}.
     *
     * @param s a one-entry var
     * @return s * this
     */
    public Var scaledBy(Var s) {
        return tape.apply(new ScalarTimes(), s, this);
    }

    /**
     * Elementwise square.
     *
     * @return this * this
     */
    public Var square() {
        return times(this);
    }

    /**
     * Elementwise negation.
     *
     * @return -this
     */
    public Var negate() {
        return times(-1.0);
    }

    /**
     * Sum of every entry (a scalar).
     *
     * @return the sum
     */
    public Var sum() {
        return tape.apply(new Sum(), this);
    }

    /**
     * Mean of every entry (a scalar).
     *
     * @return the sum divided by the number of entries
     */
    public Var mean() {
        return sum().times(1.0 / dual.value().size());
    }

    /**
     * Column sums of a matrix.
     *
     * @return a vector with one sum per column
     */
    public Var sumRows() {
        return tape.apply(new SumRows(), this);
    }

    /**
     * Sums of a matrix along {@code axis}, kept as a dimension of 1: axis 0 gives column sums
     * {@code [1, m]}, axis 1 row sums {@code [n, 1]}; both broadcast back against the matrix.
     *
     * @param axis 0 or 1
     * @return {@code [1, m]} for axis 0, {@code [n, 1]} for axis 1
     */
    public Var sum(int axis) {
        return tape.apply(new SumAxis(axis), this);
    }

    /**
     * Means of a matrix along {@code axis}, shaped as {@link #sum(int)}.
     *
     * @param axis 0 or 1
     * @return the sums divided by the length of that axis, shaped as {@link #sum(int)}
     */
    public Var mean(int axis) {
        return sum(axis).times(1.0 / dual.value().dim(axis));
    }

    /**
     * The transpose of a matrix.
     *
     * @return an {@code [m, n]} var for an {@code [n, m]} matrix
     */
    public Var transpose() {
        return tape.apply(new Transpose(), this);
    }

    /**
     * Entry {@code labels[i]} of every row i of a matrix, as a column {@code [n, 1]}.
     *
     * @param labels one column index per row
     * @return an {@code [n, 1]} column
     */
    public Var gather(int[] labels) {
        return tape.apply(new Gather(labels), this);
    }

    /**
     * Elementwise hyperbolic tangent (the exactly reproducible {@link
     * io.github.hypergrad4j.tensor.Elementary#tanh(double)}).
     *
     * @return tanh(this)
     */
    public Var tanh() {
        return tape.apply(new Tanh(), this);
    }

    /**
     * Elementwise absolute value (derivative sign(x), 0 at 0).
     *
     * @return |this|
     */
    public Var abs() {
        return tape.apply(new Abs(), this);
    }

    /**
     * Elementwise max(0, x).
     *
     * @return relu(this)
     */
    public Var relu() {
        return tape.apply(new Relu(), this);
    }

    /**
     * Elementwise logistic function 1 / (1 + exp(-x)).
     *
     * @return sigmoid(this)
     */
    public Var sigmoid() {
        return tape.apply(new Sigmoid(), this);
    }

    /**
     * Elementwise exponential.
     *
     * @return exp(this)
     */
    public Var exp() {
        return tape.apply(new Exp(), this);
    }

    /**
     * Elementwise natural logarithm.
     *
     * @return log(this)
     */
    public Var log() {
        return tape.apply(new Log(), this);
    }

    /**
     * Elementwise square root (entries must be positive for a finite gradient).
     *
     * @return sqrt(this), entry by entry
     */
    public Var sqrt() {
        return tape.apply(new Sqrt(), this);
    }

    /**
     * Elementwise power with a constant exponent (a positive base unless the exponent is an integer).
     *
     * @param exponent the constant power
     * @return this^exponent, entry by entry
     */
    public Var pow(double exponent) {
        return tape.apply(new Pow(exponent), this);
    }

    /**
     * Elementwise log(1 + x).
     *
     * @return log(1 + this), accurate near 0
     */
    public Var log1p() {
        return tape.apply(new Log1p(), this);
    }

    /**
     * Elementwise softplus log(1 + e^x), stable for any x.
     *
     * @return log(1 + exp(this)), without overflow for large entries
     */
    public Var softplus() {
        return tape.apply(new Softplus(), this);
    }

    /**
     * Elementwise sine.
     *
     * @return sin(this), entry by entry
     */
    public Var sin() {
        return tape.apply(new Sin(), this);
    }

    /**
     * Elementwise cosine.
     *
     * @return cos(this), entry by entry
     */
    public Var cos() {
        return tape.apply(new Cos(), this);
    }

    /**
     * Every entry clamped to [{@code lo}, {@code hi}].
     *
     * @param lo the lower bound
     * @param hi the upper bound, at least {@code lo}
     * @return the clamped var (derivative 1 inside, 0 outside)
     */
    public Var clamp(double lo, double hi) {
        return tape.apply(new Clamp(lo, hi), this);
    }

    /**
     * Softmax of each row of a matrix.
     *
     * @return a var of this shape whose rows are positive and sum to 1
     */
    public Var softmax() {
        return tape.apply(new Softmax(), this);
    }

    /**
     * log(sum(exp)) of a matrix along {@code axis}, shaped as {@link #sum(int)}.
     *
     * @param axis 0 or 1
     * @return the log-sum-exp, computed stably
     */
    public Var logSumExp(int axis) {
        return tape.apply(new LogSumExp(axis), this);
    }

    /**
     * 2-D convolution of these images {@code [N, C, H, W]} with {@code kernels} {@code [F, C, kh, kw]}:
     * {@code [N, F, OH, OW]}.
     *
     * @param kernels the filters {@code [F, C, kh, kw]}
     * @param stride the step between windows, at least 1
     * @param padding zeros added on each side of each image
     * @return the feature maps, {@code OH = (H + 2 padding - kh) / stride + 1} and likewise OW
     */
    public Var conv2d(Var kernels, int stride, int padding) {
        return tape.apply(new Conv2d(stride, padding), this, kernels);
    }

    /**
     * {@link #conv2d(Var, int, int)} plus {@code bias} {@code [F]}, one entry per output channel.
     *
     * @param kernels the filters {@code [F, C, kh, kw]}
     * @param bias one value per filter {@code [F]}
     * @param stride the step between windows, at least 1
     * @param padding zeros added on each side of each image
     * @return the feature maps plus the bias
     */
    public Var conv2d(Var kernels, Var bias, int stride, int padding) {
        return tape.apply(new Conv2d(stride, padding), this, kernels, bias);
    }

    /**
     * Max pooling of images {@code [N, C, H, W]} over {@code size} x {@code size} windows moved by {@code
     * stride}.
     *
     * @param size the window's side
     * @param stride the step between windows
     * @return the pooled images {@code [N, C, OH, OW]}
     */
    public Var maxPool2d(int size, int stride) {
        return tape.apply(new MaxPool2d(size, stride), this);
    }

    /**
     * Average pooling of images {@code [N, C, H, W]} over {@code size} x {@code size} windows moved by {@code
     * stride}.
     *
     * @param size the window's side
     * @param stride the step between windows
     * @return the pooled images {@code [N, C, OH, OW]}
     */
    public Var avgPool2d(int size, int stride) {
        return tape.apply(new AvgPool2d(size, stride), this);
    }

    /**
     * Log-softmax of each row of a matrix.
     *
     * @return a var of this shape whose rows' exponentials sum to 1
     */
    public Var logSoftmax() {
        return tape.apply(new LogSoftmax(), this);
    }

    /**
     * The same values under another shape of equal size.
     *
     * @param shape the new dimensions
     * @return the reshaped var
     */
    public Var reshape(int... shape) {
        return tape.apply(new Reshape(shape), this);
    }

    /**
     * The {@code length}-entry flat range starting at {@code from}, shaped as {@code shape}.
     *
     * @param from the first flat index
     * @param shape the slice's dimensions; their product is its length
     * @return the slice
     */
    public Var slice(int from, int... shape) {
        return tape.apply(new Slice(from, shape), this);
    }

    /**
     * The rows of a matrix at the given indices (repeats allowed), in that order.
     *
     * @param indices row indices
     * @return a var with one row per index
     */
    public Var rows(int[] indices) {
        return tape.apply(new Rows(indices), this);
    }

    /**
     * The flat concatenation of vars, as a vector.
     *
     * @param parts vars on one tape
     * @return a vector of all their entries, in order
     */
    public static Var concat(Var... parts) {
        return parts[0].tape.apply(new Concat(), parts);
    }

    /**
     * Matrices joined along {@code axis}: 0 stacks rows, 1 puts columns side by side.
     *
     * @param axis 0 or 1
     * @param parts matrices that agree in the other dimension
     * @return the joined matrix
     */
    public static Var concat(int axis, Var... parts) {
        return parts[0].tape.apply(new ConcatAlong(axis), parts);
    }

    @Override
    public String toString() {
        return "Var" + (isDifferentiable() ? "#" + index : "(constant)") + dual.value();
    }
}
