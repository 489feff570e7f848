package io.github.hypergrad4j.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.hypergrad4j.tensor.Parallelism;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The same bits whatever the core count: a hypergradient large enough that products and parameters
 * are cut into pieces ({@link ThreadCountProbe#PROBLEM}) is computed with SGD with momentum, Adam,
 * AdamW and RMSprop with momentum in child JVMs on 1, 2 and 3 threads (the {@value
 * Parallelism#PROPERTY} property) and on a JVM that sees one core ({@code -XX:ActiveProcessorCount=1},
 * no property), and every number must be bit-identical. Every run's reverse pass recovered its
 * states exactly, or the child would have failed with a {@link ReversalException}.
 */
class ThreadCountIndependenceTest {

    @Test
    void theProbeIsLargeEnoughToBeCutIntoPieces() {
        assertThat(ParameterChunk.countFor(ThreadCountProbe.PROBLEM.model().layout().size())).isEqualTo(4);
    }

    @Test
    void oneTwoAndThreeThreadsGiveBitIdenticalHypergradientsWithEveryOptimizer() throws Exception {
        List<String> one = probe(List.of("-D" + Parallelism.PROPERTY + "=1"));
        List<String> two = probe(List.of("-D" + Parallelism.PROPERTY + "=2"));
        List<String> three = probe(List.of("-D" + Parallelism.PROPERTY + "=3"));
        List<String> oneCore = probe(List.of("-XX:ActiveProcessorCount=1"));
        assertThat(one.get(0)).startsWith("threads 1 ");
        assertThat(two.get(0)).startsWith("threads 2 ");
        assertThat(three.get(0)).startsWith("threads 3 ");
        assertThat(oneCore.get(0)).startsWith("threads 1 ");
        System.out.println("thread-count probe: " + one.size() + " numbers per run, " + two.get(0));
        int per = ThreadCountProbe.linesPerOptimizer();
        assertThat(one).hasSize(1 + ThreadCountProbe.OPTIMIZERS.size() * per);
        for (int k = 0; k < ThreadCountProbe.OPTIMIZERS.size(); k++) {
            String name = ThreadCountProbe.OPTIMIZERS.get(k).name();
            int from = 1 + k * per, to = from + per;
            assertThat(one.get(from)).isEqualTo("optimizer " + name);
            List<String> reference = one.subList(from, to);
            assertThat(two.subList(from, to)).as("%s: 2 threads against 1", name).containsExactlyElementsOf(reference);
            assertThat(three.subList(from, to)).as("%s: 3 threads against 1", name).containsExactlyElementsOf(reference);
            assertThat(oneCore.subList(from, to)).as("%s: a 1-core JVM against 1 thread", name)
                    .containsExactlyElementsOf(reference);
        }
    }

    /** The probe's output lines in a child JVM with these options and a single-threaded OpenBLAS. */
    private static List<String> probe(List<String> jvmOptions) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m"));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), ThreadCountProbe.class.getName()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("OPENBLAS_NUM_THREADS", "1");
        Process child = pb.start();
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(5, TimeUnit.MINUTES)).as("child finished").isTrue();
        assertThat(child.exitValue()).as("exit code of %s; output:%n%s", jvmOptions, out).isZero();
        return List.of(out.split("\n"));
    }
}
