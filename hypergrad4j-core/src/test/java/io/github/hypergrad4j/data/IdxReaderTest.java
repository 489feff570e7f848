package io.github.hypergrad4j.data;

import static io.github.hypergrad4j.data.IdxFixtures.gzip;
import static io.github.hypergrad4j.data.IdxFixtures.idx;
import static io.github.hypergrad4j.data.IdxFixtures.images;
import static io.github.hypergrad4j.data.IdxFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {
    @TempDir
    Path dir;

    @Test
    void readsRawFile() throws Exception {
        IdxFile f = IdxReader.read(write(dir, "img-idx3-ubyte", images(3, 2, 5)));
        assertThat(f.type()).isEqualTo(IdxType.UNSIGNED_BYTE);
        assertThat(f.dims()).containsExactly(3, 2, 5);
        assertThat(f.copyData()).hasSize(30);
        assertThat(f.copyData()[12] & 0xff).isEqualTo(1 * 31 + 2); // byte 12 = image 1, pixel 2
    }

    @Test
    void readsGzipDetectedByMagicBytesWhateverTheName() throws Exception {
        byte[] raw = images(3, 2, 5);
        IdxFile named = IdxReader.read(write(dir, "a.gz", gzip(raw)));
        IdxFile unnamed = IdxReader.read(write(dir, "b-idx3-ubyte", gzip(raw)));
        assertThat(named.copyData()).isEqualTo(Arrays.copyOfRange(raw, 16, raw.length));
        assertThat(unnamed.copyData()).isEqualTo(named.copyData());
    }

    @Test
    void readsOtherElementTypes() throws Exception {
        IdxFile f = IdxReader.read(write(dir, "ints", idx(0x0C, new int[] {2}, new byte[] {0, 0, 0, 7, 0, 0, 1, 0})));
        assertThat(f.type()).isEqualTo(IdxType.INT);
        assertThat(f.dims()).containsExactly(2);
    }

    @Test
    void missingFile() {
        assertThatThrownBy(() -> IdxReader.read(dir.resolve("nope")))
                .isInstanceOf(NoSuchFileException.class).hasMessageContaining("nope");
    }

    @Test
    void emptyFile() {
        Path f = write(dir, "empty", new byte[0]);
        assertThatThrownBy(() -> IdxReader.read(f)).isInstanceOf(IdxFormatException.class)
                .hasMessageStartingWith(f.toString()).hasMessageContaining("is empty")
                .hasMessageContaining("download it again");
    }

    @Test
    void emptyGzipStream() {
        Path f = write(dir, "empty.gz", gzip(new byte[0]));
        assertThatThrownBy(() -> IdxReader.read(f)).isInstanceOf(IdxFormatException.class)
                .hasMessageContaining("truncated").hasMessageContaining("0 uncompressed bytes");
    }

    @Test
    void truncatedInMagic() {
        Path f = write(dir, "short", new byte[] {0, 0, 8});
        assertThatThrownBy(() -> IdxReader.read(f)).hasMessageContaining("truncated")
                .hasMessageContaining("3 bytes");
    }

    @Test
    void truncatedInDimensions() {
        Path f = write(dir, "short", Arrays.copyOf(images(3, 2, 5), 10));
        assertThatThrownBy(() -> IdxReader.read(f)).isInstanceOf(IdxFormatException.class)
                .hasMessageContaining("truncated inside its header").hasMessageContaining("3 dimensions need 12");
    }

    @Test
    void truncatedPayloadRaw() {
        byte[] full = images(3, 2, 5);
        Path f = write(dir, "short", Arrays.copyOf(full, full.length - 7));
        assertThatThrownBy(() -> IdxReader.read(f)).isInstanceOf(IdxFormatException.class)
                .hasMessageContaining("is truncated").hasMessageContaining("[3, 2, 5]")
                .hasMessageContaining("30 bytes of data").hasMessageContaining("only 23");
    }

    @Test
    void truncatedPayloadInsideCompleteGzip() {
        byte[] full = images(3, 2, 5);
        Path f = write(dir, "short.gz", gzip(Arrays.copyOf(full, full.length - 7)));
        assertThatThrownBy(() -> IdxReader.read(f)).isInstanceOf(IdxFormatException.class)
                .hasMessageContaining("is truncated").hasMessageContaining("30 uncompressed bytes")
                .hasMessageContaining("only 23");
    }

    @Test
    void gzipFileCutShort() {
        byte[] gz = gzip(images(50, 28, 28));
        Path f = write(dir, "cut.gz", Arrays.copyOf(gz, gz.length / 2));
        assertThatThrownBy(() -> IdxReader.read(f)).isInstanceOf(IdxFormatException.class)
                .hasMessageContaining("truncated").hasMessageContaining("download it again");
    }

    @Test
    void wrongMagic() {
        byte[] b = images(1, 2, 2);
        b[0] = 'P';
        b[1] = 'K';
        Path f = write(dir, "zip", b);
        assertThatThrownBy(() -> IdxReader.read(f)).isInstanceOf(IdxFormatException.class)
                .hasMessageContaining("wrong magic number 0x504B0803")
                .hasMessageContaining("not an IDX file");
    }

    @Test
    void unknownElementType() {
        Path f = write(dir, "t", idx(0x07, new int[] {1}, new byte[] {1}));
        assertThatThrownBy(() -> IdxReader.read(f)).isInstanceOf(IdxFormatException.class)
                .hasMessageContaining("unknown element type 0x07")
                .hasMessageContaining("unsigned byte (0x08)");
    }

    @Test
    void wrongElementTypeForWhatTheCallerNeeds() throws Exception {
        Path f = write(dir, "t", idx(0x0D, new int[] {1}, new byte[4]));
        IdxFile file = IdxReader.read(f);
        assertThatThrownBy(() -> file.require(IdxType.UNSIGNED_BYTE, 1, "labels"))
                .isInstanceOf(IdxFormatException.class)
                .hasMessageContaining("wrong element type: 32-bit float (0x0D)")
                .hasMessageContaining("labels must be unsigned byte (0x08)");
    }

    @Test
    void wrongRankForWhatTheCallerNeeds() throws Exception {
        IdxFile file = IdxReader.read(write(dir, "t", images(2, 2, 2)));
        assertThatThrownBy(() -> file.require(IdxType.UNSIGNED_BYTE, 1, "labels"))
                .hasMessageContaining("3 dimensions [2, 2, 2]").hasMessageContaining("must have 1");
    }

    @Test
    void zeroDimensions() {
        Path f = write(dir, "t", new byte[] {0, 0, 8, 0});
        assertThatThrownBy(() -> IdxReader.read(f)).hasMessageContaining("declares 0 dimensions");
    }

    @Test
    void zeroSizeDimension() {
        Path f = write(dir, "t", idx(0x08, new int[] {5, 0, 28}, new byte[0]));
        assertThatThrownBy(() -> IdxReader.read(f)).isInstanceOf(IdxFormatException.class)
                .hasMessageContaining("dimension 1 of size 0").hasMessageContaining("holds no data");
    }

    @Test
    void absurdDimensionFailsWithoutAllocatingIt() {
        Path raw = write(dir, "t", idx(0x08, new int[] {-1}, new byte[3]));
        assertThatThrownBy(() -> IdxReader.read(raw)).hasMessageContaining("size 4294967295")
                .hasMessageContaining("larger than one Java array");
        // 2 x 1e9 bytes fits the int limit only once: the product overflows it.
        Path big = write(dir, "u.gz", gzip(idx(0x0E, new int[] {1000, 1000, 1000}, new byte[16])));
        assertThatThrownBy(() -> IdxReader.read(big)).hasMessageContaining("larger than one Java array");
        // 1.9e9 declared bytes but a tiny gzip: fails as truncated, after reading only what is there.
        Path claim = write(dir, "v.gz", gzip(idx(0x08, new int[] {1_900_000_000}, new byte[16])));
        assertThatThrownBy(() -> IdxReader.read(claim)).hasMessageContaining("truncated")
                .hasMessageContaining("only 16");
    }

    @Test
    void trailingDataRaw() {
        byte[] full = images(3, 2, 5);
        Path f = write(dir, "long", Arrays.copyOf(full, full.length + 5));
        assertThatThrownBy(() -> IdxReader.read(f)).isInstanceOf(IdxFormatException.class)
                .hasMessageContaining("too much data").hasMessageContaining("35 follow the header (5 extra)");
    }

    @Test
    void trailingDataGzip() {
        byte[] full = images(3, 2, 5);
        Path f = write(dir, "long.gz", gzip(Arrays.copyOf(full, full.length + 1)));
        assertThatThrownBy(() -> IdxReader.read(f)).isInstanceOf(IdxFormatException.class)
                .hasMessageContaining("too much data").hasMessageContaining("(1 extra)");
    }

    @Test
    void namedGzButNotGzip() {
        Path f = write(dir, "t10k-images-idx3-ubyte.gz", images(1, 2, 2));
        assertThatThrownBy(() -> IdxReader.read(f)).isInstanceOf(IdxFormatException.class)
                .hasMessageContaining("named .gz but is not gzip data: it starts with 00 00 where gzip starts"
                        + " with 1f 8b")
                .hasMessageContaining("remove the .gz");
    }

    @Test
    void corruptDeflateData() {
        byte[] gz = gzip(images(20, 28, 28));
        for (int i = 20; i < 60; i++) {
            gz[i] = (byte) 0xff;
        }
        Path f = write(dir, "bad.gz", gz);
        assertThatThrownBy(() -> IdxReader.read(f)).isInstanceOf(IdxFormatException.class)
                .hasMessageContaining("damaged gzip data");
    }

    @Test
    void corruptChecksumInGzipTrailer() {
        byte[] gz = gzip(images(3, 2, 5));
        gz[gz.length - 8] ^= 1; // first byte of the CRC-32: the data inflates fine but does not match it
        Path f = write(dir, "crc.gz", gz);
        assertThatThrownBy(() -> IdxReader.read(f)).isInstanceOf(IdxFormatException.class)
                .hasMessageContaining("damaged gzip data");
    }
}
