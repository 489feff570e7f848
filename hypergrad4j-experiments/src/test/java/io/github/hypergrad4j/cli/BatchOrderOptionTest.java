package io.github.hypergrad4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.hypergrad4j.report.Results;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code lr-schedule --batch-order}: random by default, consecutive on request (the original experiments'
 * order), recorded in results.json. Runs on synthetic 28 x 28 IDX data, so it needs no dataset.
 */
class BatchOrderOptionTest {
    @TempDir
    static Path tmp;
    static Path data;

    @BeforeAll
    static void data() throws IOException {
        data = SyntheticIdx.write(tmp.resolve("data"), 3_000, 28);
    }

    private static int execute(List<String> args, StringWriter err) {
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(new StringWriter(), true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args.toArray(String[]::new));
    }

    private static JsonNode run(String... options) throws IOException {
        List<String> args = new ArrayList<>(List.of("lr-schedule", "--preset", "log-1k", "--meta-iterations", "1",
                "--steps", "3"));
        args.addAll(List.of(options));
        Path out = tmp.resolve("out-" + String.join("_", options).replaceAll("[^\\w]", ""));
        args.addAll(List.of("--quick", "--quiet", "--data", data.toString(), "--out", out.toString()));
        StringWriter err = new StringWriter();
        assertThat(execute(args, err)).as(args + "\n" + err).isZero();
        return Results.read(out.resolve("lr-schedule").resolve(Results.FILE_NAME));
    }

    @Test
    void theOrderIsRecordedAndChangesTheRun() throws IOException {
        JsonNode random = run();
        JsonNode consecutive = run("--batch-order", "consecutive");
        assertThat(random.at("/config/batchOrder").asText()).isEqualTo("random");
        assertThat(consecutive.at("/config/batchOrder").asText()).isEqualTo("consecutive");
        assertThat(run("--batch-order", "random").at("/data").toString()).as("the default's bits")
                .isEqualTo(random.at("/data").toString());
        assertThat(consecutive.at("/data").toString()).isNotEqualTo(random.at("/data").toString());
    }

    @Test
    void anUnknownOrderIsAConfigurationError() {
        StringWriter err = new StringWriter();
        int code = execute(List.of("lr-schedule", "--quick", "--quiet", "--batch-order", "shuffled", "--data",
                data.toString(), "--out", tmp.resolve("bad").toString()), err);
        assertThat(code).isNotZero();
        assertThat(err.toString()).contains("random or consecutive");
    }
}
