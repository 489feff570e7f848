package io.github.hypergrad4j.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FlopCountTest {

    @Test
    void paperSettingCountsByHand() {
        int[] sizes = {784, 50, 50, 50, 10};
        // Units of 2 * 200 * fan-in * fan-out: layer 1 is 39,200 weights, the others 2,500 + 2,500 + 500.
        double unit = 2.0 * 200;
        assertThat(FlopCount.gradient(sizes, 200)).isEqualTo(unit * (2 * 39_200 + 3 * 5_500));
        assertThat(FlopCount.dualGradient(sizes, 200)).isEqualTo(unit * (4 * 39_200 + 9 * 5_500));
        double hyper = 100 * unit * (6 * 39_200 + 12 * 5_500) + 2.0 * 10_000 * (2 * 39_200 + 3 * 5_500);
        assertThat(FlopCount.hypergradient(sizes, 200, 100, 10_000)).isEqualTo(hyper);
        assertThat(FlopCount.forwardTraining(sizes, 200, 100)).isEqualTo(100 * FlopCount.gradient(sizes, 200));
    }

    @Test
    void heapSizesParse() {
        assertThat(MemoryScalingSection.parseBytes("1536m")).isEqualTo(1536L << 20);
        assertThat(MemoryScalingSection.parseBytes("2g")).isEqualTo(2L << 30);
        assertThat(MemoryScalingSection.parseBytes("4096")).isEqualTo(4096);
    }
}
