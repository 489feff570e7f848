package io.github.hypergrad4j.train;

import io.github.hypergrad4j.exact.ArrayWordStack;
import io.github.hypergrad4j.exact.FixedPointFormat;
import io.github.hypergrad4j.exact.InformationBuffer;
import io.github.hypergrad4j.exact.SpillingWordStack;
import io.github.hypergrad4j.exact.WordStack;
import io.github.hypergrad4j.model.ParameterLayout;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A contiguous range of the flat parameter vector with its own information buffer, so that the exact
 * updates of different chunks can run on different threads. Within a chunk the parameters are always
 * visited in the same order (groups ascending forwards, descending backwards), which is all that
 * exact reversal needs; the chunking itself is fixed for a whole run.
 */
final class ParameterChunk {
    final int from;
    final int to;
    /** Per piece: the group it belongs to and its index range, in group order. */
    final int[] group;
    final int[] pieceFrom;
    final int[] pieceTo;
    final InformationBuffer buffer;
    private final WordStack stack;

    private ParameterChunk(int from, int to, List<int[]> pieces, WordStack stack) {
        this.from = from;
        this.to = to;
        this.group = new int[pieces.size()];
        this.pieceFrom = new int[pieces.size()];
        this.pieceTo = new int[pieces.size()];
        for (int k = 0; k < pieces.size(); k++) {
            group[k] = pieces.get(k)[0];
            pieceFrom[k] = pieces.get(k)[1];
            pieceTo[k] = pieces.get(k)[2];
        }
        this.stack = stack;
        this.buffer = new InformationBuffer(from, to - from, FixedPointFormat.DEFAULT, stack);
    }

    /** Releases the buffer's spill file, if it has one. */
    void close() {
        if (stack instanceof SpillingWordStack s) {
            s.close();
        }
    }

    int pieces() {
        return group.length;
    }

    /**
     * How many chunks a layout of {@code parameters} is cut into: a function of its size alone, never
     * of the thread count. The chunks' buffers hand bits between the parameters that share them (a
     * digit popped for one parameter may have been pushed for another), so the chunking decides the
     * trajectory's last bits: a cut that followed the core count would give other bits on another
     * machine. One chunk per {@link #CHUNK_PARAMETERS} parameters, rounded down to a power of two
     * (shared evenly among 2, 4, 8, ... threads), at most {@link #MAX_CHUNKS}.
     */
    static int countFor(int parameters) {
        int perChunk = parameters / CHUNK_PARAMETERS;
        return perChunk < 2 ? 1 : Integer.highestOneBit(Math.min(MAX_CHUNKS, perChunk));
    }

    /**
     * Parameters per chunk (at least this many; fewer than twice as many unless there are {@link
     * #MAX_CHUNKS}). The paper's 784-50-50-50-10 network (44,860 parameters) gets two chunks, as many
     * as the 2-core development machine has threads; an exact update of a chunk then takes tens of
     * microseconds, far more than a hand-over to a worker.
     */
    static final int CHUNK_PARAMETERS = 16_384;

    /**
     * The most chunks: enough for 16 threads. (Each chunk's buffer has heads for its own parameters
     * only, so the count costs no memory.)
     */
    static final int MAX_CHUNKS = 16;

    /**
     * The layout cut into {@link #countFor its fixed number} of chunks of (nearly) equal size.
     *
     * @param memoryBytes buffer words kept in memory by all chunks together before they spill to files in
     *     {@code spillDirectory}; 0 for no limit
     */
    static ParameterChunk[] split(ParameterLayout layout, long memoryBytes, Path spillDirectory) {
        int p = layout.size();
        int count = Math.max(1, Math.min(countFor(p), p));
        ParameterChunk[] chunks = new ParameterChunk[count];
        for (int c = 0; c < count; c++) {
            int from = (int) ((long) p * c / count), to = (int) ((long) p * (c + 1) / count);
            List<int[]> pieces = new ArrayList<>();
            for (int g = 0; g < layout.groupCount(); g++) {
                ParameterLayout.Group grp = layout.group(g);
                int a = Math.max(from, grp.offset()), b = Math.min(to, grp.end());
                if (a < b) {
                    pieces.add(new int[] {g, a, b});
                }
            }
            WordStack stack = memoryBytes > 0 ? new SpillingWordStack(Math.max(1, memoryBytes / count), spillDirectory)
                    : new ArrayWordStack();
            chunks[c] = new ParameterChunk(from, to, pieces, stack);
        }
        return chunks;
    }
}
