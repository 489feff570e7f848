package io.github.hypergrad4j.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Names the contiguous ranges ("groups") of a flat parameter vector: e.g. W1, b1, W2, b2 for a
 * network. Learning rates, momentums and initial scales are set per group.
 */
public final class ParameterLayout {

    /** One group: its name, where it starts in the flat vector, its shape and its number of entries. */
    public record Group(String name, int offset, int[] shape, int size) {
        static Group of(String name, int offset, int[] shape) {
            int s = 1;
            for (int d : shape) {
                s *= d;
            }
            return new Group(name, offset, shape, s);
        }

        /**
         * The index just after this group in the flat vector.
         *
         * @return offset + size
         */
        public int end() {
            return offset + size();
        }

        @Override
        public String toString() {
            return name + Arrays.toString(shape);
        }
    }

    private final List<Group> groups;
    private final int size;

    private ParameterLayout(List<Group> groups) {
        this.groups = Collections.unmodifiableList(groups);
        this.size = groups.isEmpty() ? 0 : groups.get(groups.size() - 1).end();
    }

    /**
     * A builder for a new layout.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Number of parameters.
     *
     * @return the length of the flat vector
     */
    public int size() {
        return size;
    }

    /**
     * The number of groups.
     *
     * @return the count
     */
    public int groupCount() {
        return groups.size();
    }

    /**
     * A group by position.
     *
     * @param g its index, in [0, groupCount())
     * @return the group
     */
    public Group group(int g) {
        return groups.get(g);
    }

    /**
     * All groups in order.
     *
     * @return an unmodifiable list
     */
    public List<Group> groups() {
        return groups;
    }

    /**
     * The group with this name.
     *
     * @param name its name
     * @return the group
     * @throws IllegalArgumentException if there is none, listing the names
     */
    public Group group(String name) {
        for (Group g : groups) {
            if (g.name().equals(name)) {
                return g;
            }
        }
        throw new IllegalArgumentException("no parameter group '" + name + "'; groups are " + groups);
    }

    /**
     * Index of the group that holds parameter {@code index}.
     *
     * @param index a position in the flat vector
     * @return the group's index
     */
    public int groupOf(int index) {
        for (int g = 0; g < groups.size(); g++) {
            if (index < groups.get(g).end()) {
                return g;
            }
        }
        throw new IndexOutOfBoundsException("parameter " + index + " of " + size);
    }

    /**
     * Group names in order.
     *
     * @return a new list
     */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        for (Group g : groups) {
            names.add(g.name());
        }
        return names;
    }

    @Override
    public String toString() {
        return "ParameterLayout" + groups + " (" + size + " parameters)";
    }

    /** Adds groups in order. */
    public static final class Builder {
        private final List<Group> groups = new ArrayList<>();
        private int offset;

        /**
         * Appends a group after the ones added so far.
         *
         * @param name a name not used yet
         * @param shape its dimensions, e.g. {in, out} for a weight matrix
         * @return this builder
         * @throws IllegalArgumentException for a duplicate name or an empty shape
         */
        public Builder add(String name, int... shape) {
            for (Group g : groups) {
                if (g.name().equals(name)) {
                    throw new IllegalArgumentException("duplicate parameter group '" + name + "'");
                }
            }
            Group g = Group.of(name, offset, shape.clone());
            if (g.size() <= 0) {
                throw new IllegalArgumentException("parameter group '" + name + "' has no entries: " + Arrays.toString(shape));
            }
            groups.add(g);
            offset = g.end();
            return this;
        }

        /**
         * The layout of the groups added.
         *
         * @return a new layout
         */
        public ParameterLayout build() {
            return new ParameterLayout(new ArrayList<>(groups));
        }
    }
}
