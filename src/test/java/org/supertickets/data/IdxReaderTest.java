package org.supertickets.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.supertickets.data.Fixtures.gzip;
import static org.supertickets.data.Fixtures.idxImages;
import static org.supertickets.data.Fixtures.idxLabels;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {

    @TempDir
    Path dir;

    @Test
    void readsRawAndGzipFilesIdentically() throws Exception {
        Files.write(dir.resolve("images"), idxImages(3, 2, 5));
        Files.write(dir.resolve("labels"), idxLabels(0, 9, 2));
        gzip(dir.resolve("images.gz"), idxImages(3, 2, 5));
        gzip(dir.resolve("labels.gz"), idxLabels(0, 9, 2));

        ImageDataset raw = IdxReader.read("t", dir.resolve("images"), dir.resolve("labels"), 10);
        ImageDataset gz = IdxReader.read("t", dir.resolve("images.gz"), dir.resolve("labels.gz"), 10);

        assertEquals(3, raw.size());
        assertEquals(1, raw.channels());
        assertEquals(2, raw.height());
        assertEquals(5, raw.width());
        assertEquals(10, raw.classes());
        assertArrayEquals(new int[] {0, 9, 2}, raw.labels());
        assertArrayEquals(raw.pixels(), gz.pixels());
        assertArrayEquals(raw.labels(), gz.labels());
        // image 2, pixel 4 = (2 + 4) % 256 = 6; row-major, so it is pixel (0, 4).
        assertEquals(6 / 255f, raw.pixels()[2 * 10 + 4], 0f);
    }

    @Test
    void scalesUnsignedBytesToTheUnitInterval() throws Exception {
        Files.write(dir.resolve("images"), idxImages(256, 1, 3));
        Files.write(dir.resolve("labels"), idxLabels(new int[256]));
        ImageDataset data = IdxReader.read("t", dir.resolve("images"), dir.resolve("labels"), 1);
        assertEquals(0f, data.pixels()[0]);
        assertEquals(1f, data.pixels()[255 * 3]);
        assertEquals(255, Fixtures.imageNumber(data, 255));
    }
}
