package io.github.hypergrad4j.experiments.log;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.hypergrad4j.data.DatasetName;
import io.github.hypergrad4j.experiments.DataSource;
import io.github.hypergrad4j.experiments.TestData;
import io.github.hypergrad4j.report.Results;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code weight-sharing --quick} on a machine without MNIST: the {@code auto} source with no project
 * root, so that {@code ../shared/data/mnist} is not looked at (what {@code .ci/run}'s bare copy of the
 * checkout sees), picks the Fashion-only suite, and learned sharing still ends below separate networks
 * on the validation loss. Where MNIST is also in {@code HYPERGRAD4J_DATA} or the user cache (which a test
 * cannot hide), it runs with {@code --data fashion-mnist} instead, which {@code auto} must honour. Skips,
 * saying why, without Fashion-MNIST.
 */
class WeightSharingFashionOnlyTest {
    @TempDir
    static Path out;
    static JsonNode results;

    @BeforeAll
    static void runQuickWithoutMnist() throws IOException {
        DataSource data = DataSource.parse("auto", null).withoutDownload();
        if (!data.hasLocal(DatasetName.FASHION_MNIST)) {
            String reason = "SKIPPED: WeightSharingFashionOnlyTest needs Fashion-MNIST (apt-get install"
                    + " dataset-fashion-mnist)";
            System.out.println(reason);
            Assumptions.abort(reason);
        }
        String how = "--data auto with MNIST hidden (no project root)";
        if (data.hasLocal(DatasetName.MNIST)) {
            data = DataSource.parse("fashion-mnist", null).withoutDownload();
            how = "--data fashion-mnist (MNIST is in HYPERGRAD4J_DATA or the user cache, which a test cannot hide)";
        }
        TestData.run(new WeightSharing(WeightSharing.Config.quick()), out, 0, data);
        results = Results.read(out.resolve("weight-sharing").resolve(Results.FILE_NAME));
        System.out.println("WeightSharingFashionOnlyTest runs on " + results.at("/dataset/fashion-mnist/source").asText()
                + " via " + how + "; validation loss separate " + arm("separate") + ", tied first layer "
                + arm("tied first layer") + ", learned " + arm("learned"));
    }

    private static double arm(String arm) {
        return results.at("/data/arms/" + arm + "/validationLoss").asDouble();
    }

    @Test
    void autoPicksTheFashionOnlySuiteAndRecordsIt() {
        assertThat(results.at("/dataset/suite").asText()).isEqualTo("fashion");
        assertThat(results.at("/dataset/suiteRequested").asText()).isEqualTo("auto");
        assertThat(results.at("/dataset/name").asText()).isEqualTo("Fashion-MNIST tasks");
        assertThat(results.at("/dataset/mnist").isMissingNode()).as("no MNIST read").isTrue();
        assertThat(results.at("/dataset/tasks").asText()).isEqualTo("Fashion 0-4; Fashion 5-9; tops; footwear;"
                + " trouser, dress, bag; Fashion 0-4 rotated; Fashion 5-9 rotated; tops rotated; footwear rotated;"
                + " trouser, dress, bag rotated");
        assertThat(results.at("/data/arms/learned/testLossPerTask").size()).isEqualTo(10);
    }

    @Test
    void learnedSharingEndsBelowSeparateNetworksOnTheValidationLoss() {
        double[] curve = Results.numbers(results.at("/data/meta/validationLoss"));
        assertThat(curve[0]).as("the learned arm starts from separate networks").isEqualTo(arm("separate"));
        assertThat(curve[1]).as("the first hypergradient step lowers the validation loss").isLessThan(curve[0]);
        assertThat(arm("learned")).isLessThan(arm("separate"));
    }
}
