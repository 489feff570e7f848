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
    /** Every tensor given to {@link #constant}: the data a loss reads, kept to diagnose non-finite values. */
    private final List<Tensor> constants = new ArrayList<>();

    /** A node: an input (no primitive) or the output of a primitive applied to earlier vars. */
    record Node(Primitive primitive, Var[] inputs, Dual output) {}

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

    /**
     * A differentiable input with zero tangent.
     *
     * @param value its value
     * @return a variable gradients flow into
     */
    public Var input(Tensor value) {
        return input(value, null);
    }

    /**
     * A differentiable input whose tangent is the direction {@code tangent} (may be null).
     *
     * @param value its value
     * @param tangent the direction u for Hessian-vector products, of the value's shape
     * @return a variable gradients flow into
     */
    public Var input(Tensor value, Tensor tangent) {
        if (tangent != null && !tangent.sameShape(value)) {
            throw new IllegalArgumentException("tangent " + tangent + " does not match the input " + value);
        }
        nodes.add(new Node(null, new Var[0], new Dual(value, tangent)));
        return new Var(this, nodes.size() - 1, new Dual(value, tangent));
    }

    /**
     * A constant: no gradient flows into it and it has no tangent.
     *
     * @param value its value (not copied)
     * @return a variable that is not differentiated
     */
    public Var constant(Tensor value) {
        constants.add(value);
        return new Var(this, -1, Dual.of(value));
    }

    /**
     * The tensors given to {@link #constant} on this tape so far, in order: the data (inputs,
     * targets, fixed tensors) the recorded function reads. The trainer scans them to tell a NaN in
     * the data from a diverged run.
     *
     * @return an unmodifiable view
     */
    public List<Tensor> constants() {
        return java.util.Collections.unmodifiableList(constants);
    }

    /**
     * Applies a primitive, recording it when any input is differentiable.
     *
     * @param primitive the operation
     * @param inputs its inputs, all on this tape
     * @return the output variable
     */
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
     *
     * @param output a scalar variable of this tape
     * @param wrt the inputs to differentiate with respect to
     * @return one dual per entry of {@code wrt}: the gradient and its tangent
     */
    public Dual[] gradient(Var output, Var... wrt) {
        return backward(output, wrt, null);
    }

    /**
     * {@link #gradient} of a tape whose inputs carry no tangent, keeping what the pass computed (every
     * node's value, already on the tape, and every adjoint) so that the derivative of these gradients
     * along a direction of one input can be had afterwards from {@link
     * RecordedGradient#alongDirection} without recomputing any value: the tangent half of a
     * forward-over-reverse pass, for when the direction is known only after the gradient. The tape
     * must not be extended while the record is in use.
     *
     * @param output a scalar variable of this tape
     * @param wrt the inputs to differentiate with respect to
     * @return the gradients (bit for bit those of {@link #gradient}) and what a directional derivative needs
     * @throws IllegalArgumentException if an input of the tape carries a tangent
     */
    public RecordedGradient recordGradient(Var output, Var... wrt) {
        for (Node n : nodes) {
            if (n.primitive() == null && n.output().tangent() != null) {
                throw new IllegalArgumentException("recordGradient needs inputs without tangents: the direction is"
                        + " given later, to RecordedGradient.alongDirection");
            }
        }
        Tensor[] adjoints = new Tensor[output.isDifferentiable() ? output.index() + 1 : 0];
        Dual[] g = backward(output, wrt, adjoints);
        Tensor[] values = new Tensor[g.length];
        for (int i = 0; i < g.length; i++) {
            values[i] = g[i].value();
        }
        return new RecordedGradient(this, output, wrt.clone(), adjoints, values);
    }

    /** The recorded nodes, in order (for {@link RecordedGradient}). */
    List<Node> nodes() {
        return nodes;
    }

    /**
     * The reverse pass of {@link #gradient}; when {@code keep} is not null, {@code keep[i]} receives the
     * value of node i's adjoint as its vector-Jacobian product consumed it (null for nodes not reached).
     */
    private Dual[] backward(Var output, Var[] wrt, Tensor[] keep) {
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
            if (keep != null) {
                keep[i] = g.value();
            }
            Var[] inputs = node.inputs();
            if (node.primitive() instanceof ScatteringPrimitive) {
                Var in = inputs[0];
                if (in.isDifferentiable()) {
                    int j = in.index();
                    if (adjoint[j] == null) {
                        adjoint[j] = new Accumulator();
                    }
                    Accumulator acc = adjoint[j];
                    double[] value = acc.value.own(in.value().shape());
                    double[] tangent = g.tangent() == null ? null : acc.tangent.own(in.value().shape());
                    ((ScatteringPrimitive) node.primitive()).addVjpInto(g, value, tangent);
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

    /** The adjoint of one node while it is being summed: its value and its tangent. */
    private static final class Accumulator {
        final TensorSum value = new TensorSum();
        final TensorSum tangent = new TensorSum();

        void add(Dual d) {
            value.add(d.value());
            if (d.tangent() != null) {
                tangent.add(d.tangent());
            }
        }

        Dual dual() {
            return new Dual(value.get(), tangent.get());
        }
    }

    private Accumulator adjointOf(Accumulator[] adjoint, Var v) {
        requireInput(v);
        return adjoint[v.index()];
    }

    /** Rejects an intermediate value where an input of the tape is asked for. */
    void requireInput(Var v) {
        if (nodes.get(v.index()).primitive() != null) {
            throw new IllegalArgumentException("gradient is taken with respect to inputs of the tape, not intermediate values");
        }
    }
}
