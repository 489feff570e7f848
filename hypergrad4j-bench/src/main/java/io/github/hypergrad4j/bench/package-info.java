/** Benchmarks: the paper's setting, memory scaling, buffer efficiency and kernel timings. */
package io.github.hypergrad4j.bench;
