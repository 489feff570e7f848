package io.github.hypergrad4j.experiments.meta;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** A sealed checkpoint survives being written and read back; any changed value breaks the seal. */
class CheckpointSealTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode sample() {
        ObjectNode root = JSON.createObjectNode().put("format", "hypergrad4j-checkpoint").put("nextMetaIteration", 3)
                .put("finished", false);
        root.putArray("x").add(0.1).add(-2.5e-17).add(1e300).add("NaN").add(3);
        root.putObject("guard").put("stepScale", 0.5).putArray("norms").add(12.25);
        return root;
    }

    @Test
    void aSealedCheckpointReadBackMatches() throws Exception {
        ObjectNode root = sample();
        CheckpointSeal.seal(root);
        JsonNode back = JSON.readTree(JSON.writeValueAsBytes(root));
        assertThat(CheckpointSeal.problem(back)).isNull();
        JsonNode pretty = JSON.readTree(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        assertThat(CheckpointSeal.problem(pretty)).as("whitespace does not matter").isNull();
    }

    @Test
    void everyKindOfEditBreaksTheSeal() throws Exception {
        ObjectNode root = sample();
        CheckpointSeal.seal(root);
        String text = JSON.writeValueAsString(root);
        for (String[] edit : new String[][] {{"0.1", "0.2"}, {"\"finished\":false", "\"finished\":true"},
                {"\"nextMetaIteration\":3", "\"nextMetaIteration\":2"}, {",3]", "]"}, {"12.25", "\"Infinity\""}}) {
            assertThat(text).contains(edit[0]);
            JsonNode edited = JSON.readTree(text.replace(edit[0], edit[1]));
            assertThat(CheckpointSeal.problem(edited)).as(edit[0] + " -> " + edit[1]).contains("does not match");
        }
        ObjectNode unsealed = sample();
        assertThat(CheckpointSeal.problem(unsealed)).contains("no checksum");
    }
}
