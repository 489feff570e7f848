package io.github.hypergrad4j.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With a tiny buffer memory the information buffer spills to files during the forward pass and reads
 * them back in the reverse pass: the hypergradient is bit-identical to the in-memory one, and the
 * files are gone afterwards, also when the run fails.
 */
class BufferSpillTest {
    private static final int STEPS = 600;
    private static final double BETA = 0.01; // 6.6 bits per parameter per step: thousands of words

    @TempDir
    Path spill;

    @Test
    void spilledRunReversesBitForBitAndRemovesItsFiles() throws IOException {
        SmallProblem p = new SmallProblem(3);
        double[] w0 = p.init.weights(0.3);
        Schedule s = Schedule.constant(STEPS, p.groups(), 0.05, BETA);
        Theta theta = p.theta();
        Hypergradient inMemory = new ReversibleTrainer(p.model.layout(), p.trainingLoss())
                .hypergradient(w0, new double[w0.length], s, theta, p.validationLoss(), StepListener.NONE);
        AtomicLong spilledBytes = new AtomicLong();
        StepListener watch = (step, loss, w) -> {
            if (step == STEPS - 1) {
                spilledBytes.set(sizeOfFiles(spill));
            }
        };
        Hypergradient spilled = new ReversibleTrainer(p.model.layout(), p.trainingLoss()).withBufferMemory(1, spill)
                .hypergradient(w0, new double[w0.length], s, theta, p.validationLoss(), watch);

        assertThat(spilledBytes.get()).as("bytes in spill files at the end of the forward pass").isPositive();
        assertThat(spilled.dWeights0()).isEqualTo(inMemory.dWeights0());
        assertThat(spilled.dVelocity0()).isEqualTo(inMemory.dVelocity0());
        assertThat(spilled.dAlpha()).isEqualTo(inMemory.dAlpha());
        assertThat(spilled.dBeta()).isEqualTo(inMemory.dBeta());
        assertThat(spilled.dTheta().get("l2").data()).isEqualTo(inMemory.dTheta().get("l2").data());
        assertThat(spilled.finalWeights()).isEqualTo(inMemory.finalWeights());
        assertThat(files(spill)).as("spill files after the run").isZero();
    }

    @Test
    void spillFilesAreRemovedWhenTheReversePassFails() throws IOException {
        SmallProblem p = new SmallProblem(4);
        TrainingLoss honest = p.trainingLoss();
        AtomicInteger calls = new AtomicInteger();
        TrainingLoss failsBackwards = (step, w, theta) -> {
            if (step == 2 && calls.incrementAndGet() > 1) {
                throw new IllegalStateException("injected failure in the reverse pass");
            }
            return honest.at(step, w, theta);
        };
        double[] w0 = p.init.weights(0.3);
        Schedule s = Schedule.constant(STEPS, p.groups(), 0.05, BETA);
        ReversibleTrainer trainer = new ReversibleTrainer(p.model.layout(), failsBackwards).withBufferMemory(1, spill);
        assertThatThrownBy(() -> trainer.hypergradient(w0, new double[w0.length], s, p.theta(), p.validationLoss(),
                StepListener.NONE)).hasMessageContaining("injected failure");
        assertThat(files(spill)).isZero();

        TrainingLoss failsForwards = (step, w, theta) -> {
            if (step == STEPS - 1) {
                throw new IllegalStateException("injected failure in the forward pass");
            }
            return honest.at(step, w, theta);
        };
        assertThatThrownBy(() -> new ReversibleTrainer(p.model.layout(), failsForwards).withBufferMemory(1, spill)
                .train(w0, new double[w0.length], s, p.theta(), StepListener.NONE))
                .hasMessageContaining("injected failure");
        assertThat(files(spill)).isZero();
    }

    private static long files(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        }
    }

    /**
     * Bytes in the spill files of {@code dir}: those listed there, and those whose name was removed while
     * open (on Linux a spill file is unlinked at once; /proc/self/fd still reaches it).
     */
    private static long sizeOfFiles(Path dir) {
        long bytes = 0;
        try (Stream<Path> s = Files.list(dir)) {
            bytes += s.mapToLong(f -> f.toFile().length()).sum();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Path fds = Path.of("/proc/self/fd");
        if (Files.isDirectory(fds)) {
            try (Stream<Path> s = Files.list(fds)) {
                for (Path fd : s.toList()) {
                    try {
                        String target = Files.readSymbolicLink(fd).toString();
                        if (target.startsWith(dir.toAbsolutePath().toString()) && target.endsWith(" (deleted)")) {
                            bytes += Files.size(fd);
                        }
                    } catch (IOException e) {
                        // closed in the meantime
                    }
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return bytes;
    }
}
