package io.github.hypergrad4j.autodiff.ops;

import io.github.hypergrad4j.autodiff.Dual;
import io.github.hypergrad4j.autodiff.DualMath;
import io.github.hypergrad4j.autodiff.Primitive;
import io.github.hypergrad4j.tensor.Im2col;
import io.github.hypergrad4j.tensor.Tensor;

/**
 * Average pooling of images {@code [N, C, H, W]} over square windows (no padding): each output entry
 * is the mean of its window. Linear, so its gradient (the adjoint spread evenly over the window,
 * added in a fixed order) is exact to every order.
 */
public final class AvgPool2d implements Primitive {
    private final int size;
    private final int stride;

    /** Windows of {@code size} x {@code size}, moved by {@code stride}. */
    public AvgPool2d(int size, int stride) {
        if (size <= 0 || stride <= 0) {
            throw new IllegalArgumentException("pooling needs a positive window and stride, got " + size + " and " + stride);
        }
        this.size = size;
        this.stride = stride;
    }

    private Tensor average(Tensor x) {
        Im2col.Geometry g = Im2col.Geometry.of(x.shape(), size, size, stride, 0);
        int oh = g.outHeight(), ow = g.outWidth(), h = g.height(), w = g.width();
        double[] v = x.data(), z = new double[g.batch() * g.channels() * oh * ow];
        double scale = 1.0 / (size * size);
        int o = 0;
        for (int plane = 0; plane < g.batch() * g.channels(); plane++) {
            int base = plane * h * w;
            for (int oy = 0; oy < oh; oy++) {
                for (int ox = 0; ox < ow; ox++, o++) {
                    double s = 0;
                    for (int ky = 0; ky < size; ky++) {
                        int row = base + (oy * stride + ky) * w + ox * stride;
                        for (int kx = 0; kx < size; kx++) {
                            s += v[row + kx];
                        }
                    }
                    z[o] = s * scale;
                }
            }
        }
        return Tensor.of(z, g.batch(), g.channels(), oh, ow);
    }

    private Tensor spread(Tensor gOut, int[] inShape) {
        Im2col.Geometry g = Im2col.Geometry.of(inShape, size, size, stride, 0);
        int oh = g.outHeight(), ow = g.outWidth(), h = g.height(), w = g.width();
        double[] a = gOut.data();
        Tensor out = Tensor.zeros(inShape);
        double[] z = out.data();
        double scale = 1.0 / (size * size);
        int o = 0;
        for (int plane = 0; plane < g.batch() * g.channels(); plane++) {
            int base = plane * h * w;
            for (int oy = 0; oy < oh; oy++) {
                for (int ox = 0; ox < ow; ox++, o++) {
                    double share = a[o] * scale;
                    for (int ky = 0; ky < size; ky++) {
                        int row = base + (oy * stride + ky) * w + ox * stride;
                        for (int kx = 0; kx < size; kx++) {
                            z[row + kx] += share;
                        }
                    }
                }
            }
        }
        return out;
    }

    @Override
    public Dual forward(Dual... in) {
        return DualMath.linear(in[0], this::average);
    }

    @Override
    public Dual[] vjp(Dual g, Dual out, Dual[] in, boolean[] needed) {
        int[] shape = in[0].value().shape();
        return new Dual[] {DualMath.linear(g, t -> spread(t, shape))};
    }
}
