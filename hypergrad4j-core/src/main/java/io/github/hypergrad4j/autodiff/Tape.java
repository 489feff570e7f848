package io.github.hypergrad4j.autodiff;

import io.github.hypergrad4j.tensor.Tensor;
import io.github.hypergrad4j.tensor.TensorOps;
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

    /** The classes of the primitives recorded so far, in first-use order (what a check exercised). */
    java.util.Set<Class<? extends Primitive>> recordedPrimitives() {
        java.util.Set<Class<? extends Primitive>> out = new java.util.LinkedHashSet<>();
        for (Node n : nodes) {
            if (n.primitive() != null) {
                out.add(n.primitive().getClass());
            }
        }
        return out;
    }

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
        Accumulator[] adjoint = new Accumulator[output.index() + 1];
        adjoint[output.index()] = new Accumulator();
        adjoint[output.index()].add(Dual.of(Tensor.of(new double[] {1.0}, output.value().shape())));
        for (int i = output.index(); i >= 0; i--) {
            Node node = nodes.get(i);
            if (adjoint[i] == null || node.primitive() == null) {
                continue;
            }
            Dual g = adjoint[i].dual();
            adjoint[i] = null; // free intermediate adjoints as soon as they are consumed
            Var[] inputs = node.inputs();
            if (node.primitive() instanceof ScatteringPrimitive) {
                Var in = inputs[0];
                if (in.isDifferentiable()) {
                    int j = in.index();
                    if (adjoint[j] == null) {
                        adjoint[j] = new Accumulator();
                    }
                    Accumulator acc = adjoint[j];
                    acc.own(in.value().shape(), g.tangent() != null);
                    ((ScatteringPrimitive) node.primitive()).addVjpInto(g, acc.value.data(),
                            g.tangent() == null ? null : acc.tangent.data());
                }
                continue;
            }
            Dual[] inDuals = new Dual[inputs.length];
            boolean[] needed = new boolean[inputs.length];
            for (int k = 0; k < inputs.length; k++) {
                inDuals[k] = inputs[k].dual();
                needed[k] = inputs[k].isDifferentiable();
            }
            Dual[] grads = node.primitive().vjp(g, node.output(), inDuals, needed);
            for (int k = 0; k < inputs.length; k++) {
                if (!needed[k] || grads[k] == null) {
                    continue;
                }
                int j = inputs[k].index();
                if (adjoint[j] == null) {
                    adjoint[j] = new Accumulator();
                }
                adjoint[j].add(grads[k]);
            }
        }
        for (int i = 0; i < wrt.length; i++) {
            Var v = wrt[i];
            Accumulator a = v.isDifferentiable() && v.index() <= output.index() ? adjointOf(adjoint, v) : null;
            result[i] = a != null ? a.dual() : Dual.of(Tensor.zeros(v.value().shape()));
        }
        return result;
    }

    /**
     * The adjoint of one node while it is being summed. The first contribution is kept by reference
     * (no copy); a second one makes a private sum that later contributions are added into in place.
     */
    private static final class Accumulator {
        Tensor value;
        Tensor tangent;
        boolean ownsValue;
        boolean ownsTangent;

        void add(Dual d) {
            if (value == null) {
                value = d.value();
            } else if (ownsValue) {
                TensorOps.addInPlace(value, d.value());
            } else {
                value = TensorOps.add(value, d.value());
                ownsValue = true;
            }
            if (d.tangent() != null) {
                if (tangent == null) {
                    tangent = d.tangent();
                } else if (ownsTangent) {
                    TensorOps.addInPlace(tangent, d.tangent());
                } else {
                    tangent = TensorOps.add(tangent, d.tangent());
                    ownsTangent = true;
                }
            }
        }

        /** Makes value (and tangent, if asked) private arrays of the given shape, ready for in-place adds. */
        void own(int[] shape, boolean withTangent) {
            if (value == null) {
                value = Tensor.zeros(shape);
                ownsValue = true;
            } else if (!ownsValue) {
                value = value.copy();
                ownsValue = true;
            }
            if (withTangent) {
                if (tangent == null) {
                    tangent = Tensor.zeros(shape);
                    ownsTangent = true;
                } else if (!ownsTangent) {
                    tangent = tangent.copy();
                    ownsTangent = true;
                }
            }
        }

        Dual dual() {
            return new Dual(value, tangent);
        }
    }

    private Accumulator adjointOf(Accumulator[] adjoint, Var v) {
        if (nodes.get(v.index()).primitive() != null) {
            throw new IllegalArgumentException("gradient is taken with respect to inputs of the tape, not intermediate values");
        }
        return adjoint[v.index()];
    }
}
