package io.github.hypergrad4j.autodiff.ops;

import io.github.hypergrad4j.autodiff.Dual;
import io.github.hypergrad4j.autodiff.DualMath;
import io.github.hypergrad4j.autodiff.Primitive;
import io.github.hypergrad4j.tensor.Im2col;
import io.github.hypergrad4j.tensor.Tensor;
import java.util.Arrays;

/**
 * 2-D convolution (cross-correlation, as in every deep-learning library) of images {@code [N, C, H,
 * W]} with kernels {@code [F, C, kh, kw]} and, optionally, a bias {@code [F]} per output channel,
 * giving {@code [N, F, OH, OW]}. Zero padding on every side, one stride for both directions.
 *
 * <p>On BLAS through im2col: the patches {@code X} ({@link Im2col#unfold}, {@code [P, C kh kw]}) times
 * the kernels {@code K} ({@code [F, C kh kw]}) transposed. The output is bilinear in (X, K), so every
 * rule is a product of duals: forward X K^T, gradients dK = G^T X, dX = fold(G K), db = column sums of
 * G (G the output adjoint as rows {@code [P, F]}); {@link DualMath#matmul} adds the tangent terms, so
 * the rules are exact to second order. Products and folds run in a fixed order: deterministic.
 */
public final class Conv2d implements Primitive {
    private final int stride;
    private final int padding;

    /** A convolution with this stride (positive) and zero padding (non-negative) on every side. */
    public Conv2d(int stride, int padding) {
        if (stride <= 0 || padding < 0) {
            throw new IllegalArgumentException("convolution needs a positive stride and non-negative padding, got stride "
                    + stride + ", padding " + padding);
        }
        this.stride = stride;
        this.padding = padding;
    }

    private Im2col.Geometry geometry(Dual[] in) {
        Tensor x = in[0].value(), k = in[1].value();
        if (x.rank() != 4 || k.rank() != 4 || x.dim(1) != k.dim(1)) {
            throw new IllegalArgumentException("convolution of images [N, C, H, W] with kernels [F, C, kh, kw], got "
                    + Arrays.toString(x.shape()) + " and " + Arrays.toString(k.shape()));
        }
        if (in.length > 2 && (in[2].value().rank() != 1 || in[2].value().size() != k.dim(0))) {
            throw new IllegalArgumentException("convolution bias must be a vector of one entry per filter (" + k.dim(0)
                    + "), got " + Arrays.toString(in[2].value().shape()));
        }
        return Im2col.Geometry.of(x.shape(), k.dim(2), k.dim(3), stride, padding);
    }

    private static Dual kernelMatrix(Dual k, Im2col.Geometry g) {
        return DualMath.reshape(k, new int[] {k.value().dim(0), g.patchSize()});
    }

    @Override
    public Dual forward(Dual... in) {
        Im2col.Geometry g = geometry(in);
        int filters = in[1].value().dim(0);
        Dual patches = DualMath.linear(in[0], t -> Im2col.unfold(t, g));
        Dual rows = DualMath.matmul(patches, false, kernelMatrix(in[1], g), true);
        if (in.length > 2) {
            rows = DualMath.add(rows, DualMath.expand(in[2], rows.value().shape()));
        }
        return DualMath.linear(rows, t -> Im2col.rowsToImages(t, g.batch(), filters, g.outHeight(), g.outWidth()));
    }

    @Override
    public Dual[] vjp(Dual gOut, Dual out, Dual[] in, boolean[] needed) {
        Im2col.Geometry g = geometry(in);
        Dual rows = DualMath.linear(gOut, Im2col::imagesToRows);
        Dual[] grads = new Dual[in.length];
        if (needed[0]) {
            grads[0] = DualMath.linear(DualMath.matmul(rows, false, kernelMatrix(in[1], g), false), t -> Im2col.fold(t, g));
        }
        if (needed[1]) {
            Dual patches = DualMath.linear(in[0], t -> Im2col.unfold(t, g));
            grads[1] = DualMath.reshape(DualMath.matmul(rows, true, patches, false), in[1].value().shape());
        }
        if (in.length > 2 && needed[2]) {
            grads[2] = DualMath.reshape(DualMath.sumAxis(rows, 0), in[2].value().shape());
        }
        return grads;
    }
}
