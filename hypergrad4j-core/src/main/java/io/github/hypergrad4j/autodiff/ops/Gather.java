package io.github.hypergrad4j.autodiff.ops;

import io.github.hypergrad4j.autodiff.Dual;
import io.github.hypergrad4j.autodiff.DualMath;
import io.github.hypergrad4j.autodiff.Primitive;
import io.github.hypergrad4j.tensor.Tensor;

/**
 * One entry per row of a matrix, at the column given by that row's label: {@code [n, m]} to the
 * column {@code [n, 1]} of x[i, labels[i]] (e.g. the score of each example's true class). The
 * gradient puts each adjoint back at its entry. Linear, so exact to every order.
 */
public final class Gather implements Primitive {
    private final int[] labels;

    /** Picks column {@code labels[i]} of row i. */
    public Gather(int[] labels) {
        this.labels = labels.clone();
    }

    private void check(Tensor x) {
        if (x.rank() != 2 || x.rows() != labels.length) {
            throw new IllegalArgumentException("gather takes one label per row of a matrix: " + labels.length
                    + " labels for " + x);
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= x.cols()) {
                throw new IllegalArgumentException("label " + labels[i] + " of row " + i + " is not a column of " + x);
            }
        }
    }

    private Tensor pick(Tensor x) {
        int m = x.cols();
        double[] z = new double[labels.length];
        for (int i = 0; i < labels.length; i++) {
            z[i] = x.data()[i * m + labels[i]];
        }
        return Tensor.of(z, labels.length, 1);
    }

    private Tensor put(Tensor g, int[] shape) {
        Tensor z = Tensor.zeros(shape);
        int m = shape[1];
        for (int i = 0; i < labels.length; i++) {
            z.data()[i * m + labels[i]] = g.data()[i];
        }
        return z;
    }

    @Override
    public Dual forward(Dual... in) {
        check(in[0].value());
        return DualMath.linear(in[0], this::pick);
    }

    @Override
    public Dual[] vjp(Dual g, Dual out, Dual[] in, boolean[] needed) {
        int[] shape = in[0].value().shape();
        return new Dual[] {DualMath.linear(g, t -> put(t, shape))};
    }
}
