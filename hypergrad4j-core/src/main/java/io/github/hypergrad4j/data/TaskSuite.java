package io.github.hypergrad4j.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Several small classification tasks of same-sized images, for multitask learning: the structure of
 * the reversible-learning paper's weight-sharing experiment (five Omniglot alphabets and the same five
 * rotated by 90 degrees, few drawings per character).
 *
 * <p>A task is a pool of images and the classes of it the task uses; {@link #draw} takes a seeded,
 * class-balanced sample of each into train, validation and test sets, relabelling the task's classes
 * 0..c-1 (all tasks get the same number of outputs, the largest c). {@link #withRotations} appends a
 * copy of every task with each image rotated by 90 degrees.
 *
 * <p>No image is drawn twice: tasks that use the same class of the same pool (the same
 * {@link LabelledImages} object) get disjoint images of it, and within a task the three splits are
 * disjoint. A rotated copy holds its own task's images, each in the same split (its training images
 * are the rotated training images, and so on), as the paper's rotated alphabets did; so an image is
 * seen by one task and its rotated copy only, and never on both sides of a train / test boundary.
 */
public final class TaskSuite {

    /**
     * What a task is made of.
     *
     * @param name for figures and tables
     * @param pool the images to draw from
     * @param classes the pool's labels this task uses; the task's label k is {@code classes[k]}
     */
    public record Spec(String name, LabelledImages pool, int[] classes) {
        /**
         * Checks the name, pool and classes.
         *
         * @param name for figures and tables
         * @param pool the images to draw from
         * @param classes the pool's labels this task uses
         */
        public Spec {
            if (classes.length < 2) {
                throw new IllegalArgumentException("task " + name + " needs at least two classes, got "
                        + Arrays.toString(classes));
            }
            for (int c : classes) {
                if (c < 0 || c >= pool.classes()) {
                    throw new IllegalArgumentException("task " + name + ": class " + c + " is not in 0.."
                            + (pool.classes() - 1) + " of " + pool.description());
                }
            }
            if (Arrays.stream(classes).distinct().count() != classes.length) {
                throw new IllegalArgumentException("task " + name + " lists a class twice: " + Arrays.toString(classes));
            }
            classes = classes.clone();
        }
    }

    /** Examples per class in each split. */
    public record PerClass(int train, int validation, int test) {
        /**
         * Checks that no count is negative.
         *
         * @param train examples per class to train on
         * @param validation examples per class to validate on
         * @param test examples per class to test on
         */
        public PerClass {
            if (train < 1 || validation < 1 || test < 1) {
                throw new IllegalArgumentException("every split needs at least one example per class, got train "
                        + train + ", validation " + validation + ", test " + test);
            }
        }

        int total() {
            return train + validation + test;
        }
    }

    /** One task's three splits. */
    public record Task(String name, Dataset train, Dataset validation, Dataset test) {}

    private TaskSuite() {}

    /**
     * The default tasks from the data sets installed here, in the paper's structure: digits 0-4 and
     * digits 5-9 of MNIST, and three groups of Fashion-MNIST classes (tops: T-shirt, pullover, coat,
     * shirt; footwear: sandal, sneaker, ankle boot; and trouser, dress, bag).
     *
     * @param mnist MNIST's images
     * @param fashion Fashion-MNIST's images
     * @return the five task specifications
     */
    public static List<Spec> defaults(LabelledImages mnist, LabelledImages fashion) {
        return List.of(
                new Spec("digits 0-4", mnist, new int[] {0, 1, 2, 3, 4}),
                new Spec("digits 5-9", mnist, new int[] {5, 6, 7, 8, 9}),
                new Spec("tops", fashion, new int[] {0, 2, 4, 6}),
                new Spec("footwear", fashion, new int[] {5, 7, 9}),
                new Spec("trouser, dress, bag", fashion, new int[] {1, 3, 8}));
    }

    /**
     * The groups of classes of a single ten-class pool that {@link #fashion} and {@link #onePool} use:
     * classes 0-4, classes 5-9, and three groups of the Fashion-MNIST kinds (tops 0, 2, 4, 6; footwear
     * 5, 7, 9; trouser, dress, bag 1, 3, 8): five tasks of five, five, four, three and three classes, as in
     * {@link #defaults}.
     */
    private static final int[][] ONE_POOL_GROUPS = {{0, 1, 2, 3, 4}, {5, 6, 7, 8, 9}, {0, 2, 4, 6}, {5, 7, 9}, {1, 3, 8}};

    /**
     * Five tasks from Fashion-MNIST alone, for machines without MNIST, in the structure of
     * {@link #defaults}: Fashion-MNIST's classes 0-4 (T-shirt, trouser, pullover, dress, coat) and 5-9
     * (sandal, shirt, sneaker, bag, ankle boot) in place of the two halves of MNIST, and the same three
     * groups (tops; footwear; trouser, dress, bag). The halves and the groups share classes but, drawn
     * by {@link #draw}, never an image.
     *
     * @param fashion Fashion-MNIST's images
     * @return the five task specifications
     * @throws IllegalArgumentException if the pool has fewer than ten classes
     */
    public static List<Spec> fashion(LabelledImages fashion) {
        String[] names = {"Fashion 0-4", "Fashion 5-9", "tops", "footwear", "trouser, dress, bag"};
        List<Spec> specs = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            specs.add(new Spec(names[i], fashion, ONE_POOL_GROUPS[i]));
        }
        return specs;
    }

    /**
     * The tasks of {@link #fashion} from any pool of ten or more classes, named by their classes
     * ("classes 0-4", "classes 5-9", "classes 0, 2, 4, 6", ...): for a directory of images whose
     * classes this class knows nothing about.
     *
     * @param pool the images, labels 0..9 at least
     * @return the five task specifications
     * @throws IllegalArgumentException if the pool has fewer than ten classes
     */
    public static List<Spec> onePool(LabelledImages pool) {
        List<Spec> specs = new ArrayList<>();
        for (int[] group : ONE_POOL_GROUPS) {
            boolean range = group[group.length - 1] - group[0] == group.length - 1;
            String name = range ? "classes " + group[0] + "-" + group[group.length - 1]
                    : "classes " + String.join(", ", Arrays.stream(group).mapToObj(String::valueOf).toList());
            specs.add(new Spec(name, pool, group));
        }
        return specs;
    }

    /**
     * The first {@code classes} characters of each of the given alphabets, as tasks: the paper's data.
     *
     * @param alphabets the alphabets, one task each
     * @param classes characters per task
     * @return the task specifications
     */
    public static List<Spec> omniglot(List<Omniglot.Alphabet> alphabets, int classes) {
        List<Spec> specs = new ArrayList<>();
        for (Omniglot.Alphabet a : alphabets) {
            if (a.characters().size() < classes) {
                throw new IllegalArgumentException("alphabet " + a.name() + " has " + a.characters().size()
                        + " characters, fewer than the " + classes + " asked for");
            }
            int[] c = new int[classes];
            Arrays.setAll(c, k -> k);
            specs.add(new Spec(a.name(), a.images(), c));
        }
        return specs;
    }

    /**
     * A class-balanced sample of every task: for each class, {@code perClass.total()} distinct images
     * drawn without replacement (seeded; task i uses seed + i), the first ones for training, then
     * validation, then test. Every task gets as many outputs as the task with the most classes. Tasks
     * that use the same class of the same pool take consecutive, disjoint runs of one seeded order of
     * that class's images (the order of the first such task), so no two tasks share an image; tasks
     * that share no class of a pool are drawn exactly as each would be alone.
     *
     * @throws IllegalArgumentException naming the task and class when a pool has too few images (for
     *     a class several tasks use, fewer than they need together)
     * @param specs the tasks
     * @param perClass examples per class in each split
     * @param seed the seed of the draw
     * @return the tasks with their splits
     */
    public static List<Task> draw(List<Spec> specs, PerClass perClass, long seed) {
        if (specs.isEmpty()) {
            throw new IllegalArgumentException("no tasks to draw");
        }
        int outputs = 0, side = -1, width = -1;
        for (Spec s : specs) {
            outputs = Math.max(outputs, s.classes().length);
            if (side >= 0 && (s.pool().height() != side || s.pool().width() != width)) {
                throw new IllegalArgumentException("task " + s.name() + " has " + s.pool().height() + " x "
                        + s.pool().width() + " images but the first task has " + side + " x " + width
                        + "; the tasks' networks share one shape");
            }
            side = s.pool().height();
            width = s.pool().width();
        }
        checkEnoughImages(specs, perClass);
        Map<LabelledImages, Map<Integer, ClassOrder>> orders = new IdentityHashMap<>();
        List<Task> tasks = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            tasks.add(drawOne(specs.get(i), perClass, seed + i, outputs, orders));
        }
        return tasks;
    }

    /** One class of one pool in a seeded order, and how much of it earlier tasks have taken. */
    private static final class ClassOrder {
        final int[] images;
        int taken;

        ClassOrder(int[] images) {
            this.images = images;
        }
    }

    /** Every (pool, class) holds the images of all tasks that use it, before anything is drawn. */
    private static void checkEnoughImages(List<Spec> specs, PerClass perClass) {
        Map<LabelledImages, Map<Integer, List<String>>> users = new IdentityHashMap<>();
        for (Spec s : specs) {
            for (int c : s.classes()) {
                users.computeIfAbsent(s.pool(), p -> new LinkedHashMap<>()).computeIfAbsent(c, k -> new ArrayList<>())
                        .add(s.name());
            }
        }
        for (Spec s : specs) {
            for (int c : s.classes()) {
                List<String> tasks = users.get(s.pool()).get(c);
                int have = s.pool().labelCounts()[c], need = perClass.total() * tasks.size();
                if (have < need) {
                    throw new IllegalArgumentException(tasks.size() == 1
                            ? "task " + s.name() + ": class " + c + " has " + have + " images in " + s.pool().description()
                                    + ", fewer than the " + perClass.total()
                                    + " per class asked for (train + validation + test)"
                            : "tasks " + String.join(", ", tasks) + ": class " + c + " has " + have + " images in "
                                    + s.pool().description() + ", fewer than the " + need + " these " + tasks.size()
                                    + " tasks need together (" + perClass.total()
                                    + " each: train + validation + test; tasks never share an image)");
                }
            }
        }
    }

    private static Task drawOne(Spec spec, PerClass perClass, long seed, int outputs,
            Map<LabelledImages, Map<Integer, ClassOrder>> orders) {
        LabelledImages pool = spec.pool();
        Map<Integer, ClassOrder> ofPool = orders.computeIfAbsent(pool, p -> new LinkedHashMap<>());
        int[][] byClass = new int[spec.classes().length][];
        for (int k = 0; k < byClass.length; k++) {
            int kk = k;
            ClassOrder order = ofPool.computeIfAbsent(spec.classes()[k], c -> {
                int[] images = indicesOf(pool, c);
                shuffle(images, new SplittableRandom(seed * 1_000_003L + kk));
                return new ClassOrder(images);
            });
            byClass[k] = Arrays.copyOfRange(order.images, order.taken, order.taken + perClass.total());
            order.taken += perClass.total();
        }
        return new Task(spec.name(),
                take(pool, spec, byClass, 0, perClass.train(), outputs),
                take(pool, spec, byClass, perClass.train(), perClass.validation(), outputs),
                take(pool, spec, byClass, perClass.train() + perClass.validation(), perClass.test(), outputs));
    }

    private static int[] indicesOf(LabelledImages pool, int label) {
        int[] out = new int[pool.labelCounts()[label]];
        int n = 0;
        for (int i = 0; i < pool.size(); i++) {
            if (pool.label(i) == label) {
                out[n++] = i;
            }
        }
        return out;
    }

    private static void shuffle(int[] a, SplittableRandom random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /** Examples from..from+count of every class, interleaved class by class, relabelled 0..c-1. */
    private static Dataset take(LabelledImages pool, Spec spec, int[][] byClass, int from, int count, int outputs) {
        int classes = byClass.length, p = pool.pixelsPerImage();
        double[] pixels = new double[classes * count * p];
        int[] labels = new int[classes * count];
        int row = 0;
        for (int r = 0; r < count; r++) {
            for (int k = 0; k < classes; k++) {
                int image = byClass[k][from + r];
                for (int q = 0; q < p; q++) {
                    pixels[row * p + q] = pool.pixel(image, q) / 255.0;
                }
                labels[row++] = k;
            }
        }
        return Dataset.wrap(pixels, labels, pool.height(), pool.width(), outputs);
    }

    /**
     * The tasks followed by a copy of each with every image rotated by 90 degrees (named "... rotated").
     *
     * @param tasks the tasks
     * @return the tasks and their rotated copies, twice as many
     */
    public static List<Task> withRotations(List<Task> tasks) {
        List<Task> out = new ArrayList<>(tasks);
        for (Task t : tasks) {
            out.add(new Task(t.name() + " rotated", rotate(t.train()), rotate(t.validation()), rotate(t.test())));
        }
        return out;
    }

    /** Every image turned a quarter turn counter-clockwise: pixel (y, x) moves to (w - 1 - x, y). */
    static Dataset rotate(Dataset d) {
        int h = d.height(), w = d.width(), p = h * w;
        double[] in = d.pixels(), out = new double[in.length];
        for (int n = 0; n < d.size(); n++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    out[n * p + (w - 1 - x) * h + y] = in[n * p + y * w + x];
                }
            }
        }
        return Dataset.wrap(out, d.labels(), w, h, d.classes());
    }
}
