package io.github.hypergrad4j.experiments.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.hypergrad4j.data.DatasetName;
import io.github.hypergrad4j.data.DatasetNotFoundException;
import io.github.hypergrad4j.experiments.DataSource;
import io.github.hypergrad4j.experiments.TestData;
import io.github.hypergrad4j.report.Results;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code weight-sharing} at its quick size on whatever {@code --tasks auto} finds here (MNIST and
 * Fashion-MNIST when both are present, else Fashion-MNIST alone; printed): the science (learned sharing
 * ends with a lower validation loss than separate networks, the loss it is trained on, and the first
 * learned update lowers it), the fixed arms' matrices, and the files. Skips, saying why, without data.
 * {@link WeightSharingFashionOnlyTest} runs it with MNIST hidden.
 */
class WeightSharingTest {
    @TempDir
    static Path out;
    static JsonNode results;

    @BeforeAll
    static void runQuick() throws IOException {
        DataSource data = DataSource.parse("auto", TestData.projectRoot()).withoutDownload();
        String suite = WeightSharingTasks.resolve("auto", data);
        try {
            TestData.run(new WeightSharing(WeightSharing.Config.quick()), out, 0, data);
        } catch (DatasetNotFoundException e) {
            String reason = "SKIPPED: weight-sharing needs Fashion-MNIST or MNIST (the " + suite + " suite): "
                    + e.getMessage();
            System.out.println(reason);
            Assumptions.abort(reason);
        }
        results = Results.read(out.resolve("weight-sharing").resolve(Results.FILE_NAME));
        System.out.println("WeightSharingTest runs on the " + suite + " suite: " + results.at("/dataset/name").asText()
                + "; validation loss separate " + arm("separate", "validationLoss") + ", tied first layer "
                + arm("tied first layer", "validationLoss") + ", learned " + arm("learned", "validationLoss"));
        assertThat(results.at("/dataset/suite").asText()).isEqualTo(suite);
        assertThat(results.at("/data/taskSuite").asText()).isEqualTo(suite);
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
        String firstTask = switch (results.at("/dataset/suite").asText()) {
            case "mnist-fashion" -> "digits 0-4";
            case "fashion" -> "Fashion 0-4";
            default -> "classes 0-4";
        };
        assertThat(results.at("/dataset/tasks").asText()).startsWith(firstTask + "; ").contains(firstTask + " rotated");
    }

    @Test
    void badConfigurationsAreRefusedWithTheReason() {
        assertThatThrownBy(() -> WeightSharing.Config.quick().withTasks("cifar", 1, 1, 1))
                .hasMessageContaining("one of auto, mnist-fashion, fashion, one-pool, omniglot").hasMessageContaining("'cifar'");
        assertThatThrownBy(() -> WeightSharing.Config.quick().withTasks("auto", 0, 1, 1))
                .hasMessageContaining("training examples per class");
        assertThat(WeightSharing.Config.quick().withTasks("default", 1, 1, 1).tasks())
                .as("the old name of the MNIST and Fashion-MNIST suite").isEqualTo("mnist-fashion");
        assertThat(WeightSharing.Config.defaults().tasks()).isEqualTo("auto");
        assertThat(WeightSharing.Config.quick().tasks()).isEqualTo("auto");
    }

    /** Which suite {@code auto} stands for: by {@code --data}, and by what is here for {@code --data auto}. */
    @Test
    void autoFollowsTheDataOption(@TempDir Path dir) throws IOException {
        Path root = TestData.projectRoot();
        assertThat(WeightSharingTasks.resolve("auto", DataSource.parse("fashion-mnist", root))).isEqualTo("fashion");
        assertThat(WeightSharingTasks.resolve("auto", DataSource.parse(dir.toString(), root))).isEqualTo("one-pool");
        for (String explicit : List.of("mnist-fashion", "fashion", "one-pool", "omniglot")) {
            assertThat(WeightSharingTasks.resolve(explicit, DataSource.parse(dir.toString(), root))).isEqualTo(explicit);
        }
        DataSource auto = DataSource.parse("auto", root).withoutDownload();
        boolean mnist = auto.hasLocal(DatasetName.MNIST), fashion = auto.hasLocal(DatasetName.FASHION_MNIST);
        System.out.println("WeightSharingTest.autoFollowsTheDataOption: local MNIST " + mnist + ", Fashion-MNIST " + fashion);
        assertThat(WeightSharingTasks.resolve("auto", auto))
                .isEqualTo(mnist && fashion ? "mnist-fashion" : fashion ? "fashion" : "one-pool");
        assertThat(WeightSharingTasks.resolve("auto", DataSource.parse("mnist", root)))
                .isEqualTo(fashion ? "mnist-fashion" : "one-pool");
    }
}
