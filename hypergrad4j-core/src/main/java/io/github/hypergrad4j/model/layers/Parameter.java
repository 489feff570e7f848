package io.github.hypergrad4j.model.layers;

import java.util.Arrays;

/**
 * One parameter group a layer reads: its role within the layer (e.g. "W" for weights, "b" for
 * biases; {@link Sequential} turns it into the group's name) and its shape.
 *
 * @param role the group's role in the layer
 * @param shape the shape of the group's values, as the layer reads them
 */
public record Parameter(String role, int[] shape) {

    /** Checks the role is a non-empty name and the shape has entries. */
    public Parameter {
        if (role == null || role.isEmpty()) {
            throw new IllegalArgumentException("a parameter needs a role name");
        }
        shape = shape.clone();
        for (int d : shape) {
            if (d <= 0) {
                throw new IllegalArgumentException("parameter '" + role + "' has a non-positive dimension: " + Arrays.toString(shape));
            }
        }
    }

    /** The shape (a copy). */
    @Override
    public int[] shape() {
        return shape.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Parameter p && p.role.equals(role) && Arrays.equals(p.shape, shape);
    }

    @Override
    public int hashCode() {
        return role.hashCode() * 31 + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return role + Arrays.toString(shape);
    }
}
