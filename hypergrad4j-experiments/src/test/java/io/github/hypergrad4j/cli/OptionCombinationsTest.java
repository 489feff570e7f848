package io.github.hypergrad4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Property: every combination of documented options either runs or is refused with a message, never
 * exit 1 ("unexpected error ... a bug"). For each experiment, a seeded loop draws combinations of its
 * options with ordinary and edge values (zero, negative, huge, NaN, odd step counts, images that are not
 * 28 x 28) on top of the quick size cut down to seconds, and runs them on synthetic IDX data (so the test
 * needs no dataset). Every combination and its exit code are printed for the record.
 */
class OptionCombinationsTest {
    /** Draws per experiment: enough to meet each option a few times over the runs of the suite, cheap enough. */
    private static final int DRAWS = 5;
    private static final long SEED = 16;

    private static final List<String> COUNT = List.of("0", "1", "2", "-1");
    private static final List<String> SIZE = List.of("0", "1", "-3", "60", "100000000");
    private static final List<String> REAL = List.of("0", "-1", "1e-3", "0.5", "40", "1e30", "NaN", "Infinity");
    private static final List<String> SCALE = List.of("0", "-2", "1e-4", "0.1", "1e200", "NaN");
    private static final List<String> ACTIVATION = List.of("linear", "tanh", "TANH", "sigmoid");

    @TempDir
    Path tmp;

    /** Options each experiment documents, with values to draw from. */
    private static Map<String, Map<String, List<String>>> options() {
        Map<String, Map<String, List<String>>> m = new LinkedHashMap<>();
        Map<String, List<String>> sweep = new LinkedHashMap<>();
        sweep.put("--iterations", List.of("1", "3", "0", "2,4"));
        sweep.put("--points", List.of("1", "2", "0"));
        sweep.put("--from", REAL);
        sweep.put("--to", REAL);
        sweep.put("--train-size", SIZE);
        sweep.put("--batch-size", SIZE);
        sweep.put("--output-activation", ACTIVATION);
        Map<String, List<String>> scale = new LinkedHashMap<>(sweep);
        scale.put("--zoom-points", List.of("1", "2", "0"));
        scale.put("--zoom-from", REAL);
        scale.put("--zoom-to", REAL);
        scale.put("--box-filter", List.of("0", "1", "2", "-1", "500"));
        m.put("scale-wiggliness", scale);
        Map<String, List<String>> lr = new LinkedHashMap<>(sweep);
        lr.put("--log-scale", REAL);
        m.put("lr-wiggliness", lr);
        Map<String, List<String>> meta = new LinkedHashMap<>();
        meta.put("--meta-iterations", COUNT);
        meta.put("--meta-step", REAL);
        Map<String, List<String>> sizes = new LinkedHashMap<>(meta);
        sizes.put("--validation-size", SIZE);
        sizes.put("--test-size", SIZE);
        Map<String, List<String>> classifier = new LinkedHashMap<>(sizes);
        classifier.put("--learning-rate", REAL);
        classifier.put("--batch-size", SIZE);
        classifier.put("--iterations", COUNT);
        classifier.put("--momentum", REAL);
        classifier.put("--log-scale", REAL);
        Map<String, List<String>> fake = new LinkedHashMap<>(classifier);
        fake.put("--preset", List.of("log-fig3", "log-fig1", "nope"));
        fake.put("--output-activation", ACTIVATION);
        m.put("fake-data", fake);
        Map<String, List<String>> withTrain = new LinkedHashMap<>(classifier);
        withTrain.put("--train-size", SIZE);
        m.put("ard", withTrain);
        Map<String, List<String>> augment = new LinkedHashMap<>(sizes);
        augment.put("--train-size", SIZE);
        m.put("augment", augment);
        Map<String, List<String>> flow = new LinkedHashMap<>(withTrain);
        flow.put("--sigma", SCALE);
        m.put("augment-flow", flow);
        Map<String, List<String>> schedule = new LinkedHashMap<>(meta);
        schedule.put("--preset", List.of("full", "paper", "log-1k", "log-3k", "log-epochs", "log-epochs", "nope"));
        schedule.put("--output-activation", ACTIVATION);
        schedule.put("--steps", List.of("1", "3", "5", "7", "0"));
        schedule.put("--batch-size", SIZE);
        schedule.put("--train-size", SIZE);
        m.put("lr-schedule", schedule);
        Map<String, List<String>> scales = new LinkedHashMap<>(meta);
        scales.put("--start-scale", SCALE);
        m.put("init-scales", scales);
        Map<String, List<String>> dist = new LinkedHashMap<>(meta);
        dist.put("--layers", List.of("784,10", "784,5", "784,8,10", "256,10", "10", "784,0,10"));
        dist.put("--bins", List.of("1", "2", "3", "0"));
        dist.put("--preset", List.of("log-one-layer", "log-shared", "log-per-layer", "nope"));
        dist.put("--shared", null);
        dist.put("--output-activation", ACTIVATION);
        m.put("init-dist", dist);
        Map<String, List<String>> sharing = new LinkedHashMap<>(meta);
        sharing.put("--learning-rate", REAL);
        // auto and one-pool follow --data (the synthetic directory); the other suites would read real data.
        sharing.put("--tasks", List.of("auto", "one-pool", "auto", "nope"));
        sharing.put("--train-per-class", COUNT);
        sharing.put("--validation-per-class", List.of("1", "0", "100000000"));
        sharing.put("--test-per-class", COUNT);
        sharing.put("--hidden", COUNT);
        sharing.put("--iterations", COUNT);
        sharing.put("--penalty", REAL);
        m.put("weight-sharing", sharing);
        return m;
    }

    /** Every experiment at quick size, cut to seconds: one meta-iteration, a two-point sweep of few steps. */
    private static List<String> base(String experiment) {
        return switch (experiment) {
            case "scale-wiggliness" -> List.of("--quick", "--points", "2", "--iterations", "3", "--no-zoom");
            case "lr-wiggliness" -> List.of("--quick", "--points", "2", "--iterations", "3");
            case "lr-schedule" -> List.of("--quick", "--meta-iterations", "1", "--steps", "4");
            default -> List.of("--quick", "--meta-iterations", "1");
        };
    }

    @Test
    void noCombinationOfDocumentedOptionsEndsInExit1() throws IOException {
        Path data28 = SyntheticIdx.write(tmp.resolve("data-28"), 3_000, 28);
        Path data16 = SyntheticIdx.write(tmp.resolve("data-16"), 3_000, 16);
        SplittableRandom random = new SplittableRandom(SEED);
        List<String> record = new ArrayList<>();
        List<String> bugs = new ArrayList<>();
        int n = 0;
        for (Map.Entry<String, Map<String, List<String>>> e : options().entrySet()) {
            List<String> names = new ArrayList<>(e.getValue().keySet());
            for (int d = 0; d < DRAWS; d++) {
                Map<String, String> drawn = new LinkedHashMap<>();
                for (String b : pairs(base(e.getKey()))) {
                    drawn.put(b.split(" ", 2)[0], b.contains(" ") ? b.split(" ", 2)[1] : null);
                }
                int k = 1 + random.nextInt(3);
                for (int i = 0; i < k; i++) {
                    String name = names.get(random.nextInt(names.size()));
                    List<String> values = e.getValue().get(name);
                    drawn.put(name, values == null ? null : values.get(random.nextInt(values.size()))); // null: a flag
                }
                List<String> args = new ArrayList<>(List.of(e.getKey()));
                drawn.forEach((name, value) -> {
                    args.add(name);
                    if (value != null) {
                        args.add(value);
                    }
                });
                args.addAll(List.of("--data", (random.nextInt(4) == 0 ? data16 : data28).toString(), "--quiet", "--out",
                        tmp.resolve("out-" + n++).toString()));
                if (random.nextInt(4) == 0) {
                    args.addAll(List.of("--on-explosion", List.of("shrink", "stop", "record", "off").get(random.nextInt(4))));
                }
                StringWriter err = new StringWriter();
                CommandLine cl = Main.commandLine();
                cl.setOut(new PrintWriter(new StringWriter(), true));
                cl.setErr(new PrintWriter(err, true));
                int code = cl.execute(args.toArray(String[]::new));
                String line = "exit " + code + ": " + String.join(" ", args.subList(0, args.indexOf("--data")))
                        + (code == 0 ? "" : " -> " + err.toString().strip().split("\n")[0]);
                record.add(line);
                if (code == ExitCode.ERROR.code() || err.toString().contains("This is a bug")) {
                    bugs.add(line + "\n" + err);
                }
            }
        }
        record.forEach(l -> System.out.println("[options] " + l));
        assertThat(bugs).as("combinations that ended as an unexpected error").isEmpty();
    }

    /** "--a 1", "--flag" from an argument list of options with or without a value. */
    private static List<String> pairs(List<String> args) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
                out.add(args.get(i) + " " + args.get(++i));
            } else {
                out.add(args.get(i));
            }
        }
        return out;
    }
}
