package io.github.hypergrad4j.autodiff.ops;

/** Elementwise minimum of two tensors of one shape; ties take the first operand. */
public final class Min extends Selection {

    @Override
    boolean takeFirst(double a, double b) {
        return a <= b;
    }
}
