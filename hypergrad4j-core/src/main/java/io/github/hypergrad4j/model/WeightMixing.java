package io.github.hypergrad4j.model;

import io.github.hypergrad4j.autodiff.Var;
import io.github.hypergrad4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Learned weight sharing: the weights a model reads are mixtures w = T z of trained, whitened
 * weights z (the paper's "continuously parameterized architectures").
 *
 * <p>A <em>block</em> names a K x K matrix T (a hyperparameter, read from the trainer's
 * {@code Theta} under the block's name) and the parameter groups it mixes. Each of those groups has leading dimension K: K
 * same-shaped pieces (one layer of K task networks, or K translated copies of one filter inside a
 * network). For every group of the block, piece k of w is {@code sum_j T[k][j] z_j}. Groups outside
 * every block pass through unchanged (w = z).
 *
 * <p>Trained with an identity penalty {@code lambda |z|^2} (e.g. {@link L2Penalty#scalar}), this is
 * the same prior as a pairwise penalty {@code lambda w^T A w} on the pieces with A = (T T^T)^-1:
 * T T^T is the (scaled) covariance of the K pieces, so its normalised form
 * ({@link #correlation(Tensor)}) says how strongly each pair of pieces shares. T = I gives K separate
 * pieces; T with K equal rows ({@link #tied(int)}) ties them into one; K networks are best started
 * from equal pieces ({@link #alignPiecesInPlace}). Unlike the penalty form, the
 * mixed form expresses hard ties exactly and needs no matrix inverse, and its hypergradient with
 * respect to T comes out of the trainer's ordinary reverse pass like any other entry of Theta.
 * Immutable.
 */
public final class WeightMixing {

    /**
     * One learned K x K mixing matrix and the groups it mixes.
     *
     * @param name the key of T in the trainer's {@code Theta}
     * @param count K, the leading dimension of every group of the block
     * @param groups the mixed groups, in layout order
     */
    public record Block(String name, int count, List<ParameterLayout.Group> groups) {}

    private final ParameterLayout layout;
    private final List<Block> blocks;
    /** For each group of the layout, the block that mixes it, or -1. */
    private final int[] blockOfGroup;

    private WeightMixing(ParameterLayout layout, List<Block> blocks, int[] blockOfGroup) {
        this.layout = layout;
        this.blocks = List.copyOf(blocks);
        this.blockOfGroup = blockOfGroup;
    }

    /** Starts a mixing of the groups of {@code layout}. */
    public static Builder builder(ParameterLayout layout) {
        return new Builder(layout);
    }

    /** The layout of both z and w. */
    public ParameterLayout layout() {
        return layout;
    }

    /** The blocks in the order they were added. */
    public List<Block> blocks() {
        return blocks;
    }

    /** The block with this name. */
    public Block block(String name) {
        for (Block b : blocks) {
            if (b.name().equals(name)) {
                return b;
            }
        }
        throw new IllegalArgumentException("no mixing block '" + name + "'; blocks are " + names());
    }

    /** The blocks' names (the Theta keys of their matrices), in order. */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        for (Block b : blocks) {
            names.add(b.name());
        }
        return names;
    }

    /**
     * The weights w = T z that the model reads, for whitened weights {@code z} (the trained vector) and
     * each block's matrix looked up by the block's name (in a training loss: {@code theta::get}).
     * Differentiable in z and T.
     */
    public Var apply(Var z, Function<String, Var> matrices) {
        if (z.value().size() != layout.size()) {
            throw new IllegalArgumentException("whitened weights of " + z.value().size() + " values for a layout of "
                    + layout.size() + " " + layout);
        }
        Var[] t = new Var[blocks.size()];
        for (int b = 0; b < t.length; b++) {
            t[b] = matrices.apply(blocks.get(b).name());
            int k = blocks.get(b).count();
            int[] shape = t[b].value().shape();
            if (shape.length != 2 || shape[0] != k || shape[1] != k) {
                throw new IllegalArgumentException("mixing matrix '" + blocks.get(b).name() + "' has shape "
                        + Arrays.toString(shape) + "; it must be " + k + " x " + k);
            }
        }
        List<Var> parts = new ArrayList<>();
        int passFrom = -1; // start of a run of unmixed groups, sliced as one piece
        for (int g = 0; g < layout.groupCount(); g++) {
            ParameterLayout.Group group = layout.group(g);
            int b = blockOfGroup[g];
            if (b < 0) {
                passFrom = passFrom < 0 ? group.offset() : passFrom;
                continue;
            }
            if (passFrom >= 0) {
                parts.add(z.slice(passFrom, group.offset() - passFrom));
                passFrom = -1;
            }
            int k = blocks.get(b).count();
            Var pieces = z.slice(group.offset(), k, group.size() / k);
            parts.add(t[b].matmul(pieces).reshape(group.size()));
        }
        if (passFrom >= 0) {
            parts.add(z.slice(passFrom, layout.size() - passFrom));
        }
        return parts.size() == 1 ? parts.get(0) : Var.concat(parts.toArray(new Var[0]));
    }

    /** The K x K identity: K separate pieces. */
    public static Tensor identity(int k) {
        Tensor t = Tensor.zeros(k, k);
        for (int i = 0; i < k; i++) {
            t.data()[i * k + i] = 1;
        }
        return t;
    }

    /**
     * K equal rows (1, 0, ..., 0): every piece reads the first whitened piece, so the K pieces are one
     * tied piece. Its gradient is the sum of the pieces' gradients, exactly as for a network with the
     * piece shared outright, and after {@link #alignPiecesInPlace} it starts from the same weights as
     * the identity. (The other whitened pieces are then unused; under the identity penalty they decay.)
     */
    public static Tensor tied(int k) {
        Tensor t = Tensor.zeros(k, k);
        for (int i = 0; i < k; i++) {
            t.data()[i * k] = 1;
        }
        return t;
    }

    /**
     * Copies the first piece of every mixed group over its other pieces, in a vector of this layout
     * (e.g. initial weights). Why: K networks initialised independently have hidden units that
     * correspond to nothing across networks, so mixing them would mix unrelated features; started
     * aligned, piece j of a layer means the same thing in every network, which is what sharing needs,
     * and every mixing matrix with rows summing to one starts from the same weights.
     *
     * @param z modified: pieces 1..K-1 of each mixed group are overwritten
     */
    public void alignPiecesInPlace(double[] z) {
        if (z.length != layout.size()) {
            throw new IllegalArgumentException(z.length + " values for a layout of " + layout.size() + " " + layout);
        }
        for (Block b : blocks) {
            for (ParameterLayout.Group g : b.groups()) {
                int piece = g.size() / b.count();
                for (int k = 1; k < b.count(); k++) {
                    System.arraycopy(z, g.offset(), z, g.offset() + k * piece, piece);
                }
            }
        }
    }

    /**
     * T T^T normalised to a unit diagonal, C[i][j] = S[i][j] / sqrt(S[i][i] S[j][j]): the correlation
     * of pieces i and j under the prior, 1 where they are tied, 0 where they are independent. A piece
     * whose row of T is zero gets a zero row and column.
     */
    public static Tensor correlation(Tensor t) {
        int k = t.rows();
        if (t.rank() != 2 || t.cols() != k) {
            throw new IllegalArgumentException("a mixing matrix is square, got " + t);
        }
        double[] x = t.data(), s = new double[k * k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                double dot = 0;
                for (int m = 0; m < k; m++) {
                    dot += x[i * k + m] * x[j * k + m];
                }
                s[i * k + j] = dot;
            }
        }
        double[] c = new double[k * k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                double d = Math.sqrt(s[i * k + i] * s[j * k + j]);
                c[i * k + j] = d > 0 ? s[i * k + j] / d : 0;
            }
        }
        return Tensor.of(c, k, k);
    }

    /** Adds blocks; each group may belong to at most one block. */
    public static final class Builder {
        private final ParameterLayout layout;
        private final List<Block> blocks = new ArrayList<>();
        private final int[] blockOfGroup;

        private Builder(ParameterLayout layout) {
            this.layout = layout;
            this.blockOfGroup = new int[layout.groupCount()];
            Arrays.fill(blockOfGroup, -1);
        }

        /**
         * A block named {@code name} (its matrix's key in Theta) mixing the named groups, which must all
         * have the same leading dimension K (the number of pieces) and belong to no other block.
         */
        public Builder mix(String name, String... groups) {
            if (groups.length == 0) {
                throw new IllegalArgumentException("mixing block '" + name + "' names no parameter groups");
            }
            for (Block b : blocks) {
                if (b.name().equals(name)) {
                    throw new IllegalArgumentException("duplicate mixing block '" + name + "'");
                }
            }
            List<ParameterLayout.Group> members = new ArrayList<>();
            int k = -1;
            for (String groupName : groups) {
                ParameterLayout.Group g = layout.group(groupName);
                int index = layout.groups().indexOf(g);
                if (blockOfGroup[index] >= 0) {
                    throw new IllegalArgumentException("group '" + groupName + "' is already mixed by block '"
                            + blocks.get(blockOfGroup[index]).name() + "'");
                }
                int lead = g.shape()[0];
                if (k >= 0 && lead != k) {
                    throw new IllegalArgumentException("block '" + name + "' mixes groups with different numbers of"
                            + " pieces: " + members.get(0) + " has " + k + ", " + g + " has " + lead
                            + "; every group of a block needs the same leading dimension");
                }
                k = lead;
                members.add(g);
            }
            for (ParameterLayout.Group g : members) {
                blockOfGroup[layout.groups().indexOf(g)] = blocks.size();
            }
            members.sort((a, b) -> Integer.compare(a.offset(), b.offset()));
            blocks.add(new Block(name, k, List.copyOf(members)));
            return this;
        }

        public WeightMixing build() {
            return new WeightMixing(layout, blocks, blockOfGroup.clone());
        }
    }
}
