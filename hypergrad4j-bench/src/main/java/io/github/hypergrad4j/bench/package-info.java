/**
 * Benchmarks: the paper's setting, memory scaling, buffer efficiency and kernel timings.
 *
 * <p>Stage in the data flow: beside it, not in it: it drives the core trainer on fixed problems and
 * measures time and memory, for the {@code bench} command and JMH.
 */
package io.github.hypergrad4j.bench;
