package io.github.hypergrad4j.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportIndexTest {
    @TempDir
    Path out;

    @Test
    void oneSectionPerRunInLogOrderWithFiguresAndFinalNumbers() throws IOException {
        new Results("later", "Later <experiment>").order(121).summary("validation loss after", 0.61234567)
                .figure("fig.png", "A & B").write(out.resolve("later"));
        new Results("earlier", "Earlier experiment").order(109).write(out.resolve("earlier"));
        Files.createDirectories(out.resolve("broken"));
        Files.writeString(out.resolve("broken/results.json"), "{ not json");
        Files.createDirectories(out.resolve("unrelated"));

        String html = Files.readString(ReportIndex.regenerate(out));

        assertThat(html).startsWith("<!DOCTYPE html>").contains("</html>");
        assertThat(html.indexOf("id=\"earlier\"")).isLessThan(html.indexOf("id=\"later\""));
        assertThat(html).contains("Later &lt;experiment&gt;").contains("<img src=\"later/fig.png\"")
                .contains("A &amp; B").contains("validation loss after").contains("0.6123")
                .contains("could not read").doesNotContain("id=\"unrelated\"");
    }

    @Test
    void formatsNumbersForTheTable() {
        assertThat(ReportIndex.format(2.5)).isEqualTo("2.5");
        assertThat(ReportIndex.format(0.123456)).isEqualTo("0.1235");
        assertThat(ReportIndex.format(1234567)).isEqualTo("1.235e+06");
        assertThat(ReportIndex.format(0)).isEqualTo("0");
    }
}
