package io.github.hypergrad4j.spark;

import io.github.hypergrad4j.data.DatasetSpec;
import io.github.hypergrad4j.data.SplitSizes;
import io.github.hypergrad4j.hyper.Parameterisation;
import io.github.hypergrad4j.meta.Adam;
import io.github.hypergrad4j.meta.HypergradientProblem;
import io.github.hypergrad4j.meta.MetaOptimizer;
import io.github.hypergrad4j.meta.ScheduleProblem;
import io.github.hypergrad4j.meta.SeedEvaluator;
import io.github.hypergrad4j.meta.SeedResult;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A {@code spark-submit} driver: meta-optimises the learning-rate and momentum schedules and initial
 * scales of an MLP ({@link ScheduleProblem}) with Adam on the driver, each meta-iteration averaging
 * the hypergradient over seeds evaluated as Spark tasks. The data are read by the executors from
 * {@code --data}, which must name a directory (or installed dataset) every executor can see.
 */
public final class SparkScheduleMain {
    static final String USAGE = String.join("\n",
            "Usage: spark-submit --master URL --class " + SparkScheduleMain.class.getName() + " hypergrad4j-spark-<version>-cluster.jar [options]",
            "  --data SOURCE          IDX directory every executor can read, or mnist / fashion-mnist / synthetic (default fashion-mnist)",
            "  --train N              training examples (default 1000)",
            "  --split-seed N         seed of the training subset (default 0)",
            "  --hidden N[,N...]      hidden layer widths (default 50,50)",
            "  --steps T              inner training steps (default 100)",
            "  --batch B              minibatch size (default 100)",
            "  --seeds S              seeds averaged per meta-iteration (default 10)",
            "  --meta-iterations M    Adam steps on the hyperparameters (default 20)",
            "  --meta-step S          Adam step size (default 0.04)",
            "  --alpha A --beta B     starting learning rate and momentum (default 0.1, 0.9)",
            "  --scale S              starting initial-weight scale of every group (default 0.05)",
            "  --out FILE             where to write the learned schedule as CSV (default schedule.csv)",
            "  --master URL           Spark master when not started by spark-submit (e.g. local[2])");

    /** What one meta-iteration reports. */
    @FunctionalInterface
    interface Progress {
        void metaIteration(int iteration, SeedResult mean, double seconds);
    }

    /** The run the command line describes, checked before Spark starts. */
    record Settings(String master, DatasetSpec data, ScheduleProblem problem, double alpha, double beta, double scale, int seeds,
            int metaIterations, double metaStep, Path out) {

        static Settings parse(String... args) {
            Map<String, String> o = options(args);
            int train = integer(o, "train", 1000);
            int[] hidden;
            try {
                hidden = Arrays.stream(o.getOrDefault("hidden", "50,50").split(",")).mapToInt(s -> Integer.parseInt(s.trim())).toArray();
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--hidden needs widths such as 50,50, got " + o.get("hidden"));
            }
            int[] layers = new int[hidden.length + 2];
            layers[0] = 784;
            System.arraycopy(hidden, 0, layers, 1, hidden.length);
            layers[layers.length - 1] = 10;
            DatasetSpec data = new DatasetSpec(o.getOrDefault("data", "fashion-mnist"), new SplitSizes(train, 0, 0),
                    integer(o, "split-seed", 0));
            ScheduleProblem problem = new ScheduleProblem(layers, integer(o, "steps", 100), integer(o, "batch", 100), data);
            Settings s = new Settings(o.get("master"), data, problem, number(o, "alpha", 0.1), number(o, "beta", 0.9),
                    number(o, "scale", 0.05), integer(o, "seeds", 10), integer(o, "meta-iterations", 20),
                    number(o, "meta-step", 0.04), Path.of(o.getOrDefault("out", "schedule.csv")));
            if (s.seeds < 1 || s.metaIterations < 0) {
                throw new IllegalArgumentException("need --seeds >= 1 and --meta-iterations >= 0");
            }
            return s;
        }

        double[] start() {
            double[] scales = new double[problem.groups()];
            Arrays.fill(scales, scale);
            return problem.initial(alpha, beta, scales).values().clone();
        }

        long[] seedList() {
            long[] list = new long[seeds];
            for (int i = 0; i < seeds; i++) {
                list[i] = i;
            }
            return list;
        }
    }

    private SparkScheduleMain() {}

    /**
     * Runs the driver; {@code --help} lists the options. Prints one line per meta-iteration and writes the
     * learned schedule as CSV ({@code --out}).
     *
     * @param args the options, e.g. {@code --data /shared/mnist --seeds 100 --meta-iterations 50}
     */
    public static void main(String[] args) {
        if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
            System.out.println(USAGE);
            return;
        }
        Settings settings;
        try {
            settings = Settings.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        SparkSeedEvaluator evaluator;
        try {
            evaluator = SparkSeedEvaluator.start(settings.master());
        } catch (IllegalArgumentException noMaster) {
            System.err.println(noMaster.getMessage());
            System.exit(2);
            return;
        }
        try (evaluator) {
            run(settings, evaluator, System.out);
        }
    }

    /** Runs the meta-optimisation on {@code evaluator}, writes the schedule, and returns the final hyperparameters. */
    static double[] run(Settings s, SeedEvaluator evaluator, PrintStream out) {
        ScheduleProblem problem = s.problem();
        double[] x = s.start();
        out.printf("schedule problem: layers %s, %d steps, %d examples of %s; %d hyperparameters, %d seeds per meta-iteration%n",
                Arrays.toString(problem.model().sizes()), problem.steps(), s.data().sizes().train(),
                s.data().source(), problem.size(), s.seeds());
        optimise(evaluator, problem, x, s.seedList(), s.metaIterations(), new Adam(s.metaStep()),
                (i, mean, seconds) -> out.printf("meta-iteration %d: mean objective %.6f (%.2f s)%n", i, mean.objective(), seconds));
        writeSchedule(problem, x, s.out());
        out.println("learned schedule written to " + s.out().toAbsolutePath());
        return x;
    }

    /**
     * Meta-optimisation on the driver: {@code iterations} times, the mean hypergradient over {@code
     * seeds} from {@code evaluator}, then one step of {@code optimizer} on {@code x} (updated in place).
     */
    static void optimise(SeedEvaluator evaluator, HypergradientProblem problem, double[] x, long[] seeds, int iterations,
            MetaOptimizer optimizer, Progress progress) {
        for (int i = 0; i < iterations; i++) {
            long start = System.nanoTime();
            SeedResult mean = evaluator.mean(problem, x, seeds, i);
            optimizer.stepInPlace(x, mean.gradient());
            progress.metaIteration(i, mean, (System.nanoTime() - start) / 1e9);
        }
    }

    /** The schedule as CSV rows {@code hyperparameter,step,group,value}; scales have no step. */
    static void writeSchedule(ScheduleProblem problem, double[] x, Path file) {
        int g = problem.groups(), tg = problem.steps() * g;
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            w.write("hyperparameter,step,group,value\n");
            for (int t = 0; t < problem.steps(); t++) {
                for (int k = 0; k < g; k++) {
                    w.write("learning_rate," + t + "," + k + "," + Parameterisation.LOG.value(x[t * g + k]) + "\n");
                    w.write("momentum," + t + "," + k + "," + Parameterisation.LOGIT.value(x[tg + t * g + k]) + "\n");
                }
            }
            for (int k = 0; k < g; k++) {
                w.write("initial_scale,," + k + "," + Parameterisation.LOG.value(x[2 * tg + k]) + "\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 == args.length) {
                throw new IllegalArgumentException("expected --option VALUE, got " + args[i]);
            }
            String name = args[i].substring(2);
            if (!USAGE.contains("--" + name + " ")) {
                throw new IllegalArgumentException("unknown option " + args[i]);
            }
            o.put(name, args[++i]);
        }
        return o;
    }

    private static int integer(Map<String, String> o, String name, int fallback) {
        String v = o.get(name);
        try {
            return v == null ? fallback : Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " needs a whole number, got " + v);
        }
    }

    private static double number(Map<String, String> o, String name, double fallback) {
        String v = o.get(name);
        try {
            return v == null ? fallback : Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " needs a number, got " + v);
        }
    }
}
