package io.github.hypergrad4j.tensor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Choosing the BLAS backend prints nothing by default (netlib's "Failed to load implementation"
 * warnings and the choice itself were on every run); the choice is there at debug level. Each case
 * runs in a fresh JVM, since netlib and the backend are loaded once per process.
 */
class BlasLoggingTest {
    /** The child JVM: picks the backend, multiplies once, and prints the result on standard output. */
    public static final class Probe {
        public static void main(String[] args) {
            if (args.length > 0 && args[0].equals("debug")) {
                java.util.logging.Logger l = java.util.logging.Logger.getLogger("io.github.hypergrad4j.tensor");
                java.util.logging.ConsoleHandler h = new java.util.logging.ConsoleHandler();
                h.setLevel(java.util.logging.Level.ALL);
                l.setLevel(java.util.logging.Level.ALL);
                l.addHandler(h);
            }
            Tensor a = Tensor.of(new double[] {1, 2, 3, 4}, 2, 2);
            System.out.println("product " + TensorOps.matmul(a, false, a, false).data()[0]);
        }
    }

    private static String[] run(String... args) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> cmd = new java.util.ArrayList<>(List.of(java.toString(), "-cp",
                System.getProperty("java.class.path"), Probe.class.getName()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).start();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread drain = new Thread(() -> copy(p.getErrorStream(), err));
        drain.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        drain.join();
        assertThat(p.exitValue()).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return new String[] {out, err.toString(StandardCharsets.UTF_8)};
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        try {
            in.transferTo(out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void choosingTheBackendPrintsNothingByDefault() throws Exception {
        String[] r = run();
        assertThat(r[0]).contains("product 7.0");
        assertThat(r[1]).as("standard error").isEmpty();
    }

    @Test
    void theChoiceIsLoggedOnceAtDebugLevel() throws Exception {
        String[] r = run("debug");
        assertThat(r[0]).contains("product 7.0");
        assertThat(r[1]).containsOnlyOnce("hypergrad4j BLAS backend: ").contains("FINE")
                .doesNotContain("WARNING");
    }
}
