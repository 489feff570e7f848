package io.github.hypergrad4j.model.layers;

import io.github.hypergrad4j.autodiff.Var;
import java.util.Arrays;
import java.util.List;

/**
 * Max or average pooling of images {@code [C, H, W]} (per example) over square windows, no
 * parameters. Max pooling breaks ties by the first entry of the window, so it is deterministic.
 */
public final class Pool2d implements Layer {
    /** Which statistic of a window is kept. */
    public enum Kind {
        /** The largest entry. */
        MAX,
        /** The mean. */
        AVERAGE
    }

    private final Kind kind;
    private final int size;
    private final int stride;

    private Pool2d(Kind kind, int size, int stride) {
        if (size <= 0 || stride <= 0) {
            throw new IllegalArgumentException("pooling needs a positive window and stride, got " + size + " and " + stride);
        }
        this.kind = kind;
        this.size = size;
        this.stride = stride;
    }

    /** Max pooling over non-overlapping {@code size} x {@code size} windows. */
    public static Pool2d max(int size) {
        return new Pool2d(Kind.MAX, size, size);
    }

    /** Average pooling over non-overlapping {@code size} x {@code size} windows. */
    public static Pool2d average(int size) {
        return new Pool2d(Kind.AVERAGE, size, size);
    }

    /** This pooling with another stride (smaller than the window: overlapping windows). */
    public Pool2d stride(int s) {
        return new Pool2d(kind, size, s);
    }

    @Override
    public int[] outputShape(int[] in) {
        if (in.length != 3 || in[1] < size || in[2] < size) {
            throw new IllegalArgumentException("pooling over " + size + "x" + size + " windows takes images [channels, "
                    + "height, width] at least that large per example, got " + Arrays.toString(in));
        }
        return new int[] {in[0], (in[1] - size) / stride + 1, (in[2] - size) / stride + 1};
    }

    @Override
    public Var apply(Var x, List<Var> p) {
        return kind == Kind.MAX ? x.maxPool2d(size, stride) : x.avgPool2d(size, stride);
    }

    @Override
    public String toString() {
        return (kind == Kind.MAX ? "MaxPool" : "AvgPool") + "(" + size + ", stride " + stride + ")";
    }
}
