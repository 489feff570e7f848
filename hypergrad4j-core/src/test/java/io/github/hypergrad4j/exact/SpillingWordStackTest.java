package io.github.hypergrad4j.exact;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spilling stack against the in-memory one on random operation sequences, with a tiny budget. */
class SpillingWordStackTest {

    @Test
    void behavesExactlyLikeTheArrayStackAcrossSpillsAndTheZeroFloor(@TempDir Path dir) {
        Random r = new Random(12);
        for (int trial = 0; trial < 20; trial++) {
            ArrayWordStack reference = new ArrayWordStack();
            try (SpillingWordStack spilling = new SpillingWordStack(16, dir)) { // the minimum: 1024 words
                for (int op = 0; op < 20_000; op++) {
                    // Phases that grow far beyond memory, shrink below the floor, and mix.
                    boolean push = r.nextInt(100) < (op % 8000 < 5000 ? 80 : 20);
                    if (push) {
                        int w = r.nextInt(4) == 0 ? 0 : r.nextInt();
                        reference.push(w);
                        spilling.push(w);
                    } else {
                        assertThat(spilling.pop()).isEqualTo(reference.pop());
                    }
                    assertThat(spilling.depth()).isEqualTo(reference.depth());
                }
                while (!reference.isEmpty() && reference.depth() > 0) {
                    assertThat(spilling.pop()).isEqualTo(reference.pop());
                }
            }
        }
    }

    @Test
    void informationBufferOnASpillingStackReversesExactlyAndRemovesItsFile(@TempDir Path dir) throws Exception {
        Random r = new Random(3);
        int n = 2000;
        long[] c = new long[n];
        for (int i = 0; i < n; i++) {
            c[i] = r.nextLong() >> 14;
        }
        long[] original = c.clone();
        SpillingWordStack stack = new SpillingWordStack(4096, dir);
        InformationBuffer buffer = new InformationBuffer(n, FixedPointFormat.DEFAULT, stack);
        List<RationalFactor> betas = new ArrayList<>();
        for (int t = 0; t < 300; t++) {
            RationalFactor beta = RationalFactor.of(0.5 + 0.49 * r.nextDouble());
            betas.add(beta);
            buffer.multiplyInPlace(c, 0, n, beta);
        }
        assertThat(stack.spilledWords()).as("the run must actually spill").isPositive();
        assertThat(stack.file()).isNotNull();
        if (stack.unlinked()) {
            try (var visible = Files.list(dir)) {
                assertThat(visible).as("the open spill file has no name a killed process could leak").isEmpty();
            }
        } else {
            assertThat(Files.exists(stack.file())).isTrue();
        }
        for (int t = betas.size() - 1; t >= 0; t--) {
            buffer.divideInPlace(c, 0, n, betas.get(t));
        }
        assertThat(c).containsExactly(original);
        assertThat(buffer.isAtInitialState()).isTrue();
        Path file = stack.file();
        stack.close();
        assertThat(Files.exists(file)).isFalse();
        try (var left = Files.list(dir)) {
            assertThat(left).isEmpty();
        }
    }
}
