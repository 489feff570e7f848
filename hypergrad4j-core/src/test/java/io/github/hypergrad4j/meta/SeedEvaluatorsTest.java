package io.github.hypergrad4j.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SeedEvaluatorsTest {

    @Test
    void withoutAMasterSeedsRunOnAThreadPerCore() {
        try (SeedEvaluator e = SeedEvaluators.forOption(null)) {
            assertThat(e).isInstanceOf(ThreadPoolSeedEvaluator.class);
            assertThat(((ThreadPoolSeedEvaluator) e).threads()).isEqualTo(Runtime.getRuntime().availableProcessors());
        }
    }

    @Test
    void aMasterWithoutTheSparkModuleFailsSayingHowToRunWithSpark() {
        // The core's class path never has the Spark module.
        assertThatThrownBy(() -> SeedEvaluators.forOption("local[2]"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("master local[2]")
                .hasMessageNotContaining("--spark")
                .hasMessageContaining("hypergrad4j-spark")
                .hasMessageContaining("spark-submit");
    }

    @Test
    void aMasterGoesToTheProviderNamedSpark() {
        SeedEvaluator pool = new ThreadPoolSeedEvaluator(1);
        String[] asked = new String[1];
        SeedEvaluatorProvider other = provider("other", m -> { throw new AssertionError("wrong provider"); });
        SeedEvaluatorProvider spark = provider(SeedEvaluators.SPARK, m -> { asked[0] = m; return pool; });
        assertThat(SeedEvaluators.forOption("spark://host:7077", List.of(other, spark))).isSameAs(pool);
        assertThat(asked[0]).isEqualTo("spark://host:7077");
    }

    @Test
    void aBlankMasterIsAUsageError() {
        assertThatThrownBy(() -> SeedEvaluators.forOption(" ", List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("master URL");
    }

    private static SeedEvaluatorProvider provider(String name, java.util.function.Function<String, SeedEvaluator> create) {
        return new SeedEvaluatorProvider() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public SeedEvaluator create(String master) {
                return create.apply(master);
            }
        };
    }
}
