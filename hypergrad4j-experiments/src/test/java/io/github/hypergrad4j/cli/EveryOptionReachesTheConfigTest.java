package io.github.hypergrad4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.hypergrad4j.experiments.ConfigException;
import io.github.hypergrad4j.experiments.Experiment;
import io.github.hypergrad4j.report.Results;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Every option an experiment command accepts reaches the run: for each experiment command and each of
 * its options, enumerated from picocli's model (so an option added later without being wired fails
 * here), some valid value changes the configuration that results.json records. The options every
 * experiment shares (seed, data, output, resume, guard, buffer, verbosity, help; and the meta experiments'
 * --seeds, which repeats the whole run) are recorded outside
 * the configuration and are left out. Nothing is run: the command is parsed and its experiment built.
 */
class EveryOptionReachesTheConfigTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Values to try, in order, by option type; the first that is valid and not the default counts. */
    private static final List<String> WHOLE = List.of("7", "3", "500", "2", "1000");
    private static final List<String> REAL = List.of("0.37", "0.5", "-3", "2");
    private static final List<String> LIST = List.of("1,2", "784,13,10");
    private static final Map<String, List<String>> WORDS = Map.of("--preset", List.of("log-1k", "log-fig1", "log-shared"),
            "--tasks", List.of("omniglot"), "--spark", List.of("local[1]"), "--output-activation", List.of("linear", "tanh"),
            "--meta-objective", List.of("cross-entropy", "with-l2"), "--meta-optimizer", List.of("adam-original", "sgd"),
            "--batch-order", List.of("consecutive"));

    @Test
    void everyOptionOfEveryExperimentChangesTheRecordedConfig() throws Exception {
        List<String> unwired = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<String, CommandLine> sub : Main.commandLine().getSubcommands().entrySet()) {
            if (!(sub.getValue().getCommand() instanceof ExperimentCommand)) {
                continue;
            }
            String command = sub.getKey();
            CommandSpec spec = sub.getValue().getCommandSpec();
            Set<String> shared = shared(spec);
            JsonNode preset = recordedConfig(command, List.of());
            for (OptionSpec option : spec.options()) {
                if (shared.contains(option.longestName())) {
                    continue;
                }
                checked++;
                List<String> tried = new ArrayList<>();
                boolean reached = false;
                for (String value : values(option)) {
                    List<String> args = value == null ? List.of(option.longestName())
                            : List.of(option.longestName(), value);
                    try {
                        if (!recordedConfig(command, args).equals(preset)) {
                            reached = true;
                            break;
                        }
                        tried.add(args + ": config unchanged");
                    } catch (CommandLine.ParameterException | ConfigException e) {
                        tried.add(args + ": " + e.getMessage());
                    }
                }
                if (!reached) {
                    unwired.add(command + " " + option.longestName() + " " + tried);
                }
            }
        }
        System.out.println(checked + " experiment options checked");
        assertThat(checked).isGreaterThan(40);
        assertThat(unwired).as("options accepted but not reaching the recorded config").isEmpty();
    }

    @Test
    void fakeDataHasNoTrainSizeItCouldNotHonour() {
        CommandSpec spec = Main.commandLine().getSubcommands().get("fake-data").getCommandSpec();
        assertThat(spec.findOption("--train-size")).isNull();
        assertThat(spec.findOption("--batch-size")).isNotNull();
    }

    /** The options of the mixins every experiment command has, and --help and --version. */
    private static Set<String> shared(CommandSpec spec) {
        Set<String> names = new HashSet<>(List.of("--help", "--version"));
        for (String mixin : List.of("options", "verbosity", "metaSeeds")) {
            if (spec.mixins().containsKey(mixin)) { // metaSeeds (--seeds): meta experiments only, recorded in data.seeds
                spec.mixins().get(mixin).options().forEach(o -> names.add(o.longestName()));
            }
        }
        return names;
    }

    private static List<String> values(OptionSpec option) {
        Class<?> type = option.type();
        if (option.arity().max() == 0) {
            return java.util.Collections.singletonList(null); // a flag
        }
        if (type.isArray()) {
            return LIST;
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return WHOLE;
        }
        if (type == Double.class || type == double.class) {
            return REAL;
        }
        return WORDS.getOrDefault(option.longestName(), List.of("x"));
    }

    /** The "config" of the results.json a quick run of {@code command args} would write. */
    private static JsonNode recordedConfig(String command, List<String> args) throws Exception {
        CommandLine cl = Main.commandLine();
        List<String> all = new ArrayList<>(List.of(command, "--quick"));
        all.addAll(args);
        cl.parseArgs(all.toArray(String[]::new));
        ExperimentCommand c = cl.getSubcommands().get(command).getCommand();
        Experiment experiment = c.experiment(c.options.quick());
        Results results = new Results(experiment.name(), experiment.title()).config(experiment.config());
        return JSON.readTree(results.toJson()).get("config");
    }
}
