package io.github.hypergrad4j.experiments.log;

import io.github.hypergrad4j.data.DatasetLocator;
import io.github.hypergrad4j.data.DatasetName;
import io.github.hypergrad4j.data.Examples;
import io.github.hypergrad4j.data.LabelledImages;
import io.github.hypergrad4j.data.Omniglot;
import io.github.hypergrad4j.data.TaskSuite;
import io.github.hypergrad4j.experiments.ConfigException;
import io.github.hypergrad4j.experiments.DataSource;
import io.github.hypergrad4j.experiments.ExperimentContext;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code weight-sharing} tasks as {@code --tasks} and {@code --data} choose them: which suite, its
 * five base tasks drawn from the run's seed and their rotated copies, recorded in the results and told
 * to the user.
 *
 * <p>Suites: {@code mnist-fashion} (digits 0-4 and 5-9 of MNIST, three groups of Fashion-MNIST classes:
 * {@link TaskSuite#defaults}), {@code fashion} (Fashion-MNIST alone in the same structure:
 * {@link TaskSuite#fashion}), {@code one-pool} (that structure on whatever {@code --data} chooses, named
 * by class numbers: {@link TaskSuite#onePool}), {@code omniglot} (five alphabets). {@code auto}, the
 * default, follows {@code --data}: {@code fashion-mnist} gives {@code fashion}, a directory gives
 * {@code one-pool} on it, {@code mnist} gives {@code mnist-fashion} (or {@code one-pool} on MNIST
 * without Fashion-MNIST), and {@code auto} gives
 * {@code mnist-fashion} when a local MNIST copy and Fashion-MNIST are both there, else {@code fashion}
 * when Fashion-MNIST is, else {@code one-pool} on what {@code auto} finds (a download of MNIST where
 * allowed).
 */
final class WeightSharingTasks {
    /** The {@code --tasks} values; {@code default}, the old name of {@code mnist-fashion}, is accepted too. */
    static final List<String> SUITES = List.of("auto", "mnist-fashion", "fashion", "one-pool", "omniglot");
    /** Characters used of each Omniglot alphabet (so every task has the default tasks' five outputs). */
    static final int OMNIGLOT_CHARACTERS = 5;

    private WeightSharingTasks() {}

    /** The tasks' examples as tensors, converted once, and the suite they came from. */
    record TaskExamples(String suite, List<String> names, Examples[] train, Examples[] validation, Examples[] test) {
        int count() {
            return names.size();
        }
    }

    /** {@code tasks} as a suite name: lower case, {@code default} read as {@code mnist-fashion}; refused if unknown. */
    static String normalise(String tasks) {
        String t = tasks.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        if (t.equals("default")) {
            t = "mnist-fashion";
        }
        if (!SUITES.contains(t)) {
            throw new ConfigException("tasks must be one of " + String.join(", ", SUITES) + " (auto: MNIST and"
                    + " Fashion-MNIST when both are here, else Fashion-MNIST alone), got '" + tasks + "'");
        }
        return t;
    }

    /** The suite {@code auto} stands for with this {@code --data}; other suites are returned as they are. */
    static String resolve(String suite, DataSource data) throws IOException {
        if (!suite.equals("auto")) {
            return suite;
        }
        if (data.isDirectory()) {
            return "one-pool";
        }
        boolean fashion = data.hasLocal(DatasetName.FASHION_MNIST);
        if (data.named().isPresent()) {
            return data.named().get() == DatasetName.FASHION_MNIST ? "fashion" : fashion ? "mnist-fashion" : "one-pool";
        }
        if (fashion && data.hasLocal(DatasetName.MNIST)) {
            return "mnist-fashion";
        }
        return fashion ? "fashion" : "one-pool";
    }

    /** The suite's tasks, drawn and converted, with what was used recorded in the results' dataset section. */
    static TaskExamples load(String tasks, TaskSuite.PerClass perClass, ExperimentContext context) throws IOException {
        String suite = resolve(tasks, context.dataSource());
        List<TaskSuite.Spec> specs;
        String name;
        try {
            switch (suite) {
                case "omniglot" -> {
                    Path dir = DatasetLocator.forUser().cacheRoot().resolve("omniglot");
                    Path zip = Omniglot.locate(Omniglot.Archive.BACKGROUND, dir, Omniglot.downloader());
                    List<Omniglot.Alphabet> alphabets = Omniglot.read(zip, Omniglot.SIDE);
                    specs = TaskSuite.omniglot(alphabets.subList(0, Math.min(5, alphabets.size())), OMNIGLOT_CHARACTERS);
                    name = "Omniglot";
                    context.results().dataset().put("source", zip.toString());
                }
                case "mnist-fashion" -> {
                    LabelledImages mnist = context.pool(DatasetName.MNIST);
                    LabelledImages fashion = context.pool(DatasetName.FASHION_MNIST);
                    specs = TaskSuite.defaults(mnist, fashion);
                    name = "MNIST and Fashion-MNIST tasks";
                }
                case "fashion" -> {
                    specs = TaskSuite.fashion(context.pool(DatasetName.FASHION_MNIST));
                    name = "Fashion-MNIST tasks";
                }
                default -> {
                    LabelledImages pool = context.pool();
                    specs = TaskSuite.onePool(pool);
                    name = "tasks from one pool: " + pool.description();
                }
            }
        } catch (IllegalArgumentException e) {
            throw new ConfigException("the " + suite + " tasks cannot be built from this data: " + e.getMessage()
                    + (suite.equals("omniglot") ? "" : "; these tasks need ten classes, labels 0..9"), e);
        }
        List<TaskSuite.Task> drawn;
        try {
            drawn = TaskSuite.withRotations(TaskSuite.draw(specs, perClass, context.seedFor("tasks")));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage() + "; ask for fewer examples per class", e);
        }
        List<String> names = new ArrayList<>();
        int n = drawn.size();
        Examples[] train = new Examples[n], valid = new Examples[n], test = new Examples[n];
        for (int i = 0; i < n; i++) {
            TaskSuite.Task t = drawn.get(i);
            names.add(t.name());
            train[i] = Examples.of(t.train());
            valid[i] = Examples.of(t.validation());
            test[i] = Examples.of(t.test());
        }
        context.results().dataset().put("name", name).put("suite", suite).put("suiteRequested", tasks)
                .put("requested", context.dataSpec()).put("tasks", String.join("; ", names))
                .put("trainPerTask", train[0].size()).put("validationPerTask", valid[0].size())
                .put("testPerTask", test[0].size());
        context.info(String.format(Locale.ROOT, "tasks: %s suite (%s%s); %d tasks, %d training, %d validation, %d test"
                + " examples each", suite, name, tasks.equals("auto") ? ", chosen by --tasks auto" : "", n,
                train[0].size(), valid[0].size(), test[0].size()));
        return new TaskExamples(suite, names, train, valid, test);
    }
}
