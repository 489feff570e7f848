package io.github.hypergrad4j.exact;

/**
 * The shared last-in-first-out store of 32-bit words behind an {@link InformationBuffer}: the
 * words that the per-parameter heads spill when they fill up, and take back when they run low.
 *
 * <p><b>Zero floor.</b> The stack stands on an endless floor of zero words: popping an empty stack
 * returns 0 and lowers the floor by one word ("borrows" it). This is needed because the forward
 * pass of training may ask for bits before any have been stored (a head running low while the
 * stack is empty). Implementations must keep the two laws that make every sequence of operations
 * undoable, from any state:
 *
 * <ul>
 *   <li>{@code push(w)} then {@code pop()} returns {@code w} and leaves the stack as it was;
 *   <li>{@code w = pop()} then {@code push(w)} leaves the stack as it was.
 * </ul>
 *
 * <p>So after popping below the bottom, the caller's exact inverse pushes those zeros back and the
 * floor rises to where it was. {@link #depth()} counts pushes minus pops and may be negative.
 * Not thread-safe; a later implementation may spill old words to disk.
 */
public interface WordStack {
    /**
     * Pushes one word on top.
     *
     * @param word any 32-bit value
     */
    void push(int word);

    /**
     * Removes and returns the top word, or 0 from the floor if no stored word is left.
     *
     * @return the top word, or 0
     */
    int pop();

    /**
     * Words pushed minus words popped since the stack was empty: its information in 32-bit words.
     *
     * @return the depth, negative after popping below the bottom
     */
    long depth();

    /**
     * Whether the stack is in its initial state: no stored words and no borrowed floor words.
     *
     * @return true when nothing is stored or borrowed
     */
    boolean isEmpty();

    /** Returns to the initial state. */
    void clear();
}
