package io.github.hypergrad4j.autodiff;

import io.github.hypergrad4j.autodiff.ops.Abs;
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
     * Elementwise sum.
     *
     * @param other a var of the same shape
     * @return this + other
     */
    public Var plus(Var other) {
        return tape.apply(new Plus(1.0), this, other);
    }

    /**
     * Elementwise difference.
     *
     * @param other a var of the same shape
     * @return this - other
     */
    public Var minus(Var other) {
        return tape.apply(new Plus(-1.0), this, other);
    }

    /**
     * Elementwise product.
     *
     * @param other a var of the same shape
     * @return this * other
     */
    public Var times(Var other) {
        return tape.apply(new Times(), this, other);
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

    @Override
    public String toString() {
        return "Var" + (isDifferentiable() ? "#" + index : "(constant)") + dual.value();
    }
}
