package io.github.hypergrad4j.autodiff.ops;

import io.github.hypergrad4j.autodiff.Dual;
import io.github.hypergrad4j.autodiff.DualMath;
import io.github.hypergrad4j.autodiff.Primitive;
import io.github.hypergrad4j.tensor.Tensor;
import io.github.hypergrad4j.tensor.TensorOps;

/** A matrix plus a vector added to each of its rows (bias broadcasting). */
public final class AddRowVector implements Primitive {

    @Override
    public Dual forward(Dual... in) {
        Dual a = in[0], r = in[1];
        Tensor v = TensorOps.addRowVector(a.value(), r.value());
        Tensor t = a.tangent();
        if (r.tangent() != null) {
            t = t == null ? TensorOps.addRowVector(Tensor.zeros(a.value().shape()), r.tangent())
                    : TensorOps.addRowVector(t, r.tangent());
        }
        return new Dual(v, t);
    }

    @Override
    public Dual[] vjp(Dual g, Dual out, Dual[] in, boolean[] needed) {
        Dual gr = needed[1] ? DualMath.reshape(DualMath.sumRows(g), in[1].value().shape()) : null;
        return new Dual[] {g, gr};
    }
}
