package io.github.hypergrad4j.autodiff.ops;

import io.github.hypergrad4j.autodiff.Dual;
import io.github.hypergrad4j.autodiff.ScatteringPrimitive;
import io.github.hypergrad4j.tensor.Tensor;
import java.util.Arrays;

/**
 * A contiguous range of a tensor's flat values, shaped as asked. This is how a model cuts its
 * layers out of one flat parameter vector.
 */
public final class Slice implements ScatteringPrimitive {
    private final int from;
    private final int[] shape;

    /**
     * A flat range of the input, reshaped.
     *
     * @param from the first flat index
     * @param shape the output's dimensions
     */
    public Slice(int from, int... shape) {
        this.from = from;
        this.shape = shape.clone();
    }

    @Override
    public Dual forward(Dual... in) {
        Tensor x = in[0].value();
        int length = Tensor.zeros(shape).size();
        if (from < 0 || from + length > x.size()) {
            throw new IllegalArgumentException("slice of " + length + " values at " + from + " with shape "
                    + Arrays.toString(shape) + " does not fit in a tensor of " + x.size() + " values");
        }
        return new Dual(cut(x, length), in[0].tangent() == null ? null : cut(in[0].tangent(), length));
    }

    private Tensor cut(Tensor x, int length) {
        return Tensor.of(Arrays.copyOfRange(x.data(), from, from + length), shape);
    }

    /** Only the tangent's part of {@link #addVjpInto}: the same loop. */
    @Override
    public void addTangentVjpInto(Dual g, double[] tangent) {
        addAt(g.tangent().data(), tangent);
    }

    @Override
    public void addVjpInto(Dual g, double[] value, double[] tangent) {
        addAt(g.value().data(), value);
        if (tangent != null && g.tangent() != null) {
            addAt(g.tangent().data(), tangent);
        }
    }

    private void addAt(double[] src, double[] dst) {
        for (int i = 0; i < src.length; i++) {
            dst[from + i] += src[i];
        }
    }
}
