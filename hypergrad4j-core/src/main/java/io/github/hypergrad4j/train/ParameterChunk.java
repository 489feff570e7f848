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

    private ParameterChunk(int from, int to, List<int[]> pieces, int parameterCount, WordStack stack) {
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
        this.buffer = new InformationBuffer(parameterCount, FixedPointFormat.DEFAULT, stack);
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
     * The layout cut into {@code count} chunks of (nearly) equal size.
     *
     * @param memoryBytes buffer words kept in memory by all chunks together before they spill to files in
     *     {@code spillDirectory}; 0 for no limit
     */
    static ParameterChunk[] split(ParameterLayout layout, int count, long memoryBytes, Path spillDirectory) {
        int p = layout.size();
        count = Math.max(1, Math.min(count, p));
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
            chunks[c] = new ParameterChunk(from, to, pieces, p, stack);
        }
        return chunks;
    }
}
