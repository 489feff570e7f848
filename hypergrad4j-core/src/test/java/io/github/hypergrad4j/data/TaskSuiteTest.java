package io.github.hypergrad4j.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TaskSuiteTest {

    /** n images per class of 2 x 3 pixels; every image is distinct (pixel 0 = its index mod 256, pixel 1 = index / 256). */
    static LabelledImages pool(int classes, int perClass) {
        int n = classes * perClass;
        byte[] pixels = new byte[n * 6], labels = new byte[n];
        for (int i = 0; i < n; i++) {
            pixels[i * 6] = (byte) i;
            pixels[i * 6 + 1] = (byte) (i / 256);
            labels[i] = (byte) (i % classes);
        }
        return LabelledImages.of("synthetic", pixels, labels, 2, 3, classes);
    }

    static Set<String> images(Dataset d) {
        Set<String> s = new HashSet<>();
        for (int r = 0; r < d.size(); r++) {
            s.add(d.pixel(r, 0) + "," + d.pixel(r, 1));
        }
        return s;
    }

    @Test
    void drawsBalancedDisjointSplitsRelabelledPerTaskWithOutputsForTheLargestTask() {
        LabelledImages pool = pool(6, 30);
        List<TaskSuite.Task> tasks = TaskSuite.draw(List.of(new TaskSuite.Spec("a", pool, new int[] {4, 1, 2}),
                new TaskSuite.Spec("b", pool, new int[] {0, 5})), new TaskSuite.PerClass(3, 2, 5), 7);
        TaskSuite.Task a = tasks.get(0);
        assertThat(a.train().size()).isEqualTo(9);
        assertThat(a.validation().size()).isEqualTo(6);
        assertThat(a.test().size()).isEqualTo(15);
        assertThat(a.train().labelCounts()).containsExactly(3, 3, 3);
        assertThat(tasks.get(1).train().labelCounts()).containsExactly(3, 3, 0);
        assertThat(a.train().classes()).isEqualTo(3);
        Set<String> train = images(a.train()), valid = images(a.validation()), test = images(a.test());
        assertThat(train).hasSize(9).doesNotContainAnyElementsOf(valid).doesNotContainAnyElementsOf(test);
        assertThat(valid).doesNotContainAnyElementsOf(test);
        // Task label 0 is the pool's class 4: image index mod 6 == 4.
        for (int r = 0; r < a.train().size(); r++) {
            int index = (int) Math.round(a.train().pixel(r, 0) * 255) + 256 * (int) Math.round(a.train().pixel(r, 1) * 255);
            assertThat(new int[] {4, 1, 2}[a.train().label(r)]).isEqualTo(index % 6);
        }
    }

    @Test
    void theSameSeedDrawsTheSameTasksAndAnotherSeedOthers() {
        LabelledImages pool = pool(3, 40);
        List<TaskSuite.Spec> specs = List.of(new TaskSuite.Spec("a", pool, new int[] {0, 1, 2}));
        TaskSuite.PerClass n = new TaskSuite.PerClass(4, 4, 4);
        double[] once = TaskSuite.draw(specs, n, 3).get(0).train().pixels();
        assertThat(TaskSuite.draw(specs, n, 3).get(0).train().pixels()).containsExactly(once);
        assertThat(Arrays.equals(TaskSuite.draw(specs, n, 4).get(0).train().pixels(), once)).isFalse();
    }

    @Test
    void rotationTurnsEachImageAQuarterTurnAndFourTurnsAreTheIdentity() {
        Dataset d = Dataset.of(new double[] {1, 2, 3, 4, 5, 6}, new int[] {0}, 2, 3, 2);
        // 1 2 3      3 6
        // 4 5 6  ->  2 5   (counter-clockwise; now 3 x 2)
        //            1 4
        Dataset r = TaskSuite.rotate(d);
        assertThat(r.height()).isEqualTo(3);
        assertThat(r.width()).isEqualTo(2);
        assertThat(r.pixels()).containsExactly(3, 6, 2, 5, 1, 4);
        assertThat(TaskSuite.rotate(TaskSuite.rotate(TaskSuite.rotate(r))).pixels()).containsExactly(d.pixels());

        LabelledImages pool = pool(2, 10);
        List<TaskSuite.Task> base = TaskSuite.draw(List.of(new TaskSuite.Spec("a", pool, new int[] {0, 1})),
                new TaskSuite.PerClass(2, 2, 2), 1);
        List<TaskSuite.Task> all = TaskSuite.withRotations(base);
        assertThat(all).extracting(TaskSuite.Task::name).containsExactly("a", "a rotated");
        assertThat(all.get(1).test().labels()).containsExactly(base.get(0).test().labels());
        assertThat(all.get(1).test().pixels()).containsExactly(TaskSuite.rotate(base.get(0).test()).pixels());
    }

    @Test
    void tooFewImagesOrBadClassesAreRefusedNamingTheTask() {
        LabelledImages pool = pool(3, 5);
        assertThatThrownBy(() -> TaskSuite.draw(List.of(new TaskSuite.Spec("small", pool, new int[] {0, 1})),
                new TaskSuite.PerClass(3, 2, 1), 1)).hasMessageContaining("task small: class 0 has 5 images")
                .hasMessageContaining("fewer than the 6");
        assertThatThrownBy(() -> new TaskSuite.Spec("x", pool, new int[] {0, 3})).hasMessageContaining("class 3 is not in 0..2");
        assertThatThrownBy(() -> new TaskSuite.Spec("x", pool, new int[] {1, 1})).hasMessageContaining("twice");
        LabelledImages other = LabelledImages.of("wide", new byte[8], new byte[2], 1, 4, 2);
        assertThatThrownBy(() -> TaskSuite.draw(List.of(new TaskSuite.Spec("a", pool, new int[] {0, 1}),
                new TaskSuite.Spec("b", other, new int[] {0, 1})), new TaskSuite.PerClass(1, 1, 1), 1))
                .hasMessageContaining("share one shape");
    }

    @Test
    void defaultTasksFromMnistAndFashionMnistHaveThePapersStructure() throws IOException {
        Path mnist = RealData.mnistTestSetOrSkip();
        Path fashion = RealData.fashionMnistOrSkip();
        LabelledImages digits = LabelledImages.read(mnist.resolve(Split.TEST.imagesFile()), mnist.resolve(Split.TEST.labelsFile()));
        LabelledImages clothes = LabelledImages.read(fashion.resolve(Split.TEST.imagesFile()), fashion.resolve(Split.TEST.labelsFile()));
        List<TaskSuite.Task> tasks = TaskSuite.withRotations(TaskSuite.draw(TaskSuite.defaults(digits, clothes),
                new TaskSuite.PerClass(10, 10, 50), 1));
        assertThat(tasks).hasSize(10);
        assertThat(tasks).extracting(t -> t.train().classes()).containsOnly(5);
        assertThat(tasks).extracting(t -> t.train().features()).containsOnly(784);
        assertThat(tasks.get(2).train().labelCounts()).containsExactly(10, 10, 10, 10, 0);
        assertThat(tasks.get(7).name()).isEqualTo("tops rotated");
    }
}
