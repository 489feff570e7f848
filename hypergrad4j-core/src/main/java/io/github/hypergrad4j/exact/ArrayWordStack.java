package io.github.hypergrad4j.exact;

/**
 * A {@link WordStack} held in memory, in blocks of {@code int[]}: the first as large as asked, each
 * next one twice the previous up to 2^20 words (4 MiB). Growing never copies the stored words and
 * never reserves more than one block ahead, so the memory is the stored words plus at most a few MiB,
 * not the up to 3x that doubling one array costs while it copies. When the stack shrinks, one empty
 * block is kept (pushes and pops alternating at a block boundary allocate nothing) and the others
 * are released.
 *
 * <p>State: the stored words (blocks {@code [0, current)} full, block {@code current} filled to
 * {@code top}) and a count {@code borrowed} of zero words popped from below the bottom. Pushing 0
 * while nothing is stored and {@code borrowed > 0} hands a borrowed zero back instead of storing it.
 * Why this keeps both laws of {@link WordStack}: the only way to store a word while {@code borrowed
 * > 0} is pushing a non-zero word onto an empty stack (a zero would be handed back), and {@code
 * borrowed} cannot change while words are stored, so whenever both are positive the bottom word is
 * non-zero. Hence:
 *
 * <ul>
 *   <li>pop after push: a stored word is popped back; a handed-back zero is borrowed again;
 *   <li>push after pop: a popped stored word is stored again (if it was the bottom word and
 *       {@code borrowed > 0}, it is non-zero, so it is not mistaken for a borrowed zero); a
 *       borrowed zero is handed back.
 * </ul>
 */
public final class ArrayWordStack implements WordStack {
    private static final int MAX_WORDS = Integer.MAX_VALUE - 8;
    private static final int MAX_BLOCK = 1 << 20;

    private final java.util.ArrayList<int[]> blocks = new java.util.ArrayList<>();
    /** The block being filled and the number of words in it. */
    private int[] block;
    private int current;
    private int top;
    private int size;
    private long borrowed;

    /** An empty stack with room for 1,024 words before it first grows. */
    public ArrayWordStack() {
        this(1024);
    }

    /**
     * A stack with room for {@code initialCapacity} words before it first grows.
     *
     * @param initialCapacity words in the first block, positive
     */
    public ArrayWordStack(int initialCapacity) {
        if (initialCapacity < 1) {
            throw new IllegalArgumentException("initial capacity must be positive, got " + initialCapacity);
        }
        block = new int[initialCapacity];
        blocks.add(block);
    }

    @Override
    public void push(int word) {
        if (size == 0 && borrowed > 0 && word == 0) {
            borrowed--;
            return;
        }
        if (top == block.length) {
            nextBlock();
        }
        block[top++] = word;
        size++;
    }

    @Override
    public int pop() {
        if (size == 0) {
            borrowed++;
            return 0;
        }
        if (top == 0) {
            previousBlock();
        }
        size--;
        return block[--top];
    }

    @Override
    public long depth() {
        return size - borrowed;
    }

    @Override
    public boolean isEmpty() {
        return size == 0 && borrowed == 0;
    }

    @Override
    public void clear() {
        while (blocks.size() > 1) {
            blocks.remove(blocks.size() - 1);
        }
        block = blocks.get(0);
        current = 0;
        top = 0;
        size = 0;
        borrowed = 0;
    }

    /**
     * Words held in memory.
     *
     * @return the number of words on the stack
     */
    public int storedWords() {
        return size;
    }

    /**
     * Zero words currently popped from below the bottom.
     *
     * @return how many zeros were popped below the bottom and not pushed back yet
     */
    public long borrowedWords() {
        return borrowed;
    }

    /**
     * Words of memory the blocks take, stored or not.
     *
     * @return the allocated words, at least {@link #storedWords()}
     */
    public long capacityWords() {
        long c = 0;
        for (int[] b : blocks) {
            c += b.length;
        }
        return c;
    }

    /** A copy of the stored words, bottom first; for tests. */
    int[] storedWordsCopy() {
        int[] out = new int[size];
        int at = 0;
        for (int i = 0; i < current; i++) {
            System.arraycopy(blocks.get(i), 0, out, at, blocks.get(i).length);
            at += blocks.get(i).length;
        }
        System.arraycopy(block, 0, out, at, top);
        return out;
    }

    private void nextBlock() {
        if (size == MAX_WORDS) {
            throw new IllegalStateException("the information buffer's word stack is full (" + size
                    + " words); train fewer steps or parameters, or use a larger beta");
        }
        current++;
        if (current == blocks.size()) {
            blocks.add(new int[(int) Math.min(MAX_BLOCK, 2L * block.length)]);
        }
        block = blocks.get(current);
        top = 0;
    }

    private void previousBlock() {
        // Keep the block being left as a spare; release any beyond it.
        while (blocks.size() > current + 1) {
            blocks.remove(blocks.size() - 1);
        }
        current--;
        block = blocks.get(current);
        top = block.length;
    }

    @Override
    public String toString() {
        return "ArrayWordStack[stored=" + size + ", borrowed=" + borrowed + "]";
    }
}
