package io.github.hypergrad4j.experiments.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.hypergrad4j.data.DatasetName;
import io.github.hypergrad4j.experiments.DataSource;
import io.github.hypergrad4j.experiments.TestData;
import io.github.hypergrad4j.report.Results;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code weight-sharing} at its quick size: the science (learned sharing ends with a lower validation
 * loss than separate networks, the loss it is trained on, and the first learned update lowers it), the
 * fixed arms' matrices, and the files. Needs both MNIST's test set and Fashion-MNIST; skips without.
 */
class WeightSharingTest {
    @TempDir
    static Path out;
    static JsonNode results;

    @BeforeAll
    static void runQuick() throws IOException {
        DataSource data = DataSource.parse("auto", TestData.projectRoot()).withoutDownload();
        for (DatasetName name : DatasetName.values()) {
            try {
                data.pool(name);
            } catch (IOException e) {
                String reason = "SKIPPED: weight-sharing needs MNIST and Fashion-MNIST; " + name + ": " + e.getMessage();
                System.out.println(reason);
                Assumptions.abort(reason);
            }
        }
        TestData.run(new WeightSharing(WeightSharing.Config.quick()), out, 0, data);
        results = Results.read(out.resolve("weight-sharing").resolve(Results.FILE_NAME));
    }

    private static double arm(String arm, String metric) {
        return results.at("/data/arms/" + arm + "/" + metric).asDouble();
    }

    @Test
    void learnedSharingEndsBelowSeparateNetworksOnTheValidationLoss() {
        double separate = arm("separate", "validationLoss");
        double learned = arm("learned", "validationLoss");
        double[] curve = Results.numbers(results.at("/data/meta/validationLoss"));
        // The learned arm starts from separate networks: same matrices, same initial weights, same numbers.
        assertThat(curve[0]).isEqualTo(separate);
        assertThat(curve[1]).as("the first hypergradient step lowers the validation loss").isLessThan(curve[0]);
        assertThat(learned).isLessThan(separate);
    }

    @Test
    void fixedArmsHaveIdentityAndTiedMatricesAndTheLearnedOnesMoved() {
        JsonNode separate = results.at("/data/arms/separate/layer1Correlation");
        JsonNode tied = results.at("/data/arms/tied first layer");
        for (int i = 0; i < 10; i++) {
            for (int j = 0; j < 10; j++) {
                assertThat(separate.get(i).get(j).asDouble()).isEqualTo(i == j ? 1.0 : 0.0);
                assertThat(tied.at("/layer1Correlation/" + i + "/" + j).asDouble()).isEqualTo(1.0, org.assertj.core.api.Assertions.within(1e-12));
                assertThat(tied.at("/layer2Correlation/" + i + "/" + j).asDouble()).isEqualTo(i == j ? 1.0 : 0.0);
            }
        }
        double offDiagonal = 0;
        for (String layer : new String[] {"layer1", "layer2", "layer3"}) {
            JsonNode t = results.at("/data/arms/learned/" + layer);
            for (int i = 0; i < 10; i++) {
                for (int j = 0; j < 10; j++) {
                    offDiagonal += i == j ? 0 : Math.abs(t.get(i).get(j).asDouble());
                }
            }
        }
        assertThat(offDiagonal).as("hypergradient descent changed the sharing").isGreaterThan(0.1);
    }

    @Test
    void writesTheFigureAndATrainAndTestLossPerArm() {
        assertThat(Files.isRegularFile(out.resolve("weight-sharing").resolve("weight-sharing.png"))).isTrue();
        for (String arm : WeightSharing.ARMS) {
            assertThat(arm(arm, "trainLoss")).isPositive();
            assertThat(arm(arm, "testLoss")).isPositive();
            assertThat(results.at("/data/arms/" + arm + "/testLossPerTask").size()).isEqualTo(10);
        }
        assertThat(results.at("/dataset/tasks").asText()).contains("digits 0-4 rotated");
    }

    @Test
    void badConfigurationsAreRefusedWithTheReason() {
        assertThatThrownBy(() -> WeightSharing.Config.quick().withTasks("cifar", 1, 1, 1))
                .hasMessageContaining("'default' (MNIST and Fashion-MNIST) or 'omniglot'");
        assertThatThrownBy(() -> WeightSharing.Config.quick().withTasks("default", 0, 1, 1))
                .hasMessageContaining("training examples per class");
    }
}
