package io.github.hypergrad4j.hyper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Named blocks of one flat meta-parameter vector (e.g. "logAlpha" with steps x groups entries,
 * "logitBeta", "logScale"), so a meta-optimiser steps one array while experiments read and write
 * blocks by name.
 */
public final class HyperVector {
    private final Map<String, int[]> blocks = new LinkedHashMap<>();
    private final double[] values;

    private HyperVector(Map<String, double[]> initial) {
        int size = 0;
        for (Map.Entry<String, double[]> e : initial.entrySet()) {
            blocks.put(e.getKey(), new int[] {size, e.getValue().length});
            size += e.getValue().length;
        }
        values = new double[size];
        for (Map.Entry<String, double[]> e : initial.entrySet()) {
            System.arraycopy(e.getValue(), 0, values, blocks.get(e.getKey())[0], e.getValue().length);
        }
    }

    /**
     * Blocks in order, with their initial values (copied).
     *
     * @param blocks block names and their values, in the order they should be flattened
     * @return the vector
     */
    public static HyperVector of(Map<String, double[]> blocks) {
        return new HyperVector(blocks);
    }

    /**
     * The flat vector, live: meta-optimisers update it in place.
     *
     * @return the backing array
     */
    public double[] values() {
        return values;
    }

    /**
     * The number of entries of all blocks together.
     *
     * @return the length of {@link #values()}
     */
    public int size() {
        return values.length;
    }

    /**
     * The blocks' names in order.
     *
     * @return a new list
     */
    public List<String> names() {
        return new ArrayList<>(blocks.keySet());
    }

    /**
     * A copy of one block.
     *
     * @param name the block
     * @return its current values
     * @throws IllegalArgumentException if there is no such block
     */
    public double[] get(String name) {
        int[] b = block(name);
        double[] out = new double[b[1]];
        System.arraycopy(values, b[0], out, 0, b[1]);
        return out;
    }

    /**
     * Writes a block's entries of a flat gradient vector (same layout as the values).
     *
     * @param flat a vector laid out like {@link #values()}; modified
     * @param name the block
     * @param blockValues its entries, as many as the block has
     */
    public void put(double[] flat, String name, double[] blockValues) {
        int[] b = block(name);
        if (blockValues.length != b[1]) {
            throw new IllegalArgumentException("block '" + name + "' has " + b[1] + " entries, got " + blockValues.length);
        }
        System.arraycopy(blockValues, 0, flat, b[0], b[1]);
    }

    private int[] block(String name) {
        int[] b = blocks.get(name);
        if (b == null) {
            throw new IllegalArgumentException("no hyperparameter block '" + name + "'; blocks are " + blocks.keySet());
        }
        return b;
    }

    /**
     * Reshapes a flat block of steps x groups entries into rows.
     *
     * @param flat steps x groups entries, row-major
     * @param steps the number of rows
     * @param groups the entries per row
     * @return a new array of rows
     */
    public static double[][] rows(double[] flat, int steps, int groups) {
        if (flat.length != steps * groups) {
            throw new IllegalArgumentException(flat.length + " values cannot be " + steps + " x " + groups);
        }
        double[][] out = new double[steps][groups];
        for (int t = 0; t < steps; t++) {
            System.arraycopy(flat, t * groups, out[t], 0, groups);
        }
        return out;
    }

    /**
     * Flattens rows (steps x groups).
     *
     * @param rows equal-length rows
     * @return a new flat array, row-major
     */
    public static double[] flatten(double[][] rows) {
        int groups = rows.length == 0 ? 0 : rows[0].length;
        double[] out = new double[rows.length * groups];
        for (int t = 0; t < rows.length; t++) {
            System.arraycopy(rows[t], 0, out, t * groups, groups);
        }
        return out;
    }
}
