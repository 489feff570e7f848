package io.github.hypergrad4j.tensor;

/**
 * Unfolds the patches of a batch of images into the rows of a matrix ({@link #unfold}) and folds
 * such a matrix back, adding overlapping patches ({@link #fold}, the adjoint of {@link #unfold}).
 * With them a 2-D convolution is one matrix product on BLAS: patches {@code [P, C kh kw]} times the
 * kernels {@code [F, C kh kw]} transposed, where P = batch x output height x output width.
 *
 * <p>Images are {@code [N, C, H, W]} (channels first), row-major. Row {@code (n, oy, ox)} of the
 * patch matrix, at index {@code (n OH + oy) OW + ox}, holds channel-major, then kernel row, then
 * kernel column the input entries under the kernel placed at {@code (oy stride - padding, ox stride -
 * padding)}, with zeros where the kernel hangs over the (zero) padding. Both maps are loops in a
 * fixed order, so they are deterministic.
 */
public final class Im2col {
    private Im2col() {}

    /**
     * The geometry of one convolution or pooling window sweep.
     *
     * @param batch images N
     * @param channels channels C per image
     * @param height image height H
     * @param width image width W
     * @param kernelHeight window height kh
     * @param kernelWidth window width kw
     * @param stride step between windows, both directions
     * @param padding zeros added on every side
     */
    public record Geometry(int batch, int channels, int height, int width, int kernelHeight, int kernelWidth,
            int stride, int padding) {

        /** Checks that windows fit: every size positive, padding non-negative, the kernel within the padded image. */
        public Geometry {
            if (batch <= 0 || channels <= 0 || height <= 0 || width <= 0 || kernelHeight <= 0 || kernelWidth <= 0
                    || stride <= 0 || padding < 0) {
                throw new IllegalArgumentException("invalid window geometry: batch " + batch + ", channels " + channels
                        + ", image " + height + "x" + width + ", window " + kernelHeight + "x" + kernelWidth + ", stride "
                        + stride + ", padding " + padding + "; sizes and stride must be positive, padding non-negative");
            }
            if (kernelHeight > height + 2 * padding || kernelWidth > width + 2 * padding) {
                throw new IllegalArgumentException("a " + kernelHeight + "x" + kernelWidth + " window does not fit in a "
                        + height + "x" + width + " image with padding " + padding);
            }
        }

        /** The geometry of windows swept over images of shape {@code [N, C, H, W]}. */
        public static Geometry of(int[] imageShape, int kernelHeight, int kernelWidth, int stride, int padding) {
            if (imageShape.length != 4) {
                throw new IllegalArgumentException("images must be [batch, channels, height, width], got shape "
                        + java.util.Arrays.toString(imageShape));
            }
            return new Geometry(imageShape[0], imageShape[1], imageShape[2], imageShape[3], kernelHeight, kernelWidth,
                    stride, padding);
        }

        /** Output height: windows down the padded image. */
        public int outHeight() {
            return (height + 2 * padding - kernelHeight) / stride + 1;
        }

        /** Output width: windows across the padded image. */
        public int outWidth() {
            return (width + 2 * padding - kernelWidth) / stride + 1;
        }

        /** Windows in the whole batch, P = N OH OW: the rows of the patch matrix. */
        public int windows() {
            return batch * outHeight() * outWidth();
        }

        /** Entries per window, C kh kw: the columns of the patch matrix. */
        public int patchSize() {
            return channels * kernelHeight * kernelWidth;
        }

        /** The input shape {@code [N, C, H, W]}. */
        public int[] imageShape() {
            return new int[] {batch, channels, height, width};
        }
    }

    /** The patch matrix {@code [P, C kh kw]} of {@code images} (shape {@code [N, C, H, W]}). */
    public static Tensor unfold(Tensor images, Geometry g) {
        int oh = g.outHeight(), ow = g.outWidth(), c = g.channels(), h = g.height(), w = g.width();
        int kh = g.kernelHeight(), kw = g.kernelWidth(), s = g.stride(), p = g.padding(), k = g.patchSize();
        double[] x = images.data(), z = new double[g.windows() * k];
        int row = 0;
        for (int n = 0; n < g.batch(); n++) {
            for (int oy = 0; oy < oh; oy++) {
                for (int ox = 0; ox < ow; ox++, row++) {
                    int o = row * k, left = ox * s - p;
                    // The kernel columns that fall inside the image; the others read zero padding.
                    int lo = Math.max(0, -left), hi = Math.min(kw, w - left);
                    for (int ch = 0; ch < c; ch++) {
                        int base = (n * c + ch) * h;
                        for (int ky = 0; ky < kh; ky++, o += kw) {
                            int y = oy * s - p + ky;
                            if (y < 0 || y >= h) {
                                continue; // zero padding: the array is already zero
                            }
                            int src = (base + y) * w + left;
                            for (int kx = lo; kx < hi; kx++) {
                                z[o + kx] = x[src + kx];
                            }
                        }
                    }
                }
            }
        }
        return Tensor.of(z, g.windows(), k);
    }

    /**
     * The adjoint of {@link #unfold}: images of shape {@code [N, C, H, W]} in which each entry is the
     * sum, over the patch rows in increasing order, of the entries that {@link #unfold} copied from it.
     */
    public static Tensor fold(Tensor patches, Geometry g) {
        int oh = g.outHeight(), ow = g.outWidth(), c = g.channels(), h = g.height(), w = g.width();
        int kh = g.kernelHeight(), kw = g.kernelWidth(), s = g.stride(), p = g.padding(), k = g.patchSize();
        if (patches.rows() != g.windows() || patches.cols() != k) {
            throw new IllegalArgumentException("patch matrix " + patches + " does not match " + g);
        }
        double[] x = patches.data();
        Tensor out = Tensor.zeros(g.imageShape());
        double[] z = out.data();
        int row = 0;
        for (int n = 0; n < g.batch(); n++) {
            for (int oy = 0; oy < oh; oy++) {
                for (int ox = 0; ox < ow; ox++, row++) {
                    int o = row * k, left = ox * s - p;
                    int lo = Math.max(0, -left), hi = Math.min(kw, w - left);
                    for (int ch = 0; ch < c; ch++) {
                        int base = (n * c + ch) * h;
                        for (int ky = 0; ky < kh; ky++, o += kw) {
                            int y = oy * s - p + ky;
                            if (y < 0 || y >= h) {
                                continue;
                            }
                            int dst = (base + y) * w + left;
                            for (int kx = lo; kx < hi; kx++) {
                                z[dst + kx] += x[o + kx];
                            }
                        }
                    }
                }
            }
        }
        return out;
    }

    /**
     * Window-major rows {@code [N OH OW, F]} (what the patch product gives) as channels-first images
     * {@code [N, F, OH, OW]}.
     */
    public static Tensor rowsToImages(Tensor rows, int batch, int filters, int outHeight, int outWidth) {
        int q = outHeight * outWidth;
        double[] x = rows.data(), z = new double[x.length];
        for (int n = 0; n < batch; n++) {
            for (int pos = 0; pos < q; pos++) {
                int src = (n * q + pos) * filters;
                for (int f = 0; f < filters; f++) {
                    z[(n * filters + f) * q + pos] = x[src + f];
                }
            }
        }
        return Tensor.of(z, batch, filters, outHeight, outWidth);
    }

    /** The inverse of {@link #rowsToImages}: images {@code [N, F, OH, OW]} as rows {@code [N OH OW, F]}. */
    public static Tensor imagesToRows(Tensor images) {
        int[] s = images.shape();
        int batch = s[0], filters = s[1], q = s[2] * s[3];
        double[] x = images.data(), z = new double[x.length];
        for (int n = 0; n < batch; n++) {
            for (int f = 0; f < filters; f++) {
                int src = (n * filters + f) * q;
                for (int pos = 0; pos < q; pos++) {
                    z[(n * q + pos) * filters + f] = x[src + pos];
                }
            }
        }
        return Tensor.of(z, batch * q, filters);
    }
}
