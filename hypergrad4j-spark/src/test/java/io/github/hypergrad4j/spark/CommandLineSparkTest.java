package io.github.hypergrad4j.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.hypergrad4j.cli.Main;
import io.github.hypergrad4j.data.DatasetLocator;
import io.github.hypergrad4j.data.DatasetName;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hypergrad4j lr-schedule --spark local[2]} as the launcher starts it (a JVM with Spark's jars,
 * the Java 17 flags from {@code target/spark-java-options.txt} and the launcher's logging setup)
 * writes the same numbers, bit for bit, as the run on the in-process thread pool. On Fashion-MNIST
 * from the system package (skipped with the reason printed when it is not installed), which the
 * child JVMs read themselves.
 */
class CommandLineSparkTest {
    private static final List<String> RUN = List.of("lr-schedule", "--quick", "--quiet", "--data", "fashion-mnist",
            "--train-size", "200", "--steps", "6", "--gradient-seeds", "4", "--meta-iterations", "2");

    @TempDir
    Path tmp;

    @Test
    void sparkLocalFromTheCommandLineWritesTheThreadPoolsNumbers() throws Exception {
        try {
            DatasetLocator.forUser().locate(DatasetName.FASHION_MNIST);
        } catch (IOException absent) {
            System.out.println("SKIPPED command line with --spark: Fashion-MNIST not installed ("
                    + absent.getMessage().lines().findFirst().orElse("") + ")");
            Assumptions.abort("Fashion-MNIST is not installed");
        }
        JsonNode pool = run("pool", List.of());
        JsonNode spark = run("spark", List.of("--spark", "local[2]"));
        assertThat(spark.at("/config/sparkMaster").asText()).isEqualTo("local[2]");
        assertThat(pool.at("/data/meta").size()).isPositive();
        ((ObjectNode) spark.get("config")).remove("sparkMaster");
        ((ObjectNode) pool.get("config")).remove("sparkMaster");
        for (String key : List.of("config", "dataset", "data", "summary", "events", "figures")) {
            assertThat(spark.get(key).toString()).as(key).isEqualTo(pool.get(key).toString());
        }
    }

    /** The results of {@link #RUN} plus {@code more} in a child JVM started as the launcher does with Spark. */
    private JsonNode run(String name, List<String> more) throws IOException, InterruptedException {
        Path target = Path.of(System.getProperty("hypergrad4j.test.buildDirectory", "target")).toAbsolutePath();
        Path options = target.resolve("spark-java-options.txt");
        assertThat(options).as("written by the build (process-resources)").isRegularFile();
        Path out = tmp.resolve(name);
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "@" + options, "-Dlog4j2.configurationFile=" + target.resolve("spark-log4j2.properties"),
                "-Djava.awt.headless=true", "-Xmx1g", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(RUN);
        cmd.addAll(more);
        cmd.addAll(List.of("--out", out.toString()));
        Path log = tmp.resolve(name + ".log");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("OPENBLAS_NUM_THREADS", "1");
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        Process child = pb.start();
        assertThat(child.waitFor(5, TimeUnit.MINUTES)).as("finished").isTrue();
        assertThat(child.exitValue()).as("exit code of the %s run; output:%n%s", name, Files.readString(log)).isZero();
        return new ObjectMapper().readTree(out.resolve("lr-schedule").resolve("results.json").toFile());
    }
}
