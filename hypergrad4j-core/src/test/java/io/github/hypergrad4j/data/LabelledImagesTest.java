package io.github.hypergrad4j.data;

import static io.github.hypergrad4j.data.IdxFixtures.gzip;
import static io.github.hypergrad4j.data.IdxFixtures.idx;
import static io.github.hypergrad4j.data.IdxFixtures.images;
import static io.github.hypergrad4j.data.IdxFixtures.labels;
import static io.github.hypergrad4j.data.IdxFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelledImagesTest {
    @TempDir
    Path dir;

    @Test
    void readsPairAndScalesSelectedRowsToUnitInterval() throws Exception {
        Path img = write(dir, "i.gz", gzip(images(12, 3, 4)));
        Path lab = write(dir, "l", labels(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 9, 9));
        LabelledImages pool = LabelledImages.read(img, lab);
        assertThat(pool.size()).isEqualTo(12);
        assertThat(pool.height()).isEqualTo(3);
        assertThat(pool.width()).isEqualTo(4);
        assertThat(pool.labelCounts()).containsExactly(1, 1, 1, 1, 1, 1, 1, 1, 1, 3);
        assertThat(pool.description()).contains(img.toString()).contains("l");

        Dataset d = pool.select(new int[] {11, 2});
        assertThat(d.size()).isEqualTo(2);
        assertThat(d.features()).isEqualTo(12);
        assertThat(d.labels()).containsExactly(9, 2);
        assertThat(d.pixel(0, 5)).isCloseTo(((11 * 31 + 5) % 256) / 255.0, within(0.0));
        assertThat(d.pixel(1, 0)).isEqualTo(62 / 255.0);
        for (double v : pool.all().pixels()) {
            assertThat(v).isBetween(0.0, 1.0);
        }
    }

    @Test
    void pixel255ScalesToExactlyOne() {
        LabelledImages pool = LabelledImages.of("x", new byte[] {(byte) 255, 0}, new byte[] {3}, 1, 2, 10);
        assertThat(pool.all().pixels()).containsExactly(1.0, 0.0);
    }

    @Test
    void countMismatchNamesBothFiles() {
        Path img = write(dir, "train-images", images(5, 2, 2));
        Path lab = write(dir, "t10k-labels", labels(1, 2, 3, 4));
        assertThatThrownBy(() -> LabelledImages.read(img, lab)).isInstanceOf(IdxFormatException.class)
                .hasMessageContaining("t10k-labels: holds 4 labels")
                .hasMessageContaining(img + " holds 5 images")
                .hasMessageContaining("Pass the labels file that belongs to these images");
    }

    @Test
    void labelOutOfRange() {
        Path img = write(dir, "i", images(3, 2, 2));
        Path lab = write(dir, "l", labels(1, 10, 3));
        assertThatThrownBy(() -> LabelledImages.read(img, lab)).isInstanceOf(IdxFormatException.class)
                .hasMessageContaining("label 10 at index 1, outside 0..9");
    }

    @Test
    void swappedFilesAreReportedAsWrongShape() {
        Path img = write(dir, "i", images(3, 2, 2));
        Path lab = write(dir, "l", labels(1, 2, 3));
        assertThatThrownBy(() -> LabelledImages.read(lab, img)).isInstanceOf(IdxFormatException.class)
                .hasMessageContaining("has 1 dimensions").hasMessageContaining("images must have 3")
                .hasMessageContaining("did not swap images and labels");
    }

    @Test
    void imagesOfWrongElementType() {
        Path img = write(dir, "i", idx(0x0C, new int[] {1, 1, 1}, new byte[4]));
        Path lab = write(dir, "l", labels(1));
        assertThatThrownBy(() -> LabelledImages.read(img, lab))
                .hasMessageContaining("32-bit integer (0x0C)").hasMessageContaining("images must be unsigned byte");
    }

    @Test
    void fromMemoryChecksShapesAndLabels() {
        assertThatThrownBy(() -> LabelledImages.of("x", new byte[3], new byte[1], 2, 2, 10))
                .hasMessageContaining("need 4 pixels");
        assertThatThrownBy(() -> LabelledImages.of("x", new byte[4], new byte[] {12}, 2, 2, 10))
                .hasMessageContaining("label 12");
    }

    @Test
    void selectRejectsIndicesOutsideThePool() {
        LabelledImages pool = LabelledImages.of("x", new byte[4], new byte[] {1}, 2, 2, 10);
        assertThatThrownBy(() -> pool.select(new int[] {1})).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("pool of 1");
    }
}
