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

    public Var plus(Var other) {
        return tape.apply(new Plus(1.0), this, other);
    }

    public Var minus(Var other) {
        return tape.apply(new Plus(-1.0), this, other);
    }

    /** Elementwise product. */
    public Var times(Var other) {
        return tape.apply(new Times(), this, other);
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

    @Override
    public String toString() {
        return "Var" + (isDifferentiable() ? "#" + index : "(constant)") + dual.value();
    }
}
