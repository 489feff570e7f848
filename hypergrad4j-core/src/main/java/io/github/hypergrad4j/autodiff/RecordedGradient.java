package io.github.hypergrad4j.autodiff;

import io.github.hypergrad4j.tensor.Tensor;
import java.util.List;

/**
 * A gradient together with what its pass computed ({@link Tape#recordGradient}): every node's value
 * and every adjoint's value. {@link #alongDirection} then gives the derivative of the gradients along a
 * direction of one input, bit for bit what {@link Tape#gradient} returns as tangents when that
 * input carries the direction from the start, but without recomputing a single value: it runs only
 * the tangent halves of the primitives' rules ({@link Primitive#forwardTangent}, {@link
 * Primitive#vjpTangents}, {@link ScatteringPrimitive#addTangentVjpInto}) on the recorded values.
 * This is for a direction that depends on the gradient itself (Adam's reverse step needs g_t to form
 * the direction of its Hessian-vector product): the gradient and then the Hessian-vector product
 * cost about one forward-over-reverse pass, not a plain pass and a dual one. It keeps one pass's
 * values and adjoints alive; drop it when done.
 */
public final class RecordedGradient {
    private final Tape tape;
    private final Var output;
    private final Var[] wrt;
    /** Per node up to the output: the value of its adjoint as consumed, or null if not reached. */
    private final Tensor[] adjoints;
    private final Tensor[] gradients;

    RecordedGradient(Tape tape, Var output, Var[] wrt, Tensor[] adjoints, Tensor[] gradients) {
        this.tape = tape;
        this.output = output;
        this.wrt = wrt;
        this.adjoints = adjoints;
        this.gradients = gradients;
    }

    /**
     * The gradient with respect to one of the inputs asked for.
     *
     * @param k the position of that input among {@code wrt} of {@link Tape#recordGradient}
     * @return the gradient, bit for bit that of {@link Tape#gradient} (not a copy)
     */
    public Tensor gradient(int k) {
        return gradients[k];
    }

    /**
     * The gradients and their derivatives along {@code direction}, a tangent of {@code input} (every
     * other input's tangent is zero): for the weights of a loss that is H u, for any other input x it
     * is grad_x(u . grad_w L). Can be called several times, with different directions.
     *
     * @param input a differentiable input of the tape
     * @param direction its tangent, of its shape (not copied; not modified)
     * @return one dual per entry of {@code wrt}: the recorded gradient and its tangent (null where zero)
     * @throws IllegalArgumentException if {@code input} is not an input of the tape or the shapes differ
     */
    public Dual[] alongDirection(Var input, Tensor direction) {
        if (input.tape() != tape || !input.isDifferentiable()) {
            throw new IllegalArgumentException("the direction's variable must be a differentiable input of the recorded tape");
        }
        tape.requireInput(input);
        if (!direction.sameShape(input.value())) {
            throw new IllegalArgumentException("direction " + direction + " does not match the input " + input.value());
        }
        Dual[] result = new Dual[wrt.length];
        if (!output.isDifferentiable()) {
            for (int i = 0; i < wrt.length; i++) {
                result[i] = Dual.of(gradients[i]);
            }
            return result;
        }
        List<Tape.Node> nodes = tape.nodes();
        int last = output.index();
        Tensor[] tangent = forwardTangents(nodes, last, input.index(), direction);
        TensorSum[] adjoint = new TensorSum[last + 1];
        for (int i = last; i >= 0; i--) {
            Tape.Node node = nodes.get(i);
            if (adjoints[i] == null || node.primitive() == null) {
                continue;
            }
            TensorSum sum = adjoint[i];
            adjoint[i] = null;
            Dual g = new Dual(adjoints[i], sum == null ? null : sum.get());
            Var[] inputs = node.inputs();
            if (node.primitive() instanceof ScatteringPrimitive scatter) {
                Var in = inputs[0];
                if (in.isDifferentiable() && g.tangent() != null) {
                    scatter.addTangentVjpInto(g, sumFor(adjoint, in.index()).own(in.value().shape()));
                }
                continue;
            }
            Dual[] inDuals = duals(inputs, tangent);
            boolean[] needed = new boolean[inputs.length];
            for (int k = 0; k < inputs.length; k++) {
                needed[k] = inputs[k].isDifferentiable();
            }
            Tensor[] t = node.primitive().vjpTangents(g, new Dual(node.output().value(), tangent[i]), inDuals, needed);
            for (int k = 0; k < inputs.length; k++) {
                if (needed[k] && t[k] != null) {
                    sumFor(adjoint, inputs[k].index()).add(t[k]);
                }
            }
        }
        for (int i = 0; i < wrt.length; i++) {
            Var v = wrt[i];
            TensorSum s = v.isDifferentiable() && v.index() <= last ? adjoint[v.index()] : null;
            result[i] = new Dual(gradients[i], s == null ? null : s.get());
        }
        return result;
    }

    /**
     * The tangent of every node's value up to {@code last}, in tape order, as {@link Tape#apply} would
     * have computed them had the input carried the direction: the recorded value with each primitive's
     * {@link Primitive#forwardTangent}.
     */
    private static Tensor[] forwardTangents(List<Tape.Node> nodes, int last, int input, Tensor direction) {
        Tensor[] tangent = new Tensor[last + 1];
        if (input <= last) {
            tangent[input] = direction;
        }
        for (int i = 0; i <= last; i++) {
            Tape.Node node = nodes.get(i);
            if (node.primitive() != null) {
                tangent[i] = node.primitive().forwardTangent(node.output().value(), duals(node.inputs(), tangent));
            }
        }
        return tangent;
    }

    /** The inputs' recorded values with their tangents (none for constants). */
    private static Dual[] duals(Var[] inputs, Tensor[] tangent) {
        Dual[] d = new Dual[inputs.length];
        for (int k = 0; k < inputs.length; k++) {
            Var v = inputs[k];
            d[k] = new Dual(v.value(), v.isDifferentiable() ? tangent[v.index()] : null);
        }
        return d;
    }

    private static TensorSum sumFor(TensorSum[] adjoint, int j) {
        if (adjoint[j] == null) {
            adjoint[j] = new TensorSum();
        }
        return adjoint[j];
    }
}
