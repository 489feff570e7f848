package io.github.hypergrad4j.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code bench --quick} runs every section end to end (child JVMs included) and writes well-formed
 * reports. It checks that the suite works, never how fast anything is.
 */
class BenchCommandSmokeTest {

    @Test
    void quickRunWritesWellFormedJsonAndMarkdown(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("results");
        int exit = new CommandLine(new BenchCommand()).execute("--quick", "--quiet", "--out", out.toString());
        assertThat(exit).isZero();

        JsonNode json = new ObjectMapper().readTree(out.resolve("bench.json").toFile());
        assertThat(json.get("schema").asText()).isEqualTo(BenchReport.SCHEMA);
        assertThat(json.get("quick").asBoolean()).isTrue();
        assertThat(json.get("machine").get("cores").asInt()).isPositive();

        JsonNode paper = json.get("paperSetting");
        assertThat(paper.get("hypergradient").get("bestSeconds").asDouble()).isPositive();
        assertThat(paper.get("dgemm").get("singleThreadGflops").asDouble()).isPositive();
        assertThat(paper.get("objective").isNumber()).isTrue();

        BenchConfig quick = BenchConfig.smoke();
        JsonNode memory = json.get("memoryScaling").get("rows");
        assertThat(memory).hasSize(quick.memorySteps().length);
        for (JsonNode row : memory) {
            assertThat(row.get("exact").get("peakBytes").asLong()).isPositive();
            assertThat(row.get("referencePeakBytes").asDouble()).isPositive();
        }
        // The smoke configuration's budget makes the last reference extrapolated and the first measured.
        assertThat(memory.get(0).get("referenceExtrapolated").asBoolean()).isFalse();
        assertThat(memory.get(memory.size() - 1).get("referenceExtrapolated").asBoolean()).isTrue();

        JsonNode buffer = json.get("bufferEfficiency").get("rows");
        assertThat(buffer).hasSize(quick.betas().length);
        for (JsonNode row : buffer) {
            assertThat(row.get("bitsPerParameterStep").asDouble()).isPositive();
        }
        assertThat(json.get("reverseStep").get("rows")).isNotEmpty();
        JsonNode convnet = json.get("convnet");
        assertThat(convnet.get("parameters").asInt()).isEqualTo(14_682);
        assertThat(convnet.get("hypergradient").get("bestSeconds").asDouble()).isPositive();
        assertThat(convnet.get("ratio").asDouble()).isPositive();
        JsonNode adam = json.get("adam");
        assertThat(adam.get("hypergradient").get("bestSeconds").asDouble()).isPositive();
        assertThat(adam.get("bitsPerParameterStep").asDouble()).isPositive();
        assertThat(adam.get("memory").get("rows")).hasSize(quick.adamMemorySteps().length);
        assertThat(adam.get("memory").get("optimizer").asText()).isEqualTo("adam");
        assertThat(json.get("targets")).hasSize(7);

        String md = Files.readString(out.resolve("bench.md"));
        assertThat(md).contains("# hypergrad4j benchmark", "## 1. Paper setting", "## 2. Memory scaling",
                "## 3. Buffer efficiency", "## 4. Where the time of a reverse step goes", "## 5. Convnet",
                "## 6. Exactly reversible Adam", "## Targets");
        // Every table row has as many cells as its header.
        String[] lines = md.split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith("|---")) {
                int columns = cells(lines[i - 1]);
                for (int j = i + 1; j < lines.length && lines[j].startsWith("|"); j++) {
                    assertThat(cells(lines[j])).as("cells in %s", lines[j]).isEqualTo(columns);
                }
            }
        }
        try (var files = Files.list(out)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("bench.json", "bench.md");
        }
    }

    @Test
    void memoryOnlyRunsOneOptimisersTableAlone(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("results");
        int exit = new CommandLine(new BenchCommand()).execute("--quick", "--quiet", "--memory-only", "adam", "--out",
                out.toString());
        assertThat(exit).isZero();

        JsonNode json = new ObjectMapper().readTree(out.resolve("memory-adam.json").toFile());
        assertThat(json.get("schema").asText()).isEqualTo(MemoryScalingRun.SCHEMA);
        assertThat(json.get("complete").asBoolean()).isTrue();
        assertThat(json.get("reproduce").asText()).endsWith("--quick --memory-only adam");
        JsonNode memory = json.get("memory");
        assertThat(memory.get("optimizer").asText()).isEqualTo("adam");
        assertThat(memory.get("rows")).hasSize(BenchConfig.smoke().adamMemorySteps().length);
        for (JsonNode row : memory.get("rows")) {
            assertThat(row.get("exact").get("peakBytes").asLong()).isPositive();
            assertThat(row.get("referencePeakBytes").asDouble()).isPositive();
        }
        String md = Files.readString(out.resolve("memory-adam.md"));
        assertThat(md).contains("memory scaling, Adam", "(w_t, m_t, s_t)", "| T | exact: peak heap").doesNotContain("Partial");
        try (var files = Files.list(out)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("memory-adam.json",
                    "memory-adam.md");
        }
        assertThat(new CommandLine(new BenchCommand()).execute("--quick", "--quiet", "--memory-only", "rmsprop", "--out",
                out.toString())).isNotZero();
    }

    @Test
    void memoryStepsReplaceTheSuitesTValues(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("results");
        int exit = new CommandLine(new BenchCommand()).execute("--quick", "--quiet", "--memory-only", "sgd",
                "--memory-steps", "3,7", "--out", out.toString());
        assertThat(exit).isZero();
        JsonNode json = new ObjectMapper().readTree(out.resolve("memory-sgd.json").toFile());
        assertThat(json.get("reproduce").asText()).endsWith("--memory-only sgd --memory-steps 3,7");
        JsonNode rows = json.get("memory").get("rows");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("steps").asInt()).isEqualTo(3);
        assertThat(rows.get(1).get("steps").asInt()).isEqualTo(7);

        assertThat(new CommandLine(new BenchCommand()).execute("--quick", "--quiet", "--memory-steps", "3", "--out",
                out.toString())).as("without --memory-only").isEqualTo(2);
        assertThat(new CommandLine(new BenchCommand()).execute("--quick", "--quiet", "--memory-only", "sgd",
                "--memory-steps", "0", "--out", out.toString())).as("zero steps").isEqualTo(2);
    }

    @Test
    void aMemoryRunWrittenOnTheWaySaysWhichTValuesItLacks(@TempDir Path dir) throws Exception {
        MemoryScalingSection.Result oneRow = new MemoryScalingSection.Result("adam", new int[] {784, 50, 50, 50, 10}, 44_860,
                1_000, "384m", 24L << 20, 1e6, java.util.List.of(new MemoryScalingSection.Row(10, null, null, null, 2e7, 1.9e7,
                        true, "exact run failed: test")));
        MemoryScalingRun partial = new MemoryScalingRun(MemoryScalingRun.SCHEMA, "2026-01-01T00:00:00Z", true,
                Machine.describe(), 0, 0, 1, "x", new int[] {10, 30}, false, oneRow);
        partial.write(dir);
        String md = Files.readString(dir.resolve("memory-adam.md"));
        assertThat(md).contains("**Partial**: 1 of the 2 T values ([10, 30]) measured so far", "| 10 | failed |");
        assertThat(new ObjectMapper().readTree(dir.resolve("memory-adam.json").toFile()).get("complete").asBoolean()).isFalse();
    }

    private static int cells(String row) {
        return row.split("\\|", -1).length - 2;
    }
}
