package io.github.hypergrad4j.data;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import javax.imageio.ImageIO;

/**
 * Omniglot (Lake, Salakhutdinov and Tenenbaum): 1,623 handwritten characters from 50 alphabets, 20
 * drawings each, as distributed in the two official archives of PNGs, read with the alphabets as tasks.
 *
 * <p>Layout of an archive: {@code images_background/<alphabet>/character<NN>/<drawing>.png} (30
 * alphabets; {@code images_evaluation} holds the other 20), each PNG 105 x 105 with black strokes on
 * white. {@link #read(Path, int)} sorts alphabets, characters and drawings by name (so the result does
 * not depend on the order of the zip's entries), downsamples each image by area averaging, and stores
 * ink as bright (255 = stroke), like MNIST. Character k of an alphabet (in name order) has label k.
 */
public final class Omniglot {
    /** The repository of the data set's authors, from which torchvision downloads it too. */
    public static final URI MIRROR = URI.create("https://raw.githubusercontent.com/brendenlake/omniglot/master/python/");

    /** The side of the downsampled images, as in the reversible-learning paper and MNIST. */
    public static final int SIDE = 28;

    /**
     * The two official archives with the MD5 digests that torchvision (pytorch/vision,
     * torchvision/datasets/omniglot.py) pins for them; the authors publish no digest, and MD5 is the
     * only one anyone pins, so that is what a download is verified against.
     */
    public enum Archive {
        /** 30 alphabets, 964 characters. */
        BACKGROUND("images_background.zip", "68d2efa1b9178cc56df9314c21c6e718"),
        /** 20 alphabets, 659 characters. */
        EVALUATION("images_evaluation.zip", "6b91aef0f799c5bb55b94e3f2daec811");

        private final String fileName;
        private final String md5;

        Archive(String fileName, String md5) {
            this.fileName = fileName;
            this.md5 = md5;
        }

        public String fileName() {
            return fileName;
        }

        /** The expected MD5 in lower-case hex. */
        public String md5() {
            return md5;
        }
    }

    /**
     * One alphabet: its characters' folder names (label k is {@code characters.get(k)}) and the drawings.
     *
     * @param images every drawing of every character, SIDE x SIDE unsigned bytes, grouped by character
     */
    public record Alphabet(String name, List<String> characters, LabelledImages images) {}

    private Omniglot() {}

    /**
     * The archive's file in {@code directory} (e.g. {@code ~/.cache/hypergrad4j/omniglot}), downloaded
     * there and verified first if it is missing and a downloader is given.
     *
     * @param downloader null forbids downloading
     * @throws DatasetNotFoundException if the file is missing and may not be downloaded
     */
    public static Path locate(Archive archive, Path directory, MnistDownloader downloader) throws IOException {
        Path file = directory.resolve(archive.fileName());
        if (Files.isRegularFile(file)) {
            return file;
        }
        if (downloader == null) {
            throw new DatasetNotFoundException("Omniglot's " + archive.fileName() + " is not in " + directory
                    + ". Allow downloading (from " + MIRROR + "), or download it yourself and put it there"
                    + " (MD5 " + archive.md5() + ").", null);
        }
        return downloader.fetch(archive.fileName(), "MD5", archive.md5(), directory);
    }

    /** A downloader for {@link #MIRROR} with the public defaults' timeouts. */
    public static MnistDownloader downloader() {
        return new MnistDownloader(List.of(MIRROR), java.time.Duration.ofSeconds(30), java.time.Duration.ofMinutes(10), 2);
    }

    /**
     * Reads every alphabet of an archive, images downsampled to {@code side} x {@code side}.
     *
     * @throws IOException naming the entry when the archive is not Omniglot's layout or a PNG is broken
     */
    public static List<Alphabet> read(Path zip, int side) throws IOException {
        if (side < 1) {
            throw new IllegalArgumentException("image side must be positive, got " + side);
        }
        Map<String, Map<String, Map<String, byte[]>>> tree = new TreeMap<>();
        try (ZipFile file = open(zip)) {
            Enumeration<? extends ZipEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                String name = e.getName();
                if (e.isDirectory() || !name.toLowerCase(java.util.Locale.ROOT).endsWith(".png")) {
                    continue; // folders, and stray files such as .DS_Store
                }
                String[] parts = name.split("/");
                if (parts.length != 4) {
                    throw new IOException(zip + ": entry '" + name + "' is not <archive>/<alphabet>/<character>/<drawing>.png;"
                            + " this is not one of Omniglot's official archives (images_background.zip, images_evaluation.zip)");
                }
                byte[] image;
                try (InputStream in = file.getInputStream(e)) {
                    image = downsample(decode(zip, name, in.readAllBytes()), side);
                }
                tree.computeIfAbsent(parts[1], k -> new TreeMap<>()).computeIfAbsent(parts[2], k -> new TreeMap<>())
                        .put(parts[3], image);
            }
        }
        if (tree.isEmpty()) {
            throw new IOException(zip + " holds no PNG images; expected Omniglot's images_background.zip or"
                    + " images_evaluation.zip");
        }
        List<Alphabet> alphabets = new ArrayList<>();
        tree.forEach((alphabet, characters) -> alphabets.add(alphabet(zip, alphabet, characters, side)));
        return alphabets;
    }

    private static ZipFile open(Path zip) throws IOException {
        try {
            return new ZipFile(zip.toFile());
        } catch (ZipException e) {
            throw new IOException(zip + " is not a readable zip archive (" + e.getMessage() + "); delete it and"
                    + " download it again", e);
        }
    }

    private static Alphabet alphabet(Path zip, String name, Map<String, Map<String, byte[]>> characters, int side) {
        if (characters.size() > 256) {
            throw new IllegalArgumentException(zip + ": alphabet " + name + " has " + characters.size()
                    + " characters, more than the 256 labels a byte holds");
        }
        int count = 0;
        for (Map<String, byte[]> drawings : characters.values()) {
            count += drawings.size();
        }
        byte[] pixels = new byte[count * side * side];
        byte[] labels = new byte[count];
        int at = 0, label = 0;
        for (Map<String, byte[]> drawings : characters.values()) {
            for (byte[] image : drawings.values()) {
                System.arraycopy(image, 0, pixels, at * side * side, image.length);
                labels[at++] = (byte) label;
            }
            label++;
        }
        LabelledImages images = LabelledImages.of("Omniglot " + name + " from " + zip.getFileName(), pixels, labels,
                side, side, characters.size());
        return new Alphabet(name, List.copyOf(characters.keySet()), images);
    }

    private static BufferedImage decode(Path zip, String entry, byte[] png) throws IOException {
        BufferedImage image;
        try {
            image = ImageIO.read(new ByteArrayInputStream(png));
        } catch (IOException | RuntimeException e) {
            throw new IOException(zip + ": entry '" + entry + "' is not a readable PNG (" + e.getMessage()
                    + "); the archive is damaged: delete it and download it again", e);
        }
        if (image == null) {
            throw new IOException(zip + ": entry '" + entry + "' is not a readable PNG; the archive is damaged:"
                    + " delete it and download it again");
        }
        return image;
    }

    /**
     * Ink (1 - grey level) averaged over the area each output pixel covers, as bytes 0..255. Area
     * averaging keeps thin strokes visible, where picking every fourth pixel would drop them.
     */
    static byte[] downsample(BufferedImage image, int side) {
        int h = image.getHeight(), w = image.getWidth();
        double[] ink = new double[h * w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = image.getRGB(x, y);
                int grey = (((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff)) / 3;
                ink[y * w + x] = 1 - grey / 255.0;
            }
        }
        double[][] rows = coverage(side, h), cols = coverage(side, w);
        byte[] out = new byte[side * side];
        for (int i = 0; i < side; i++) {
            for (int j = 0; j < side; j++) {
                double s = 0;
                for (int y = 0; y < h; y++) {
                    if (rows[i][y] == 0) {
                        continue;
                    }
                    double r = 0;
                    for (int x = 0; x < w; x++) {
                        r += cols[j][x] * ink[y * w + x];
                    }
                    s += rows[i][y] * r;
                }
                out[i * side + j] = (byte) Math.round(255 * Math.min(1, Math.max(0, s)));
            }
        }
        return out;
    }

    /** c[i][k]: the share of output cell i (of n) that source pixel k (of m) covers; each row sums to 1. */
    private static double[][] coverage(int n, int m) {
        double[][] c = new double[n][m];
        double cell = (double) m / n;
        for (int i = 0; i < n; i++) {
            double from = i * cell, to = (i + 1) * cell;
            for (int k = (int) Math.floor(from); k < Math.min(m, Math.ceil(to)); k++) {
                double overlap = Math.min(to, k + 1) - Math.max(from, k);
                c[i][k] = Math.max(0, overlap) / cell;
            }
        }
        return c;
    }
}
