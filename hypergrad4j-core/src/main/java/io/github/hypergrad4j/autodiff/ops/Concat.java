package io.github.hypergrad4j.autodiff.ops;

import io.github.hypergrad4j.autodiff.Dual;
import io.github.hypergrad4j.autodiff.Primitive;
import io.github.hypergrad4j.tensor.Tensor;
import java.util.Arrays;

/** The flat values of several tensors one after another, as a vector. */
public final class Concat implements Primitive {

    @Override
    public Dual forward(Dual... in) {
        int total = 0;
        boolean anyTangent = false;
        for (Dual d : in) {
            total += d.value().size();
            anyTangent |= d.tangent() != null;
        }
        double[] v = new double[total];
        double[] t = anyTangent ? new double[total] : null;
        int at = 0;
        for (Dual d : in) {
            int n = d.value().size();
            System.arraycopy(d.value().data(), 0, v, at, n);
            if (d.tangent() != null) {
                System.arraycopy(d.tangent().data(), 0, t, at, n);
            }
            at += n;
        }
        return new Dual(Tensor.of(v, total), t == null ? null : Tensor.of(t, total));
    }

    @Override
    public Dual[] vjp(Dual g, Dual out, Dual[] in, boolean[] needed) {
        Dual[] result = new Dual[in.length];
        int at = 0;
        for (int k = 0; k < in.length; k++) {
            int n = in[k].value().size();
            if (needed[k]) {
                int[] shape = in[k].value().shape();
                Tensor v = Tensor.of(Arrays.copyOfRange(g.value().data(), at, at + n), shape);
                Tensor t = g.tangent() == null ? null : Tensor.of(Arrays.copyOfRange(g.tangent().data(), at, at + n), shape);
                result[k] = new Dual(v, t);
            }
            at += n;
        }
        return result;
    }
}
