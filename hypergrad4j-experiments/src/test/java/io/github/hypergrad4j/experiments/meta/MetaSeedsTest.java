package io.github.hypergrad4j.experiments.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.hypergrad4j.data.SplitSizes;
import io.github.hypergrad4j.experiments.ConfigException;
import io.github.hypergrad4j.experiments.DataSource;
import io.github.hypergrad4j.experiments.Experiment;
import io.github.hypergrad4j.experiments.Progress;
import io.github.hypergrad4j.experiments.RunOptions;
import io.github.hypergrad4j.experiments.TestData;
import io.github.hypergrad4j.experiments.log.Ard;
import io.github.hypergrad4j.report.Results;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --seeds N} ({@link MetaSeeds}) on quick ard runs: each seed's run is bit for bit the plain run of
 * its seed, the band is the mean and standard deviation of the recorded per-seed curves, an interruption
 * between seeds resumes to the same results without repeating the finished seed, and the band figure is
 * written. Runs on whichever of MNIST and Fashion-MNIST is present (printed).
 */
class MetaSeedsTest {
    /** Quick ard sizes: 1,000 training, 1,000 validation, 500 test examples. */
    private static final SplitSizes SIZES = Ard.Config.quick().inner().sizes();
    private static final int META_ITERATIONS = Ard.Config.quick().metaIterations();

    @TempDir
    Path tmp;

    private static Experiment ard() {
        return new Ard(Ard.Config.quick());
    }

    @Test
    void everySeedsRunIsThePlainRunOfItsSeedAndTheBandIsTheirMeanAndSd() throws IOException {
        DataSource data = TestData.availableOrSkip(SIZES);
        Path plain0 = tmp.resolve("plain0"), plain1 = tmp.resolve("plain1"), both = tmp.resolve("both");
        TestData.run(ard(), plain0, 0, data);
        TestData.run(ard(), plain1, 1, data);
        TestData.run(ard(), both, 0, data, RunOptions.defaults().withSeeds(2), Progress.NONE);

        JsonNode top = Results.read(both.resolve("ard").resolve(Results.FILE_NAME));
        JsonNode seeds = top.at("/data/seeds");
        assertThat(seeds.get("seeds").toString()).isEqualTo("[0,1]");
        assertThat(seeds.get("band").asText()).isEqualTo("mean +- 1 sd");
        assertThat(seeds.get("headline").asText()).isEqualTo("validationLoss");
        List<JsonNode> perSeed = new ArrayList<>();
        for (int s = 0; s < 2; s++) {
            Path plain = (s == 0 ? plain0 : plain1).resolve("ard");
            Path own = both.resolve("ard").resolve("seed-" + s);
            JsonNode p = Results.read(plain.resolve(Results.FILE_NAME));
            JsonNode o = Results.read(own.resolve(Results.FILE_NAME));
            // The seed's own report is the plain run's: every number, summary line and figure.
            for (String key : List.of("data", "summary", "figures", "config", "seed")) {
                assertThat(o.get(key).toString()).as("seed " + s + " " + key).isEqualTo(p.get(key).toString());
            }
            for (JsonNode f : p.get("figures")) {
                String file = f.get("file").asText();
                assertThat(Files.readAllBytes(own.resolve(file))).as("seed " + s + " " + file)
                        .isEqualTo(Files.readAllBytes(plain.resolve(file)));
            }
            // The experiment's results.json holds the seed's whole meta curve, bit for bit.
            JsonNode curve = seeds.at("/perSeed/seed-" + s);
            JsonNode meta = p.at("/data/meta");
            assertThat(curve.size()).isEqualTo(7);
            for (java.util.Iterator<String> names = curve.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                assertThat(curve.get(name).toString()).as(s + " " + name).isEqualTo(meta.get(name).toString());
            }
            assertThat(Results.numbers(curve.get("validationLoss"))).hasSize(META_ITERATIONS + 1);
            perSeed.add(curve);
        }

        // The band: the mean, sample standard deviation and limits of the per-seed values (oracle).
        JsonNode bands = top.at("/data/seeds/bands");
        for (String name : List.of("trainLoss", "validationLoss", "testLoss", "testError")) {
            double[] a = Results.numbers(perSeed.get(0).get(name)), b = Results.numbers(perSeed.get(1).get(name));
            JsonNode m = bandOf(bands, name);
            double[] mean = Results.numbers(m.get("mean")), sd = Results.numbers(m.get("sd"));
            double[] min = Results.numbers(m.get("min")), max = Results.numbers(m.get("max"));
            for (int i = 0; i < a.length; i++) {
                double mu = (a[i] + b[i]) / 2;
                double sigma = Math.sqrt(((a[i] - mu) * (a[i] - mu) + (b[i] - mu) * (b[i] - mu)) / (2 - 1));
                assertThat(mean[i]).as(name + " mean " + i).isCloseTo(mu, within(1e-15 * Math.abs(mu)));
                assertThat(sd[i]).as(name + " sd " + i).isCloseTo(sigma, within(1e-12 * Math.abs(mu)));
                assertThat(min[i]).as(name + " min " + i).isEqualTo(Math.min(a[i], b[i]));
                assertThat(max[i]).as(name + " max " + i).isEqualTo(Math.max(a[i], b[i]));
                assertThat(m.get("finiteSeeds").get(i).asInt()).isEqualTo(2);
            }
            if (name.equals("validationLoss")) {
                int last = a.length - 1;
                assertThat(summary(top, "validation loss before, mean of 2 seeds")).isEqualTo(mean[0]);
                assertThat(summary(top, "validation loss after, sd over seeds")).isEqualTo(sd[last]);
            }
        }

        // The figure: written, a readable image, listed with a caption that says what the band is.
        Path figure = both.resolve("ard").resolve(MetaSeeds.FIGURE);
        assertThat(figure).isRegularFile();
        assertThat(ImageIO.read(figure.toFile())).isNotNull();
        assertThat(top.get("figures")).hasSize(1);
        assertThat(top.at("/figures/0/file").asText()).isEqualTo(MetaSeeds.FIGURE);
        assertThat(top.at("/figures/0/caption").asText()).contains("+- 1 standard deviation");
    }

    @Test
    void aRunInterruptedBetweenSeedsResumesToTheSameResultsWithoutRepeatingTheFinishedSeed() throws IOException {
        DataSource data = TestData.availableOrSkip(SIZES);
        Path whole = tmp.resolve("whole"), cut = tmp.resolve("cut");
        RunOptions three = RunOptions.defaults().withSeeds(3);
        TestData.run(ard(), whole, 4, data, three, Progress.NONE);

        // Killed in seed 5's meta-iteration 1, after seed 4 finished and seed 5's first checkpoint.
        long oneSeed = META_ITERATIONS + 1L;
        assertThatThrownBy(() -> TestData.run(ard(), cut, 4, data, three, interruptAfter(oneSeed + 2)))
                .isInstanceOf(Interrupted.class);
        Path dir = cut.resolve("ard");
        Path done = dir.resolve("seed-4").resolve(MetaSeeds.DONE_FILE);
        assertThat(done).isRegularFile();
        assertThat(dir.resolve("seed-5").resolve(MetaSeeds.DONE_FILE)).doesNotExist();
        assertThat(Results.read(dir.resolve("seed-5").resolve(Checkpoint.FILE_NAME)).get("nextMetaIteration").asInt())
                .isEqualTo(1);
        assertThat(dir.resolve("seed-6")).doesNotExist();
        assertThat(dir.resolve(Results.FILE_NAME)).doesNotExist();
        FileTime finished = Files.getLastModifiedTime(done);
        byte[] finishedResults = Files.readAllBytes(dir.resolve("seed-4").resolve(Results.FILE_NAME));

        // A resume with other settings is refused before any work.
        assertThatThrownBy(() -> TestData.run(new Ard(Ard.Config.quick().withMeta(50, META_ITERATIONS)), cut, 4, data,
                three.withResume(true, false), Progress.NONE)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("other settings");

        AtomicInteger tasks = new AtomicInteger();
        AtomicLong units = new AtomicLong();
        TestData.run(ard(), cut, 4, data, three.withResume(true, false), counting(tasks, units));
        // Seeds 5 (from its checkpoint) and 6 ran; seed 4 was read back, not run again.
        assertThat(tasks.get()).isEqualTo(2);
        assertThat(Files.getLastModifiedTime(done)).isEqualTo(finished);
        assertThat(Files.readAllBytes(dir.resolve("seed-4").resolve(Results.FILE_NAME))).isEqualTo(finishedResults);

        JsonNode a = Results.read(whole.resolve("ard").resolve(Results.FILE_NAME));
        JsonNode b = Results.read(dir.resolve(Results.FILE_NAME));
        for (String key : List.of("data", "summary", "figures")) {
            assertThat(b.get(key).toString()).as(key).isEqualTo(a.get(key).toString());
        }
        assertThat(Files.readAllBytes(dir.resolve(MetaSeeds.FIGURE)))
                .isEqualTo(Files.readAllBytes(whole.resolve("ard").resolve(MetaSeeds.FIGURE)));
        for (int s = 4; s <= 6; s++) {
            JsonNode x = Results.read(whole.resolve("ard").resolve("seed-" + s).resolve(Results.FILE_NAME));
            JsonNode y = Results.read(dir.resolve("seed-" + s).resolve(Results.FILE_NAME));
            assertThat(y.get("data").toString()).as("seed " + s).isEqualTo(x.get("data").toString());
        }

        // An interrupted --overwrite of the finished run keeps its seed runs (beside the old run) for --resume.
        RunOptions two = RunOptions.defaults().withSeeds(2);
        assertThatThrownBy(() -> TestData.run(ard(), cut, 0, data, two.withResume(false, true),
                interruptAfter(oneSeed + 2))).isInstanceOf(Interrupted.class);
        assertThat(Results.read(dir.resolve(Results.FILE_NAME)).at("/data/seeds/seeds").toString())
                .as("the old run stays until the new one is complete").isEqualTo("[4,5,6]");
        TestData.run(ard(), cut, 0, data, two.withResume(true, false), counting(tasks, units));
        assertThat(tasks.get()).as("only seed 1 ran again").isEqualTo(3);
        JsonNode replaced = Results.read(dir.resolve(Results.FILE_NAME));
        assertThat(replaced.at("/data/seeds/seeds").toString()).isEqualTo("[0,1]");
        assertThat(dir.resolve("seed-4")).doesNotExist();
        JsonNode fresh = Results.read(TestData.run(ard(), tmp.resolve("fresh"), 0, data, two, Progress.NONE).results());
        assertThat(replaced.get("data").toString()).isEqualTo(fresh.get("data").toString());
    }

    /** The value of the summary row with this label. */
    private static double summary(JsonNode results, String label) {
        for (JsonNode row : results.get("summary")) {
            if (row.get("label").asText().equals(label)) {
                return row.get("value").asDouble();
            }
        }
        throw new AssertionError("no summary row '" + label + "' in " + results.get("summary"));
    }

    /** The band's numbers of one metric in data.seeds.bands. */
    private static JsonNode bandOf(JsonNode bands, String metric) {
        JsonNode n = bands.path(metric);
        assertThat(n.isMissingNode()).as("band of " + metric).isFalse();
        return n;
    }

    private static final class Interrupted extends RuntimeException {
        Interrupted() {
            super("interrupted by the test");
        }
    }

    /** Progress that throws once {@code units} units are done: a run killed at that point. */
    private static Progress interruptAfter(long units) {
        AtomicLong done = new AtomicLong();
        return (label, total) -> new Progress.Task() {
            @Override
            public void advance(long n, String status) {
                if (done.addAndGet(n) >= units) {
                    throw new Interrupted();
                }
            }

            @Override
            public void close() {}
        };
    }

    /** Progress that counts the tasks started and the units done. */
    private static Progress counting(AtomicInteger tasks, AtomicLong units) {
        return (label, total) -> {
            tasks.incrementAndGet();
            return new Progress.Task() {
                @Override
                public void advance(long n, String status) {
                    units.addAndGet(n);
                }

                @Override
                public void close() {}
            };
        };
    }
}
