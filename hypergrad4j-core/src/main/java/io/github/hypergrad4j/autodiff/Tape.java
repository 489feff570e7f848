package io.github.hypergrad4j.autodiff;

import io.github.hypergrad4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * Records the operations applied to differentiable {@link Var}s, in order, and runs them backwards.
 * A tape is used for one evaluation and then dropped; it is not thread-safe.
 *
 * <p>Inputs may carry a tangent (a direction u). The backward pass then returns, for every input,
 * the gradient as the value of a {@link Dual} and its derivative along u as the tangent: for the
 * weights that is H u, for any other input x it is grad_x(u . grad_w L).
 */
public final class Tape {
    private final List<Node> nodes = new ArrayList<>();

    /** A node: an input (no primitive) or the output of a primitive applied to earlier vars. */
    private record Node(Primitive primitive, Var[] inputs, Dual output) {}

    /** A differentiable input with zero tangent. */
    public Var input(Tensor value) {
        return input(value, null);
    }

    /** A differentiable input whose tangent is the direction {@code tangent} (may be null). */
    public Var input(Tensor value, Tensor tangent) {
        if (tangent != null && !tangent.sameShape(value)) {
            throw new IllegalArgumentException("tangent " + tangent + " does not match the input " + value);
        }
        nodes.add(new Node(null, new Var[0], new Dual(value, tangent)));
        return new Var(this, nodes.size() - 1, new Dual(value, tangent));
    }

    /** A constant: no gradient flows into it and it has no tangent. */
    public Var constant(Tensor value) {
        return new Var(this, -1, Dual.of(value));
    }

    /** Applies a primitive, recording it when any input is differentiable. */
    public Var apply(Primitive primitive, Var... inputs) {
        Dual[] in = new Dual[inputs.length];
        boolean differentiable = false;
        for (int i = 0; i < inputs.length; i++) {
            if (inputs[i].tape() != this) {
                throw new IllegalArgumentException("a variable from another tape was passed to " + primitive.getClass().getSimpleName());
            }
            in[i] = inputs[i].dual();
            differentiable |= inputs[i].isDifferentiable();
        }
        Dual out = primitive.forward(in);
        if (!differentiable) {
            return new Var(this, -1, out);
        }
        nodes.add(new Node(primitive, inputs.clone(), out));
        return new Var(this, nodes.size() - 1, out);
    }

    /**
     * Gradients of the scalar {@code output} with respect to each of {@code wrt}, as duals (gradient,
     * derivative of the gradient along the inputs' tangents). Inputs that the output does not depend
     * on get zeros.
     */
    public Dual[] gradient(Var output, Var... wrt) {
        if (output.value().size() != 1) {
            throw new IllegalArgumentException("gradient needs a scalar output, got " + output.value());
        }
        Dual[] result = new Dual[wrt.length];
        if (!output.isDifferentiable()) {
            for (int i = 0; i < wrt.length; i++) {
                result[i] = Dual.of(Tensor.zeros(wrt[i].value().shape()));
            }
            return result;
        }
        Dual[] adjoint = new Dual[output.index() + 1];
        adjoint[output.index()] = Dual.of(Tensor.of(new double[] {1.0}, output.value().shape()));
        for (int i = output.index(); i >= 0; i--) {
            Node node = nodes.get(i);
            if (adjoint[i] == null || node.primitive() == null) {
                continue;
            }
            Var[] inputs = node.inputs();
            Dual[] inDuals = new Dual[inputs.length];
            boolean[] needed = new boolean[inputs.length];
            for (int k = 0; k < inputs.length; k++) {
                inDuals[k] = inputs[k].dual();
                needed[k] = inputs[k].isDifferentiable();
            }
            Dual[] grads = node.primitive().vjp(adjoint[i], node.output(), inDuals, needed);
            for (int k = 0; k < inputs.length; k++) {
                if (!needed[k] || grads[k] == null) {
                    continue;
                }
                int j = inputs[k].index();
                adjoint[j] = adjoint[j] == null ? grads[k] : DualMath.add(adjoint[j], grads[k]);
            }
            adjoint[i] = null; // free intermediate adjoints as soon as they are consumed
        }
        for (int i = 0; i < wrt.length; i++) {
            Var v = wrt[i];
            Dual a = v.isDifferentiable() && v.index() <= output.index() ? adjointOf(adjoint, v) : null;
            result[i] = a != null ? a : Dual.of(Tensor.zeros(v.value().shape()));
        }
        return result;
    }

    private Dual adjointOf(Dual[] adjoint, Var v) {
        if (nodes.get(v.index()).primitive() != null) {
            throw new IllegalArgumentException("gradient is taken with respect to inputs of the tape, not intermediate values");
        }
        return adjoint[v.index()];
    }
}
