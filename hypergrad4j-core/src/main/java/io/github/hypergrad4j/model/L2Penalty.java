package io.github.hypergrad4j.model;

import io.github.hypergrad4j.autodiff.Var;
import java.util.ArrayList;
import java.util.List;

/**
 * An L2 penalty sum_i lambda_i w_i^2 with lambda shared by all weights, one per parameter group, or
 * one per weight (automatic relevance determination). Lambda is a differentiable input, so the
 * penalty's hypergradient comes out of the same backward pass as everything else.
 */
public final class L2Penalty {

    /** How many penalties there are and which weights each covers. */
    public enum Kind {
        /** One lambda for all covered weights. */
        SCALAR,
        /** One lambda per covered parameter group. */
        PER_GROUP,
        /** One lambda per covered weight. */
        PER_WEIGHT
    }

    private final Kind kind;
    private final ParameterLayout layout;
    private final List<ParameterLayout.Group> covered;

    private L2Penalty(Kind kind, ParameterLayout layout, List<ParameterLayout.Group> covered) {
        this.kind = kind;
        this.layout = layout;
        this.covered = covered;
    }

    /**
     * One lambda for every weight of the given groups (all groups if none are named).
     *
     * @param layout the model's parameters
     * @param groups the groups to penalise, by name
     * @return a penalty expecting one lambda
     */
    public static L2Penalty scalar(ParameterLayout layout, String... groups) {
        return new L2Penalty(Kind.SCALAR, layout, select(layout, groups));
    }

    /**
     * One lambda per named group (all groups if none are named), in layout order.
     *
     * @param layout the model's parameters
     * @param groups the groups to penalise, by name
     * @return a penalty expecting one lambda per group
     */
    public static L2Penalty perGroup(ParameterLayout layout, String... groups) {
        return new L2Penalty(Kind.PER_GROUP, layout, select(layout, groups));
    }

    /**
     * One lambda per weight of the named groups (all groups if none are named), in layout order.
     *
     * @param layout the model's parameters
     * @param groups the groups to penalise, by name
     * @return a penalty expecting one lambda per covered weight
     */
    public static L2Penalty perWeight(ParameterLayout layout, String... groups) {
        return new L2Penalty(Kind.PER_WEIGHT, layout, select(layout, groups));
    }

    private static List<ParameterLayout.Group> select(ParameterLayout layout, String[] names) {
        List<ParameterLayout.Group> out = new ArrayList<>();
        if (names.length == 0) {
            out.addAll(layout.groups());
        } else {
            for (ParameterLayout.Group g : layout.groups()) {
                for (String n : names) {
                    if (g.name().equals(n)) {
                        out.add(g);
                    }
                }
            }
            if (out.size() != names.length) {
                throw new IllegalArgumentException("unknown group among " + String.join(", ", names) + "; groups are " + layout.names());
            }
        }
        return out;
    }

    /**
     * Number of lambdas this penalty expects.
     *
     * @return the length lambda must have
     */
    public int size() {
        switch (kind) {
            case SCALAR:
                return 1;
            case PER_GROUP:
                return covered.size();
            default:
                int n = 0;
                for (ParameterLayout.Group g : covered) {
                    n += g.size();
                }
                return n;
        }
    }

    /**
     * How the lambdas map to weights.
     *
     * @return the kind this penalty was made as
     */
    public Kind kind() {
        return kind;
    }

    /**
     * The penalty for weights and lambdas (a vector of {@link #size()} values).
     *
     * @param weights the flat weight vector
     * @param lambda the penalties, {@link #size()} values
     * @return a scalar: sum_i lambda_i w_i^2 over the covered weights
     * @throws IllegalArgumentException if lambda has the wrong size
     */
    public Var apply(Var weights, Var lambda) {
        if (lambda.value().size() != size()) {
            throw new IllegalArgumentException(kind + " L2 penalty expects " + size() + " values, got " + lambda.value().size());
        }
        if (weights.value().size() != layout.size()) {
            throw new IllegalArgumentException("weights of size " + weights.value().size() + " for a layout of " + layout.size());
        }
        switch (kind) {
            case SCALAR:
                return coveredWeights(weights).square().sum().scaledBy(lambda.reshape());
            case PER_GROUP: {
                Var total = null;
                for (int k = 0; k < covered.size(); k++) {
                    ParameterLayout.Group g = covered.get(k);
                    Var term = weights.slice(g.offset(), g.size()).square().sum().scaledBy(lambda.slice(k));
                    total = total == null ? term : total.plus(term);
                }
                return total;
            }
            default:
                return coveredWeights(weights).square().times(lambda.reshape(size())).sum();
        }
    }

    private Var coveredWeights(Var weights) {
        if (covered.size() == layout.groupCount()) {
            return weights.reshape(layout.size());
        }
        Var[] parts = new Var[covered.size()];
        for (int k = 0; k < parts.length; k++) {
            parts[k] = weights.slice(covered.get(k).offset(), covered.get(k).size());
        }
        return parts.length == 1 ? parts[0] : Var.concat(parts);
    }
}
