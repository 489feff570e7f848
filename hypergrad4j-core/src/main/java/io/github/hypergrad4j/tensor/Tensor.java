package io.github.hypergrad4j.tensor;

import java.util.Arrays;

/**
 * A dense float64 tensor in row-major order. The data array is shared, not copied: a tensor is a
 * shape laid over an array. Operations that produce new tensors live in {@link TensorOps}; methods
 * whose names end in {@code InPlace} modify their receiver.
 */
public final class Tensor {
    private final double[] data;
    private final int[] shape;

    private Tensor(double[] data, int[] shape) {
        this.data = data;
        this.shape = shape;
    }

    /**
     * Wraps {@code data} (not copied) with the given shape; sizes must match.
     *
     * @param data the values, row-major; the tensor uses this array
     * @param shape the dimensions; their product must be {@code data.length}
     * @return the tensor
     * @throws IllegalArgumentException if the sizes differ
     */
    public static Tensor of(double[] data, int... shape) {
        int[] s = shape.clone();
        long size = checkedSize(s);
        if (size != data.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(s) + " holds " + size
                    + " values but the array has " + data.length + "; pass an array of the shape's size");
        }
        return new Tensor(data, s);
    }

    /**
     * A tensor of zeros.
     *
     * @param shape the dimensions (none for a scalar)
     * @return a new tensor
     */
    public static Tensor zeros(int... shape) {
        int[] s = shape.clone();
        return new Tensor(new double[Math.toIntExact(checkedSize(s))], s);
    }

    /**
     * A rank-0 tensor holding one value.
     *
     * @param value the value
     * @return a new tensor of shape []
     */
    public static Tensor scalar(double value) {
        return new Tensor(new double[] {value}, new int[0]);
    }

    /**
     * A rank-1 tensor over a copy of {@code values}.
     *
     * @param values the entries
     * @return a new tensor of shape [values.length]
     */
    public static Tensor vector(double... values) {
        return new Tensor(values.clone(), new int[] {values.length});
    }

    private static long checkedSize(int[] shape) {
        long size = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
            }
            size *= d;
            if (size > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " is too large for one array");
            }
        }
        return size;
    }

    /**
     * The backing array, live: writes to it change this tensor.
     *
     * @return the row-major values
     */
    public double[] data() {
        return data;
    }

    /**
     * The dimensions.
     *
     * @return a copy, empty for a scalar
     */
    public int[] shape() {
        return shape.clone();
    }

    /**
     * The number of dimensions.
     *
     * @return 0 for a scalar, 1 for a vector, 2 for a matrix
     */
    public int rank() {
        return shape.length;
    }

    /**
     * One dimension.
     *
     * @param axis 0-based, below {@link #rank()}
     * @return its size
     */
    public int dim(int axis) {
        return shape[axis];
    }

    /**
     * The number of values.
     *
     * @return the product of the dimensions
     */
    public int size() {
        return data.length;
    }

    /**
     * Rows of a matrix (the first dimension), 1 for a scalar.
     *
     * @return the first dimension's size
     */
    public int rows() {
        return shape.length == 0 ? 1 : shape[0];
    }

    /**
     * Product of all dimensions but the first: the row length of a matrix view.
     *
     * @return the number of values divided by the number of rows
     */
    public int cols() {
        return shape.length == 0 ? 1 : data.length / Math.max(1, shape[0]);
    }

    /**
     * The single value of a scalar or one-element tensor.
     *
     * @return the only value
     * @throws IllegalStateException if there is not exactly one value
     */
    public double item() {
        if (data.length != 1) {
            throw new IllegalStateException("item() needs one value, tensor has shape " + Arrays.toString(shape));
        }
        return data[0];
    }

    /**
     * Whether two tensors have the same dimensions (values are not compared).
     *
     * @param other another tensor
     * @return true if the shapes are equal
     */
    public boolean sameShape(Tensor other) {
        return Arrays.equals(shape, other.shape);
    }

    /**
     * The same data under another shape of equal size (no copy).
     *
     * @param newShape dimensions whose product is {@link #size()}
     * @return a tensor sharing this one's data
     */
    public Tensor reshape(int... newShape) {
        return of(data, newShape);
    }

    /**
     * A deep copy.
     *
     * @return a new tensor with its own copy of the data
     */
    public Tensor copy() {
        return new Tensor(data.clone(), shape.clone());
    }

    @Override
    public String toString() {
        return "Tensor" + Arrays.toString(shape);
    }
}
