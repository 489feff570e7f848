package io.github.hypergrad4j.autodiff.ops;

import io.github.hypergrad4j.autodiff.Dual;
import io.github.hypergrad4j.autodiff.Primitive;
import io.github.hypergrad4j.tensor.Tensor;
import io.github.hypergrad4j.tensor.TensorOps;

/**
 * Log-softmax of every row of a matrix: y = z - log(sum(exp(z))), computed with the row maximum
 * subtracted so that it never overflows. With s = exp(y): y' = z' - rowsum(s z'), and the gradient
 * is g - s rowsum(g).
 */
public final class LogSoftmax implements Primitive {

    @Override
    public Dual forward(Dual... in) {
        Tensor z = in[0].value();
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
                s += Math.exp(x[o + j] - max);
            }
            double lse = max + Math.log(s);
            for (int j = 0; j < m; j++) {
                y[o + j] = x[o + j] - lse;
            }
        }
        Tensor value = Tensor.of(y, z.shape());
        Tensor tangent = null;
        if (in[0].tangent() != null) {
            Tensor soft = softmax(value);
            Tensor zt = in[0].tangent();
            tangent = TensorOps.subtractFromRows(zt, TensorOps.rowTotals(TensorOps.multiply(soft, zt)));
        }
        return new Dual(value, tangent);
    }

    private static Tensor softmax(Tensor logSoft) {
        double[] y = logSoft.data(), s = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            s[i] = Math.exp(y[i]);
        }
        return Tensor.of(s, logSoft.shape());
    }

    @Override
    public Dual[] vjp(Dual g, Dual out, Dual[] in, boolean[] needed) {
        Tensor s = softmax(out.value());
        Tensor total = TensorOps.rowTotals(g.value());
        Tensor value = TensorOps.subtract(g.value(), TensorOps.scaleRows(s, total));
        Tensor tangent = null;
        if (g.tangent() != null || out.tangent() != null) {
            tangent = g.tangent() != null ? g.tangent().copy() : Tensor.zeros(g.value().shape());
            if (out.tangent() != null) {
                // s' = s y'
                Tensor st = TensorOps.multiply(s, out.tangent());
                TensorOps.axpyInPlace(tangent, -1.0, TensorOps.scaleRows(st, total));
            }
            if (g.tangent() != null) {
                TensorOps.axpyInPlace(tangent, -1.0, TensorOps.scaleRows(s, TensorOps.rowTotals(g.tangent())));
            }
        }
        return new Dual[] {new Dual(value, tangent)};
    }
}
