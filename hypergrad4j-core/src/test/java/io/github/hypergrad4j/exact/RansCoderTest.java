package io.github.hypergrad4j.exact;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class RansCoderTest {
    private static final long LOW = 1L << 31;

    @Property
    void popUndoesPushForBaseNDigits(@ForAll @LongRange(min = 1L << 31, max = Long.MAX_VALUE) long head,
            @ForAll @IntRange(min = 1, max = 65535) int n, @ForAll @IntRange(min = 0, max = 65534) int digit) {
        UniformFrequencies table = new UniformFrequencies(n);
        int s = digit % n;
        ArrayWordStack stack = new ArrayWordStack(1);

        long pushed = RansCoder.push(head, s, table, stack);

        assertThat(pushed).isGreaterThanOrEqualTo(LOW); // positive: below 2^63
        assertThat(RansCoder.peek(pushed, table)).isEqualTo(s);
        assertThat(RansCoder.pop(pushed, s, table, stack)).isEqualTo(head);
        assertThat(stack.isEmpty()).isTrue();
    }

    @Property
    void pushUndoesPopForBaseNDigits(@ForAll @LongRange(min = 1L << 31, max = Long.MAX_VALUE) long head,
            @ForAll @IntRange(min = 1, max = 65535) int n, @ForAll int word) {
        UniformFrequencies table = new UniformFrequencies(n);
        ArrayWordStack stack = new ArrayWordStack(1);
        stack.push(word);

        int s = RansCoder.peek(head, table);
        long popped = RansCoder.pop(head, s, table, stack);

        assertThat(popped).isGreaterThanOrEqualTo(LOW);
        assertThat(RansCoder.push(popped, s, table, stack)).isEqualTo(head);
        assertThat(stack.pop()).isEqualTo(word);
        assertThat(stack.isEmpty()).isTrue();
    }

    @Property
    void uniformSixteenBitDigitsRoundTripBothWays(@ForAll @LongRange(min = 1L << 31, max = Long.MAX_VALUE) long head,
            @ForAll @IntRange(min = 0, max = 65535) int digit, @ForAll int word) {
        ArrayWordStack stack = new ArrayWordStack(1);

        long pushed = RansCoder.pushUniform(head, digit, stack);
        assertThat(pushed).isGreaterThanOrEqualTo(LOW);
        assertThat(RansCoder.peekUniform(pushed)).isEqualTo(digit);
        assertThat(RansCoder.popUniform(pushed, stack)).isEqualTo(head);
        assertThat(stack.isEmpty()).isTrue();

        stack.push(word);
        long top = RansCoder.peekUniform(head);
        long popped = RansCoder.popUniform(head, stack);
        assertThat(popped).isGreaterThanOrEqualTo(LOW);
        assertThat(RansCoder.pushUniform(popped, top, stack)).isEqualTo(head);
        assertThat(stack.pop()).isEqualTo(word);
    }
}
