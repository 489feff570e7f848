package io.github.hypergrad4j.autodiff.ops;

import io.github.hypergrad4j.autodiff.Dual;
import io.github.hypergrad4j.autodiff.DualMath;
import io.github.hypergrad4j.autodiff.Primitive;
import io.github.hypergrad4j.tensor.Tensor;

/**
 * Elementwise choice between two tensors of one shape by a comparison of their values: the output
 * takes each entry, with its tangent, from the operand chosen; the gradient goes to that operand only.
 * The choice is piecewise constant, so there is no second-order term. Ties go to the first operand,
 * so the choice (and reversal) is deterministic.
 */
abstract class Selection implements Primitive {

    /** Whether the entry is taken from the first operand. */
    abstract boolean takeFirst(double a, double b);

    private Tensor mask(Tensor a, Tensor b, boolean first) {
        double[] x = a.data(), y = b.data(), m = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            m[i] = takeFirst(x[i], y[i]) == first ? 1.0 : 0.0;
        }
        return Tensor.of(m, a.shape());
    }

    @Override
    public Dual forward(Dual... in) {
        Dual a = in[0], b = in[1];
        io.github.hypergrad4j.tensor.TensorOps.requireSameShape(a.value(), b.value(), getClass().getSimpleName().toLowerCase());
        double[] x = a.value().data(), y = b.value().data(), v = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            v[i] = takeFirst(x[i], y[i]) ? x[i] : y[i];
        }
        Tensor t = null;
        if (a.tangent() != null || b.tangent() != null) {
            double[] at = a.tangent() == null ? null : a.tangent().data(), bt = b.tangent() == null ? null : b.tangent().data();
            double[] z = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                double[] src = takeFirst(x[i], y[i]) ? at : bt;
                z[i] = src == null ? 0 : src[i];
            }
            t = Tensor.of(z, a.value().shape());
        }
        return new Dual(Tensor.of(v, a.value().shape()), t);
    }

    @Override
    public Dual[] vjp(Dual g, Dual out, Dual[] in, boolean[] needed) {
        Tensor a = in[0].value(), b = in[1].value();
        return new Dual[] {
            needed[0] ? DualMath.multiply(g, Dual.of(mask(a, b, true))) : null,
            needed[1] ? DualMath.multiply(g, Dual.of(mask(a, b, false))) : null
        };
    }
}
