package io.github.hypergrad4j.autodiff.ops;

import io.github.hypergrad4j.autodiff.Dual;
import io.github.hypergrad4j.autodiff.ScatteringPrimitive;
import io.github.hypergrad4j.tensor.Tensor;

/**
 * The rows of a matrix at given indices (a minibatch of a data matrix). The gradient adds each
 * selected row's adjoint back at its index, so repeated indices accumulate.
 */
public final class Rows implements ScatteringPrimitive {
    private final int[] indices;

    /**
     * Selects rows.
     *
     * @param indices the rows, in output order; copied
     */
    public Rows(int[] indices) {
        this.indices = indices.clone();
    }

    @Override
    public Dual forward(Dual... in) {
        Tensor x = in[0].value();
        for (int i : indices) {
            if (i < 0 || i >= x.rows()) {
                throw new IllegalArgumentException("row index " + i + " outside a matrix of " + x.rows() + " rows");
            }
        }
        return new Dual(gather(x), in[0].tangent() == null ? null : gather(in[0].tangent()));
    }

    private Tensor gather(Tensor x) {
        int m = x.cols();
        double[] z = new double[indices.length * m];
        for (int r = 0; r < indices.length; r++) {
            System.arraycopy(x.data(), indices[r] * m, z, r * m, m);
        }
        int[] shape = x.shape();
        shape[0] = indices.length;
        return Tensor.of(z, shape);
    }

    /** Only the tangent's part of {@link #addVjpInto}: the same loop. */
    @Override
    public void addTangentVjpInto(Dual g, double[] tangent) {
        scatterInto(g.tangent().data(), tangent);
    }

    @Override
    public void addVjpInto(Dual g, double[] value, double[] tangent) {
        scatterInto(g.value().data(), value);
        if (tangent != null && g.tangent() != null) {
            scatterInto(g.tangent().data(), tangent);
        }
    }

    private void scatterInto(double[] gd, double[] zd) {
        int m = gd.length / Math.max(1, indices.length);
        for (int r = 0; r < indices.length; r++) {
            int src = r * m, dst = indices[r] * m;
            for (int j = 0; j < m; j++) {
                zd[dst + j] += gd[src + j];
            }
        }
    }
}
