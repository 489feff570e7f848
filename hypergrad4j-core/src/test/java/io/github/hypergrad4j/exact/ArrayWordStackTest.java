package io.github.hypergrad4j.exact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;

class ArrayWordStackTest {

    @Test
    void popsBelowTheBottomReturnZerosAndPushingThemBackRestoresTheFloor() {
        ArrayWordStack stack = new ArrayWordStack(1);

        assertThat(stack.pop()).isZero();
        assertThat(stack.pop()).isZero();
        assertThat(stack.depth()).isEqualTo(-2);
        stack.push(0);
        stack.push(0);

        assertThat(stack.isEmpty()).isTrue();
    }

    @Test
    void aNonZeroWordPushedBelowTheBottomIsKeptUntilPoppedAgain() {
        ArrayWordStack stack = new ArrayWordStack(1);
        stack.pop();
        stack.pop();
        stack.push(7);
        stack.push(0);
        stack.push(9);

        assertThat(stack.depth()).isEqualTo(1);
        assertThat(stack.storedWords()).isEqualTo(3);
        assertThat(stack.borrowedWords()).isEqualTo(2);
        assertThat(stack.pop()).isEqualTo(9);
        assertThat(stack.pop()).isZero();
        assertThat(stack.pop()).isEqualTo(7);
        assertThat(stack.pop()).isZero(); // from the floor: a third borrowed word
        stack.push(0);
        stack.push(0);
        stack.push(0);
        assertThat(stack.isEmpty()).isTrue();
    }

    /** Across many blocks: LIFO order, and memory close to what is stored, growing and shrinking. */
    @Test
    void manyBlocksKeepOrderAndMemoryFollowsTheStoredWords() {
        ArrayWordStack stack = new ArrayWordStack(3);
        int n = 5_000_000;
        for (int i = 0; i < n; i++) {
            stack.push(i * 31 + 7);
        }
        assertThat(stack.storedWords()).isEqualTo(n);
        // Blocks double up to 2^20 words: at most one partly filled block beyond the stored words.
        assertThat(stack.capacityWords()).isLessThanOrEqualTo(n + (1L << 20));
        for (int k = 0; k < 1000; k++) { // churn: nothing may move or grow
            stack.push(stack.pop());
        }
        assertThat(stack.capacityWords()).isLessThanOrEqualTo(n + (1L << 20));
        assertThat(stack.pop()).isEqualTo((n - 1) * 31 + 7);
        for (int i = n - 2; i >= n / 2; i--) {
            assertThat(stack.pop()).isEqualTo(i * 31 + 7);
        }
        // Shrinking releases all but one spare block.
        assertThat(stack.capacityWords()).isLessThanOrEqualTo(n / 2 + 2L * (1 << 20));
        for (int i = n / 2 - 1; i >= 0; i--) {
            assertThat(stack.pop()).isEqualTo(i * 31 + 7);
        }
        assertThat(stack.isEmpty()).isTrue();
        assertThat(stack.pop()).isZero();
        stack.push(0);
        assertThat(stack.isEmpty()).isTrue();
    }

    /**
     * From whatever state a random sequence of pushes and pops leads to, undoing it in reverse
     * order (pop for each push, push back what each pop returned) must return the pushed words and
     * end in the initial state.
     */
    @Property(tries = 500)
    void everySequenceIsUndoneByItsMirror(@ForAll("operations") List<Integer> ops) {
        ArrayWordStack stack = new ArrayWordStack(2);
        Deque<int[]> done = new ArrayDeque<>(); // {kind, word}: kind 1 = push, 0 = pop

        for (int op : ops) {
            if (op == Integer.MIN_VALUE) {
                done.push(new int[] {0, stack.pop()});
            } else {
                stack.push(op);
                done.push(new int[] {1, op});
            }
        }
        while (!done.isEmpty()) {
            int[] step = done.pop();
            if (step[0] == 1) {
                assertThat(stack.pop()).isEqualTo(step[1]);
            } else {
                stack.push(step[1]);
            }
        }

        assertThat(stack.isEmpty()).isTrue();
        assertThat(stack.depth()).isZero();
    }

    /** Integer.MIN_VALUE stands for "pop"; zeros and small words are frequent to hit the floor logic. */
    @Provide
    Arbitrary<List<Integer>> operations() {
        Arbitrary<Integer> op = Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.just(Integer.MIN_VALUE)),
                Tuple.of(2, Arbitraries.just(0)),
                Tuple.of(3, Arbitraries.integers().filter(x -> x != Integer.MIN_VALUE)));
        return op.list().ofMaxSize(200);
    }
}
