package io.github.hypergrad4j.train;

import io.github.hypergrad4j.exact.InformationBuffer;
import io.github.hypergrad4j.model.ParameterLayout;
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

    private ParameterChunk(int from, int to, List<int[]> pieces, int parameterCount) {
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
        this.buffer = new InformationBuffer(parameterCount);
    }

    int pieces() {
        return group.length;
    }

    /** The layout cut into {@code count} chunks of (nearly) equal size. */
    static ParameterChunk[] split(ParameterLayout layout, int count) {
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
            chunks[c] = new ParameterChunk(from, to, pieces, p);
        }
        return chunks;
    }
}
