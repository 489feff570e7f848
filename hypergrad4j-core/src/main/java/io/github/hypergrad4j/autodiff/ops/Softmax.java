package io.github.hypergrad4j.autodiff.ops;

import io.github.hypergrad4j.autodiff.Dual;
import io.github.hypergrad4j.autodiff.DualMath;
import io.github.hypergrad4j.autodiff.Primitive;
import io.github.hypergrad4j.tensor.Tensor;

/**
 * Softmax of every row of a matrix, y = exp(z - max) / sum(exp(z - max)), which never overflows.
 * Tangent y (z' - rowsum(y z')); gradient y (g - rowsum(g y)), written in {@link DualMath} on the
 * output's dual so that its second-order term comes with it.
 */
public final class Softmax implements Primitive {

    @Override
    public Dual forward(Dual... in) {
        Tensor z = in[0].value();
        if (z.rank() != 2) {
            throw new IllegalArgumentException("softmax works on the rows of a matrix, got " + z);
        }
        int n = z.rows(), m = z.cols();
        double[] x = z.data(), y = new double[x.length];
        for (int i = 0; i < n; i++) {
            int o = i * m;
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < m; j++) {
                max = Math.max(max, x[o + j]);
            }
            double s = 0;
            for (int j = 0; j < m; j++) {
                y[o + j] = Math.exp(x[o + j] - max);
                s += y[o + j];
            }
            for (int j = 0; j < m; j++) {
                y[o + j] /= s;
            }
        }
        Dual soft = Dual.of(Tensor.of(y, z.shape()));
        if (in[0].tangent() == null) {
            return soft;
        }
        return new Dual(soft.value(), centredProduct(soft, Dual.of(in[0].tangent())).value());
    }

    /** y (a - rowsum(a y)) as a dual: the map the tangent and the gradient share. */
    private static Dual centredProduct(Dual y, Dual a) {
        int[] shape = y.value().shape();
        Dual total = DualMath.expand(DualMath.sumAxis(DualMath.multiply(a, y), 1), shape);
        return DualMath.multiply(y, DualMath.subtract(a, total));
    }

    @Override
    public Dual[] vjp(Dual g, Dual out, Dual[] in, boolean[] needed) {
        return new Dual[] {centredProduct(out, g)};
    }
}
