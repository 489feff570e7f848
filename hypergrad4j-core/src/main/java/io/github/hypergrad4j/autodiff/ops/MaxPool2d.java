package io.github.hypergrad4j.autodiff.ops;

import io.github.hypergrad4j.autodiff.Dual;
import io.github.hypergrad4j.autodiff.DualMath;
import io.github.hypergrad4j.autodiff.Primitive;
import io.github.hypergrad4j.tensor.Im2col;
import io.github.hypergrad4j.tensor.Tensor;

/**
 * Max pooling of images {@code [N, C, H, W]} over square windows (no padding): each output entry is
 * the largest entry of its window, with that entry's tangent; the gradient goes to that entry. Ties
 * go to the first entry of the window in row-major order, so the choice, and with it reversal, is
 * deterministic. The choice is piecewise constant: no second-order term.
 */
public final class MaxPool2d implements Primitive {
    private final int size;
    private final int stride;

    /** Windows of {@code size} x {@code size}, moved by {@code stride}. */
    public MaxPool2d(int size, int stride) {
        if (size <= 0 || stride <= 0) {
            throw new IllegalArgumentException("pooling needs a positive window and stride, got " + size + " and " + stride);
        }
        this.size = size;
        this.stride = stride;
    }

    /** For every output entry, the flat index of the input entry it takes. */
    private int[] winners(Tensor x) {
        Im2col.Geometry g = Im2col.Geometry.of(x.shape(), size, size, stride, 0);
        int oh = g.outHeight(), ow = g.outWidth(), h = g.height(), w = g.width();
        double[] v = x.data();
        int[] idx = new int[g.batch() * g.channels() * oh * ow];
        int o = 0;
        for (int plane = 0; plane < g.batch() * g.channels(); plane++) {
            int base = plane * h * w;
            for (int oy = 0; oy < oh; oy++) {
                for (int ox = 0; ox < ow; ox++, o++) {
                    int best = base + oy * stride * w + ox * stride;
                    for (int ky = 0; ky < size; ky++) {
                        int row = base + (oy * stride + ky) * w + ox * stride;
                        for (int kx = 0; kx < size; kx++) {
                            if (v[row + kx] > v[best]) {
                                best = row + kx;
                            }
                        }
                    }
                    idx[o] = best;
                }
            }
        }
        return idx;
    }

    private int[] outShape(Tensor x) {
        Im2col.Geometry g = Im2col.Geometry.of(x.shape(), size, size, stride, 0);
        return new int[] {g.batch(), g.channels(), g.outHeight(), g.outWidth()};
    }

    @Override
    public Dual forward(Dual... in) {
        int[] idx = winners(in[0].value());
        int[] shape = outShape(in[0].value());
        return DualMath.linear(in[0], t -> {
            double[] z = new double[idx.length];
            for (int i = 0; i < idx.length; i++) {
                z[i] = t.data()[idx[i]];
            }
            return Tensor.of(z, shape);
        });
    }

    @Override
    public Dual[] vjp(Dual g, Dual out, Dual[] in, boolean[] needed) {
        int[] idx = winners(in[0].value());
        int[] shape = in[0].value().shape();
        return new Dual[] {DualMath.linear(g, t -> {
            Tensor z = Tensor.zeros(shape);
            for (int i = 0; i < idx.length; i++) {
                z.data()[idx[i]] += t.data()[i];
            }
            return z;
        })};
    }
}
