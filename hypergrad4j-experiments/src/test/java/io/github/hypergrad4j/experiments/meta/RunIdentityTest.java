package io.github.hypergrad4j.experiments.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.hypergrad4j.experiments.ConfigException;
import io.github.hypergrad4j.experiments.RunIdentity;
import io.github.hypergrad4j.meta.MetaOptimizerState;
import io.github.hypergrad4j.tensor.Blas;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A checkpoint is resumed only by the same run on the same BLAS backend; the refusal names both. */
class RunIdentityTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private static ObjectNode settings(double metaStep) {
        ObjectNode n = JSON.createObjectNode().put("seed", 0);
        n.putObject("config").put("metaStep", metaStep);
        return n;
    }

    private static LoopState.Snapshot oneIteration() {
        return new LoopState.Snapshot(1, false, false, new double[] {1, 2}, new MetaOptimizerState("sgd", 1,
                new double[][] {{0.5, 0.5}}), null, new LoopState.Guard(new double[] {3}, 1, 0.7, 0, List.of()),
                new LoopState.History(new double[][] {{0.7}}, Map.of("loss", new double[] {0.7}), Map.of()), List.of());
    }

    @Test
    void aResumeUnderAnotherBlasBackendIsRefusedNamingBoth() throws IOException {
        Path file = tmp.resolve(Checkpoint.FILE_NAME);
        RunIdentity java = RunIdentity.of("ard", settings(1), "java (Java11BLAS)", "hypergrad4j ard");
        Checkpoint.write(file, java, oneIteration());

        assertThat(Checkpoint.read(file, java).x()).containsExactly(1, 2);
        RunIdentity nativeBlas = RunIdentity.of("ard", settings(1), "native (JNIBLAS)", "hypergrad4j ard");
        assertThatThrownBy(() -> Checkpoint.read(file, nativeBlas)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("java (Java11BLAS)").hasMessageContaining("native (JNIBLAS)")
                .hasMessageContaining("--overwrite");
    }

    @Test
    void otherSettingsAreNamedAndThisJvmsBackendIsRecorded() throws IOException {
        Path file = tmp.resolve(Checkpoint.FILE_NAME);
        RunIdentity here = RunIdentity.of("ard", settings(1), "cmd");
        assertThat(here.blas()).isEqualTo(Blas.describe(Blas.get()));
        Checkpoint.write(file, here, oneIteration());
        assertThatThrownBy(() -> Checkpoint.read(file, RunIdentity.of("ard", settings(2), "cmd")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("config.metaStep is 1.0 in the checkpoint and 2.0 now");
    }
}
