package io.github.hypergrad4j.cli;

import io.github.hypergrad4j.experiments.RunOptions;
import io.github.hypergrad4j.meta.ExplosionGuard;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * Options every experiment takes: size, seed, data and output directory; what to do with an earlier
 * run's directory; the exploding-hypergradient guard; the information buffer's memory.
 */
public final class ExperimentOptions {
    @Option(names = "--quick", description = "A small version that finishes in seconds (demo and test size).")
    boolean quick;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0",
            description = "Seed of every random choice (data split, noise, batches); default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--data", paramLabel = "NAME|DIR", defaultValue = "auto",
            description = "auto, mnist, fashion-mnist, or a directory of IDX files; default: ${DEFAULT-VALUE}"
                    + " (MNIST if a local copy is large enough, else Fashion-MNIST, else download MNIST).")
    String data;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "out",
            description = "Report directory: the run writes DIR/<experiment>/ and updates DIR/index.html;"
                    + " default: ${DEFAULT-VALUE}.")
    Path out;

    @Option(names = "--resume", description = "Continue the interrupted run in DIR/<experiment>/ from its"
            + " checkpoint (same options as before); the result is the same as an uninterrupted run's.")
    boolean resume;

    @Option(names = "--overwrite", description = "Run even though DIR/<experiment>/ holds an earlier run, replacing it.")
    boolean overwrite;

    @Option(names = "--explosion-factor", paramLabel = "F", defaultValue = "10",
            description = "Meta-optimisation: a hypergradient norm over F times the median of the earlier ones, while"
                    + " the meta-objective did not improve, counts as exploding (the inner training has become chaotic;"
                    + " a norm growing while the objective falls is the loss leaving a plateau); default: ${DEFAULT-VALUE}.")
    double explosionFactor;

    @Option(names = "--on-explosion", paramLabel = "shrink|stop|record|off", defaultValue = "shrink",
            converter = OnExplosionConverter.class,
            description = "Then: retake the last good update with half the meta step (shrink), stop at the last good"
                    + " hyperparameters (stop), keep the update and list the event (record), or ignore it (off);"
                    + " default: ${DEFAULT-VALUE} (lr-schedule's log presets: record).")
    ExplosionGuard.Action onExplosion;

    @Option(names = "--buffer-memory", paramLabel = "SIZE", converter = ByteSizeConverter.class,
            description = "Keep at most SIZE (e.g. 512m, 4g) of the information buffer in memory and spill the rest to"
                    + " a temporary file, read back in the reverse pass; default: no limit.")
    Long bufferMemory;

    @Option(names = "--buffer-dir", paramLabel = "DIR", description = "Where --buffer-memory spills; default: the"
            + " system's temporary directory.")
    Path bufferDirectory;

    @Option(names = "--meta-iteration-delay", paramLabel = "MS", hidden = true, defaultValue = "0",
            description = "Sleep MS milliseconds at the start of every meta-iteration (for tests that interrupt a run).")
    long delayMillis;

    /** Resume, guard and buffer settings as the runner takes them. */
    public RunOptions runOptions() {
        return RunOptions.defaults().withResume(resume, overwrite).withExplosionGuard(explosionFactor, onExplosion)
                .withBufferMemory(bufferMemory == null ? 0 : bufferMemory, bufferDirectory).withPause(delayMillis);
    }

    /** shrink, stop, record or off (null: no guard). */
    static final class OnExplosionConverter implements ITypeConverter<ExplosionGuard.Action> {
        @Override
        public ExplosionGuard.Action convert(String value) {
            return switch (value.trim().toLowerCase(Locale.ROOT)) {
                case "shrink" -> ExplosionGuard.Action.SHRINK_STEP;
                case "stop" -> ExplosionGuard.Action.STOP;
                case "record" -> ExplosionGuard.Action.RECORD;
                case "off" -> null;
                default -> throw new TypeConversionException("'" + value + "' is not shrink, stop, record or off");
            };
        }
    }

    /** A size in bytes: a positive number with an optional k, m or g (powers of 1024), e.g. 64k, 1.5g. */
    static final class ByteSizeConverter implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            String v = value.trim().toLowerCase(Locale.ROOT);
            if (v.endsWith("b")) {
                v = v.substring(0, v.length() - 1);
            }
            long unit = 1;
            if (!v.isEmpty() && "kmg".indexOf(v.charAt(v.length() - 1)) >= 0) {
                unit = 1L << (10 * ("kmg".indexOf(v.charAt(v.length() - 1)) + 1));
                v = v.substring(0, v.length() - 1);
            }
            double n;
            try {
                n = Double.parseDouble(v);
            } catch (NumberFormatException e) {
                n = Double.NaN;
            }
            if (!(n > 0) || n * unit >= Long.MAX_VALUE || !v.matches("[0-9.]+")) {
                throw new TypeConversionException("'" + value + "' is not a positive size; give bytes or a number with k,"
                        + " m or g, e.g. 512m");
            }
            return Math.max(1, (long) (n * unit));
        }
    }

    public boolean quick() {
        return quick;
    }

    public long seed() {
        return seed;
    }

    public String data() {
        return data;
    }

    public Path out() {
        return out;
    }
}
