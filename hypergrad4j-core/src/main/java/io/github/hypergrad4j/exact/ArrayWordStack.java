package io.github.hypergrad4j.exact;

import java.util.Arrays;

/**
 * A {@link WordStack} in a growable {@code int[]} held in memory.
 *
 * <p>State: the stored words {@code words[0, size)} and a count {@code borrowed} of zero words
 * popped from below the bottom. Pushing 0 while {@code size == 0} and {@code borrowed > 0} hands a
 * borrowed zero back instead of storing it. Why this keeps both laws of {@link WordStack}: the only
 * way to store a word while {@code borrowed > 0} is pushing a non-zero word onto an empty array (a
 * zero would be handed back), and {@code borrowed} cannot change while words are stored, so
 * whenever both are positive the bottom word is non-zero. Hence:
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

    private int[] words;
    private int size;
    private long borrowed;

    public ArrayWordStack() {
        this(1024);
    }

    /** A stack with room for {@code initialCapacity} words before it first grows. */
    public ArrayWordStack(int initialCapacity) {
        if (initialCapacity < 1) {
            throw new IllegalArgumentException("initial capacity must be positive, got " + initialCapacity);
        }
        words = new int[initialCapacity];
    }

    @Override
    public void push(int word) {
        if (size == 0 && borrowed > 0 && word == 0) {
            borrowed--;
            return;
        }
        if (size == words.length) {
            grow();
        }
        words[size++] = word;
    }

    @Override
    public int pop() {
        if (size > 0) {
            return words[--size];
        }
        borrowed++;
        return 0;
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
        size = 0;
        borrowed = 0;
    }

    /** Words held in memory. */
    public int storedWords() {
        return size;
    }

    /** Zero words currently popped from below the bottom. */
    public long borrowedWords() {
        return borrowed;
    }

    /** A copy of the stored words, bottom first; for tests. */
    int[] storedWordsCopy() {
        return Arrays.copyOf(words, size);
    }

    private void grow() {
        if (size == MAX_WORDS) {
            throw new IllegalStateException("the information buffer's word stack is full (" + size
                    + " words); train fewer steps or parameters, or use a larger beta");
        }
        words = Arrays.copyOf(words, (int) Math.min(MAX_WORDS, 2L * words.length));
    }

    @Override
    public String toString() {
        return "ArrayWordStack[stored=" + size + ", borrowed=" + borrowed + "]";
    }
}
