package io.github.hypergrad4j.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Omniglot reader on small archives of PNGs in the official layout, written by the test. */
class OmniglotTest {
    @TempDir
    Path dir;

    /** A 105 x 105 1-bit drawing, white, with columns 0..ink-1 black (ink 0: blank). */
    static byte[] png(int ink) throws IOException {
        BufferedImage image = new BufferedImage(105, 105, BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 0; y < 105; y++) {
            for (int x = 0; x < 105; x++) {
                image.setRGB(x, y, x < ink ? 0xff000000 : 0xffffffff);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    static Path zip(Path file, Map<String, byte[]> entries) throws IOException {
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(file))) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return file;
    }

    /** Two alphabets written out of order, with a folder entry and a stray file as real zips have. */
    Path fixture() throws IOException {
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("images_background/Zeta/", new byte[0]);
        m.put("images_background/Zeta/character02/0002_01.png", png(105));
        m.put("images_background/Zeta/character01/0001_02.png", png(15));
        m.put("images_background/Zeta/character01/0001_01.png", png(0));
        m.put("images_background/Alpha/character01/0100_01.png", png(15));
        m.put("images_background/Alpha/.DS_Store", new byte[] {1, 2, 3});
        return zip(dir.resolve("images_background.zip"), m);
    }

    @Test
    void readsAlphabetsAsTasksSortedByNameWithCharactersAsLabels() throws IOException {
        List<Omniglot.Alphabet> alphabets = Omniglot.read(fixture(), Omniglot.SIDE);
        assertThat(alphabets).extracting(Omniglot.Alphabet::name).containsExactly("Alpha", "Zeta");
        Omniglot.Alphabet zeta = alphabets.get(1);
        assertThat(zeta.characters()).containsExactly("character01", "character02");
        LabelledImages images = zeta.images();
        assertThat(images.size()).isEqualTo(3);
        assertThat(images.height()).isEqualTo(28);
        assertThat(images.classes()).isEqualTo(2);
        // Drawings in name order: 0001_01 (blank), 0001_02 (15 black columns), then character02 (all black).
        assertThat(new int[] {images.label(0), images.label(1), images.label(2)}).containsExactly(0, 0, 1);
        for (int q = 0; q < 28 * 28; q++) {
            assertThat(images.pixel(0, q)).isZero();
            assertThat(images.pixel(2, q)).isEqualTo(255);
        }
        // 105 / 28 = 3.75 source columns per output column: 15 black columns are exactly 4 output columns of ink.
        for (int y = 0; y < 28; y++) {
            for (int x = 0; x < 28; x++) {
                assertThat(images.pixel(1, y * 28 + x)).as("(%d, %d)", y, x).isEqualTo(x < 4 ? 255 : 0);
            }
        }
    }

    @Test
    void areaAveragingKeepsPartlyCoveredPixelsAsGrey() throws IOException {
        // 2 black columns of 105: output column 0 covers 3.75 columns, 2 of them black.
        Path zip = zip(dir.resolve("a.zip"), Map.of("images_background/A/character01/1.png", png(2)));
        LabelledImages images = Omniglot.read(zip, 28).get(0).images();
        assertThat(images.pixel(0, 0)).isEqualTo((int) Math.round(255 * 2 / 3.75));
        assertThat(images.pixel(0, 1)).isZero();
    }

    @Test
    void archivesThatAreNotOmniglotsLayoutOrAreDamagedAreRefusedNamingTheEntry() throws IOException {
        Path flat = zip(dir.resolve("flat.zip"), Map.of("character01/1.png", png(3)));
        assertThatThrownBy(() -> Omniglot.read(flat, 28)).hasMessageContaining("entry 'character01/1.png'")
                .hasMessageContaining("<archive>/<alphabet>/<character>/<drawing>.png");
        Path broken = zip(dir.resolve("broken.zip"), Map.of("images_background/A/character01/1.png", new byte[] {1, 2, 3}));
        assertThatThrownBy(() -> Omniglot.read(broken, 28)).hasMessageContaining("not a readable PNG")
                .hasMessageContaining("download it again");
        Path empty = zip(dir.resolve("empty.zip"), Map.of("readme.txt", new byte[] {1}));
        assertThatThrownBy(() -> Omniglot.read(empty, 28)).hasMessageContaining("holds no PNG images");
        Path notZip = Files.write(dir.resolve("images_evaluation.zip"), new byte[] {1, 2, 3, 4});
        assertThatThrownBy(() -> Omniglot.read(notZip, 28)).hasMessageContaining("not a readable zip archive");
    }

    @Test
    void locateUsesTheCachedArchiveAndOtherwiseSaysHowToGetIt() throws IOException {
        assertThatThrownBy(() -> Omniglot.locate(Omniglot.Archive.BACKGROUND, dir, null))
                .isInstanceOf(DatasetNotFoundException.class)
                .hasMessageContaining("images_background.zip").hasMessageContaining(Omniglot.Archive.BACKGROUND.md5());
        Path cached = fixture();
        assertThat(Omniglot.locate(Omniglot.Archive.BACKGROUND, dir, null)).isEqualTo(cached);
    }

    @Test
    void downloadsAreVerifiedAgainstTheirMd5() throws IOException {
        byte[] content = Files.readAllBytes(fixture());
        Path cache = dir.resolve("cache");
        try (LocalMirror mirror = new LocalMirror()) {
            mirror.serve("images_background.zip", content);
            MnistDownloader d = new MnistDownloader(List.of(mirror.base()), Duration.ofSeconds(2), Duration.ofSeconds(5), 1);
            String md5 = MnistDownloader.digestOf(dir.resolve("images_background.zip"), "MD5");
            assertThatThrownBy(() -> d.fetch("images_background.zip", "MD5", "0".repeat(32), cache))
                    .isInstanceOf(DownloadException.class).hasMessageContaining("MD5 mismatch");
            Path got = d.fetch("images_background.zip", "MD5", md5, cache);
            assertThat(Omniglot.read(got, 28)).hasSize(2);
            assertThatThrownBy(() -> d.fetch("x.zip", "NO-SUCH-DIGEST", md5, cache))
                    .hasMessageContaining("unknown digest algorithm");
        }
    }
}
