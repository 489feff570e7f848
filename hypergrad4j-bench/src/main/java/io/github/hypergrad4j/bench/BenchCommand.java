package io.github.hypergrad4j.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hypergrad4j bench}: runs the benchmark suite (paper setting, memory scaling, buffer
 * efficiency, reverse-step breakdown, convnet), prints the tables and writes {@code bench.json} and {@code
 * bench.md}. Runs standalone through {@link #main} too. Start it with {@code OPENBLAS_NUM_THREADS=1}
 * so that hypergrad4j can split products over its own threads (the suite notes it otherwise).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Benchmarks hypergrad4j: the paper setting's speed against the machine's dgemm rate, memory "
                + "against the stored-trajectory approach, bits stored per step, where a reverse step's time goes, and a small "
                + "convnet's forward and hypergradient times.",
            "Writes bench.json and bench.md to the output directory. The full suite takes tens of minutes (the "
                + "T = 10,000 run at width 500); --quick runs toy sizes in seconds to check that it works."})
public final class BenchCommand implements Callable<Integer> {

    @Option(names = "--quick", description = "Toy sizes, seconds: checks that the suite runs (CI smoke test); "
            + "its timings mean nothing.")
    boolean quick;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "bench-results",
            description = "Directory for bench.json and bench.md (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--quiet", description = "Print neither progress nor the tables.")
    boolean quiet;

    @Option(names = "--memory-only", paramLabel = "OPTIMISER",
            description = "Only the memory-scaling table of one optimiser (sgd: section 2, adam: section 6's), at "
                    + "the suite's sizes; writes memory-OPTIMISER.json and memory-OPTIMISER.md.")
    String memoryOnly;

    @Option(names = "--memory-steps", paramLabel = "T", split = ",",
            description = "With --memory-only: these numbers of steps instead of the suite's (e.g. 100,10000; the "
                    + "reference is extrapolated from the largest T that fits its budget).")
    int[] memorySteps;

    @Override
    public Integer call() throws Exception {
        PrintStream console = System.out;
        Progress progress = quiet ? Progress.silent() : new Progress(System.err);
        BenchConfig config = quick ? BenchConfig.smoke() : BenchConfig.full();
        if (memorySteps != null && (memoryOnly == null || Arrays.stream(memorySteps).anyMatch(t -> t < 1))) {
            System.err.println("--memory-steps takes positive numbers of steps and needs --memory-only sgd|adam");
            return 2;
        }
        if (memoryOnly != null) {
            MemoryScalingRun run = MemoryScalingRun.run(config, memoryOnly, memorySteps, progress, reproduceCommand(),
                    out);
            if (!quiet) {
                console.println();
                console.print(ReportWriter.markdown(run));
                console.println("Wrote " + out.resolve(run.jsonName()) + " and " + out.resolve(run.markdownName()));
            }
            return 0;
        }
        BenchReport report = BenchSuite.run(config, progress, reproduceCommand());
        ReportWriter.write(report, out);
        if (!quiet) {
            console.println();
            console.print(ReportWriter.markdown(report));
            console.println("Wrote " + out.resolve(ReportWriter.JSON) + " and " + out.resolve(ReportWriter.MARKDOWN));
        }
        return 0;
    }

    private String reproduceCommand() {
        return "OPENBLAS_NUM_THREADS=1 hypergrad4j bench" + (quick ? " --quick" : "")
                + (memoryOnly != null ? " --memory-only " + memoryOnly : "")
                + (memorySteps != null ? " --memory-steps " + Arrays.stream(memorySteps).mapToObj(String::valueOf)
                        .collect(java.util.stream.Collectors.joining(",")) : "");
    }

    /** Runs the command standalone: {@code java -cp ... io.github.hypergrad4j.bench.BenchCommand [--quick]}. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchCommand()).execute(args));
    }

    /** Started now, truncated to seconds, ISO-8601 UTC. */
    static String now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
