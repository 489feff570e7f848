package io.github.hypergrad4j.model.layers;

import io.github.hypergrad4j.autodiff.Var;
import java.util.Arrays;
import java.util.List;

/**
 * A 2-D convolution of images {@code [C, H, W]} (per example) with {@code filters} square kernels
 * W {@code [filters, C, k, k]} and one bias b per filter, giving {@code [filters, OH, OW]}. See
 * {@link io.github.hypergrad4j.autodiff.ops.Conv2d}. Build with {@link #of} and set stride and
 * padding with {@link #stride} and {@link #padding}.
 */
public final class Conv2d implements Layer {
    private final int filters;
    private final int kernel;
    private final int stride;
    private final int padding;

    private Conv2d(int filters, int kernel, int stride, int padding) {
        if (filters <= 0 || kernel <= 0 || stride <= 0 || padding < 0) {
            throw new IllegalArgumentException("convolution needs positive filters, kernel size and stride and a "
                    + "non-negative padding, got " + filters + ", " + kernel + ", " + stride + ", " + padding);
        }
        this.filters = filters;
        this.kernel = kernel;
        this.stride = stride;
        this.padding = padding;
    }

    /** {@code filters} kernels of {@code kernel} x {@code kernel}, stride 1, no padding. */
    public static Conv2d of(int filters, int kernel) {
        return new Conv2d(filters, kernel, 1, 0);
    }

    /** This convolution with another stride. */
    public Conv2d stride(int s) {
        return new Conv2d(filters, kernel, s, padding);
    }

    /** This convolution with another zero padding on every side. */
    public Conv2d padding(int p) {
        return new Conv2d(filters, kernel, stride, p);
    }

    /** Padding that keeps the image size at stride 1 (for an odd kernel): (kernel - 1) / 2. */
    public Conv2d samePadding() {
        return padding((kernel - 1) / 2);
    }

    private static void requireImage(int[] s) {
        if (s.length != 3) {
            throw new IllegalArgumentException("a convolution takes images [channels, height, width] per example, got "
                    + Arrays.toString(s));
        }
    }

    @Override
    public int[] outputShape(int[] in) {
        requireImage(in);
        int oh = (in[1] + 2 * padding - kernel) / stride + 1, ow = (in[2] + 2 * padding - kernel) / stride + 1;
        if (in[1] + 2 * padding < kernel || in[2] + 2 * padding < kernel) {
            throw new IllegalArgumentException("a " + kernel + "x" + kernel + " kernel does not fit images of "
                    + Arrays.toString(in) + " with padding " + padding);
        }
        return new int[] {filters, oh, ow};
    }

    @Override
    public List<Parameter> parameters(int[] in) {
        requireImage(in);
        return List.of(new Parameter("W", new int[] {filters, in[0], kernel, kernel}), new Parameter("b", new int[] {filters}));
    }

    @Override
    public Var apply(Var x, List<Var> p) {
        return x.conv2d(p.get(0), p.get(1), stride, padding);
    }

    @Override
    public String toString() {
        return "Conv2d(" + filters + " of " + kernel + "x" + kernel + ", stride " + stride + ", padding " + padding + ")";
    }
}
