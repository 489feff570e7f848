package io.github.hypergrad4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.hypergrad4j.data.SplitSizes;
import io.github.hypergrad4j.experiments.TestData;
import io.github.hypergrad4j.report.ReportIndex;
import io.github.hypergrad4j.report.Results;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The report as a person sees it: after several runs and reruns into an output directory whose name, and
 * the names of run directories in it, hold spaces, '#', '%', '?', quotes, '&amp;', '&lt;' and non-ASCII
 * letters, {@code index.html} is opened in a real headless browser (Chromium, installed by {@code .ci/run})
 * and every figure must load and every link resolve. Skips with a printed reason without Chromium or data.
 */
class ReportInBrowserTest {
    private static final String ODD = " ü #%?&'\"<x>";

    @TempDir
    Path tmp;

    @Test
    void everyFigureLoadsAndEveryLinkResolvesInChromium() throws Exception {
        Optional<Path> chromium = chromium();
        Assumptions.assumeTrue(chromium.isPresent(), () -> {
            System.out.println("SKIPPED ReportInBrowserTest: no chromium on the PATH (Debian: apt-get install chromium)");
            return "no chromium";
        });
        TestData.availableOrSkip(new SplitSizes(0, 1_000, 500));
        Path out = tmp.resolve("report" + ODD);
        List<String> oneStep = List.of("fake-data", "--quick", "--quiet", "--meta-iterations", "1", "--out", out.toString());
        assertThat(run(oneStep)).isZero();
        assertThat(run(with(oneStep, "--overwrite", "--seed", "1"))).as("rerun replacing the first").isZero();
        // A copy of a run kept under a name full of URL- and HTML-special characters, then another run,
        // which rebuilds the index with both.
        copyTree(out.resolve("fake-data"), out.resolve("fake-data" + ODD));
        assertThat(run(List.of("ard", "--quick", "--quiet", "--meta-iterations", "1", "--out", out.toString()))).isZero();

        int figures = 0;
        try (Stream<Path> dirs = Files.list(out)) {
            for (Path d : dirs.filter(Files::isDirectory).toList()) {
                JsonNode r = Results.read(d.resolve(Results.FILE_NAME));
                figures += r.get("figures").size();
            }
        }
        assertThat(figures).as("figures in the three runs").isGreaterThanOrEqualTo(3);

        List<String> lines = browse(chromium.get(), out.resolve(ReportIndex.FILE_NAME));
        System.out.println("[browser] " + String.join("\n[browser] ", lines));
        assertThat(lines).as("the page script ran to its end").contains("DONE");
        assertThat(lines).as("nothing failed").noneMatch(l -> l.startsWith("FAIL"));
        assertThat(lines.stream().filter(l -> l.startsWith("OK img"))).as("every figure shown").hasSize(figures);
        assertThat(lines.stream().filter(l -> l.startsWith("OK link") && !l.startsWith("OK link #")))
                .as("a link to each figure and each results.json").hasSize(figures + 3);
        assertThat(lines.stream().filter(l -> l.startsWith("OK link #"))).as("a contents entry per run").hasSize(3);
    }

    /** Loads the report through the harness page and returns what its script found, one line per item. */
    private List<String> browse(Path chromium, Path index) throws IOException, InterruptedException {
        String harness;
        try (InputStream in = getClass().getResourceAsStream("/io/github/hypergrad4j/report/check-report.html")) {
            harness = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Path page = tmp.resolve("check.html");
        Files.writeString(page, harness.replace("REPORT_URL", index.toUri().toASCIIString()));
        Path profile = Files.createDirectories(tmp.resolve("chromium-profile"));
        List<String> cmd = List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--allow-file-access-from-files", "--virtual-time-budget=5000",
                "--dump-dom", page.toUri().toASCIIString());
        Process p = new ProcessBuilder(cmd).redirectError(tmp.resolve("chromium.log").toFile()).start();
        byte[] dom = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("chromium finished").isTrue();
        String text = new String(dom, StandardCharsets.UTF_8);
        int a = text.indexOf("<pre id=\"result\">"), b = text.indexOf("</pre>", Math.max(a, 0));
        assertThat(a).as("chromium's DOM dump:\n" + text + "\nlog:\n" + Files.readString(tmp.resolve("chromium.log")))
                .isGreaterThanOrEqualTo(0);
        String result = text.substring(a + "<pre id=\"result\">".length(), b).replace("&amp;", "&").replace("&lt;", "<")
                .replace("&gt;", ">").replace("&quot;", "\"");
        return List.of(result.split("\n"));
    }

    private static Optional<Path> chromium() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(java.io.File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser")) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    private static int run(List<String> args) {
        CommandLine cl = Main.commandLine();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(new StringWriter(), true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args.toArray(String[]::new));
        if (code != 0) {
            System.out.println(err);
        }
        return code;
    }

    private static List<String> with(List<String> base, String... more) {
        List<String> a = new ArrayList<>(base);
        a.addAll(List.of(more));
        return a;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName().toString()));
            }
        }
    }
}
