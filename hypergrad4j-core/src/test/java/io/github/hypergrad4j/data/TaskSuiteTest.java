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

    /** The pool index of a row of a task drawn from {@link #pool}, read back from its first two pixels. */
    static int index(Dataset d, int row) {
        return (int) Math.round(d.pixel(row, 0) * 255) + 256 * (int) Math.round(d.pixel(row, 1) * 255);
    }

    @Test
    void tasksSharingAClassOfOnePoolGetDisjointImagesAndOthersAreDrawnAsAlone() {
        LabelledImages pool = pool(4, 30);
        TaskSuite.Spec a = new TaskSuite.Spec("a", pool, new int[] {0, 1, 2});
        TaskSuite.Spec b = new TaskSuite.Spec("b", pool, new int[] {2, 0});
        TaskSuite.Spec c = new TaskSuite.Spec("c", pool, new int[] {3, 1});
        TaskSuite.PerClass n = new TaskSuite.PerClass(3, 2, 4);
        List<TaskSuite.Task> tasks = TaskSuite.draw(List.of(a, b, c), n, 5);
        Set<Integer> seen = new HashSet<>();
        int drawn = 0;
        for (TaskSuite.Task t : tasks) {
            for (Dataset d : List.of(t.train(), t.validation(), t.test())) {
                for (int r = 0; r < d.size(); r++) {
                    seen.add(index(d, r));
                    drawn++;
                }
            }
        }
        assertThat(drawn).isEqualTo((3 + 2 + 2) * n.total());
        assertThat(seen).as("no image in two tasks or two splits").hasSize(drawn);
        // The first task that uses a class draws it as it would alone.
        TaskSuite.Task alone = TaskSuite.draw(List.of(a), n, 5).get(0);
        assertThat(tasks.get(0).train().pixels()).containsExactly(alone.train().pixels());
        assertThat(tasks.get(0).test().pixels()).containsExactly(alone.test().pixels());
    }

    @Test
    void classesSharedByTasksMustHoldTheImagesOfAllOfThem() {
        LabelledImages pool = pool(3, 10);
        TaskSuite.PerClass n = new TaskSuite.PerClass(2, 2, 2);
        TaskSuite.draw(List.of(new TaskSuite.Spec("a", pool, new int[] {0, 1})), n, 1); // 6 of 10: fine alone
        assertThatThrownBy(() -> TaskSuite.draw(List.of(new TaskSuite.Spec("a", pool, new int[] {0, 1}),
                new TaskSuite.Spec("b", pool, new int[] {1, 2})), n, 1))
                .hasMessageContaining("tasks a, b: class 1 has 10 images").hasMessageContaining("fewer than the 12");
    }

    @Test
    void onePoolSuiteHasFiveTasksOfFiveFiveFourThreeThreeClassesNamedByClass() {
        List<TaskSuite.Spec> specs = TaskSuite.onePool(pool(10, 2));
        assertThat(specs).extracting(TaskSuite.Spec::name).containsExactly("classes 0-4", "classes 5-9",
                "classes 0, 2, 4, 6", "classes 5, 7, 9", "classes 1, 3, 8");
        assertThat(specs).extracting(s -> s.classes().length).containsExactly(5, 5, 4, 3, 3);
        assertThatThrownBy(() -> TaskSuite.onePool(pool(6, 2))).hasMessageContaining("is not in 0..5");
    }

    /**
     * The Fashion-only suite on real Fashion-MNIST images at the experiment's default size: no image (by
     * its pixels, turned back for the rotated tasks) is in two base tasks or two splits, and every rotated
     * task's split is exactly its own task's split turned a quarter.
     */
    @Test
    void fashionOnlySuiteTasksShareNoImage() throws IOException {
        Path dir = RealData.fashionMnistOrSkip();
        System.out.println("TaskSuiteTest.fashionOnlySuiteTasksShareNoImage runs on Fashion-MNIST (" + dir + ")");
        // The test split (10,000 images) decodes faster than the experiment's training split; the draw is the same.
        LabelledImages fashion = DatasetFiles.scan(dir, DatasetName.FASHION_MNIST, "test").read(Split.TEST);
        List<TaskSuite.Spec> specs = TaskSuite.fashion(fashion);
        assertThat(specs).extracting(TaskSuite.Spec::name).containsExactly("Fashion 0-4", "Fashion 5-9", "tops",
                "footwear", "trouser, dress, bag");
        List<TaskSuite.Task> tasks = TaskSuite.withRotations(TaskSuite.draw(specs, new TaskSuite.PerClass(10, 20, 50), 0));
        assertThat(tasks).hasSize(10);
        assertThat(tasks).extracting(t -> t.train().classes()).containsOnly(5);
        java.util.Map<String, String> owner = new java.util.HashMap<>();
        int drawn = 0;
        for (int i = 0; i < 5; i++) {
            TaskSuite.Task t = tasks.get(i), turned = tasks.get(i + 5);
            assertThat(turned.name()).isEqualTo(t.name() + " rotated");
            String[] splits = {"train", "validation", "test"};
            Dataset[] base = {t.train(), t.validation(), t.test()};
            Dataset[] rotated = {turned.train(), turned.validation(), turned.test()};
            for (int s = 0; s < 3; s++) {
                // Arrays.equals: AssertJ's containsExactly takes seconds on arrays of this size.
                assertThat(Arrays.equals(rotated[s].pixels(), TaskSuite.rotate(base[s]).pixels()))
                        .as(turned.name() + " " + splits[s] + " is " + t.name() + "'s turned").isTrue();
                assertThat(Arrays.equals(rotated[s].labels(), base[s].labels())).isTrue();
                double[] p = base[s].pixels();
                int f = base[s].features();
                for (int r = 0; r < base[s].size(); r++) {
                    String image = Arrays.toString(Arrays.copyOfRange(p, r * f, (r + 1) * f));
                    String where = t.name() + " " + splits[s];
                    String before = owner.put(image, where);
                    assertThat(before).as("an image of " + where + " is also in " + before).isNull();
                    drawn++;
                }
            }
        }
        assertThat(drawn).isEqualTo((5 + 5 + 4 + 3 + 3) * 80);
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
