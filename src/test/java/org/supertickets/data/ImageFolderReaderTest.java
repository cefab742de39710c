package org.supertickets.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.supertickets.data.Fixtures.png;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supertickets.space.DataConfig;

class ImageFolderReaderTest {

    private static final int RED = 0xff0000;
    private static final int BLUE = 0x0000ff;

    @TempDir
    Path dir;

    @Test
    void readsTrainAndTestFoldersWithSortedClassNames() throws Exception {
        // "dog" is written first; the sorted names still make "cat" class 0.
        png(dir.resolve("train/dog/a.png"), 10, 6, BLUE);
        png(dir.resolve("train/cat/a.png"), 10, 6, RED);
        png(dir.resolve("train/cat/b.png"), 3, 3, RED);
        png(dir.resolve("test/cat/c.png"), 12, 12, RED);
        png(dir.resolve("test/dog/d.png"), 12, 12, BLUE);
        Files.writeString(dir.resolve("train/cat/.DS_Store"), "not an image, but hidden");
        Files.createDirectories(dir.resolve("train/.thumbnails"));

        assertTrue(ImageFolderReader.hasTrainTestFolders(dir));
        TrainTestSets sets = ImageFolderReader.readTrainTest(dir, 3, 8, 8);

        assertEquals(3, sets.train().size());
        assertEquals(2, sets.train().classes());
        assertArrayEquals(new int[] {0, 0, 1}, sets.train().labels());
        assertArrayEquals(new int[] {0, 1}, sets.test().labels());
        assertEquals(3 * 8 * 8, sets.train().pixelsPerImage());
        // A solid colour survives the resize exactly: image 0 is red, image 2 blue, as R, G, B planes.
        float[] px = sets.train().pixels();
        assertEquals(1f, px[5], 0f);
        assertEquals(0f, px[64 + 5], 0f);
        assertEquals(0f, px[128 + 5], 0f);
        assertEquals(0f, px[2 * 192 + 5], 0f);
        assertEquals(1f, px[2 * 192 + 128 + 5], 0f);
    }

    @Test
    void convertsToLuminanceAndResizesBilinearly() throws Exception {
        // 16x16, white left half and black right half, read as 1 channel of 4x4.
        BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 8; x++) {
                image.getRaster().setSample(x, y, 0, 255);
            }
        }
        Path file = dir.resolve("half.bmp");
        assertTrue(ImageIO.write(image, "bmp", file.toFile()));
        float[] grey = ImageFolderReader.load(file, 1, 4, 4);
        assertEquals(16, grey.length);
        for (int y = 0; y < 4; y++) {
            assertEquals(1f, grey[y * 4], 1e-6, "left column is white");
            assertEquals(0f, grey[y * 4 + 3], 1e-6, "right column is black");
        }
        png(dir.resolve("red.png"), 5, 5, RED);
        assertEquals(0.299f, ImageFolderReader.load(dir.resolve("red.png"), 1, 2, 2)[3], 1e-6);
    }

    @Test
    void classFoldersWithoutTrainAndTestGetAFixedTestHoldOut() throws Exception {
        for (int i = 0; i < 5; i++) {
            png(dir.resolve("ants/" + i + ".png"), 4, 4, i);
            png(dir.resolve("bees/" + i + ".png"), 4, 4, 0x100 * i);
        }
        assertFalse(ImageFolderReader.hasTrainTestFolders(dir));
        DataConfig config = new DataConfig("image-folder", dir.toString(), 3, 4, 4, 2, 0.0, 0, 0, false);

        PreparedData a = DatasetLoader.load(config, 1);
        PreparedData b = DatasetLoader.load(config, 2);

        assertEquals(8, a.train().size());
        assertEquals(2, a.test().size());
        assertArrayEquals(a.test().pixels(), b.test().pixels(), "the test hold-out does not depend on the run seed");
        Set<String> all = new HashSet<>();
        for (ImageDataset d : new ImageDataset[] {a.train(), a.test()}) {
            for (int i = 0; i < d.size(); i++) {
                all.add(d.labels()[i] + ":" + d.pixels()[i * 48 + 16] + "," + d.pixels()[i * 48 + 32]);
            }
        }
        assertEquals(10, all.size(), "train and test together hold every image once");
        assertArrayEquals(a.test().pixels(), DatasetLoader.loadTest(config, 1).pixels(),
                "the test split alone is the same hold-out");
    }

    /** ImageIO's PNG reader wraps what is not an I/O error as "Caught exception during read: " (shapes as it does). */
    @Test
    void anUnreadableImageGetsARealReason() {
        String empty = "Caught exception during read: ";
        assertEquals("Index 7 out of bounds for length 4", ImageFolderReader.reason(new javax.imageio.IIOException(
                empty, new ArrayIndexOutOfBoundsException("Index 7 out of bounds for length 4"))));
        assertEquals("not a readable PNG, JPEG, BMP or GIF image", ImageFolderReader.reason(
                new javax.imageio.IIOException(empty, new NegativeArraySizeException())));
        assertTrue(ImageFolderReader.reason(new javax.imageio.IIOException(empty, new OutOfMemoryError(
                "Java heap space"))).contains("more pixels than fit into the memory"));
        assertTrue(ImageFolderReader.reason(new javax.imageio.IIOException("I/O error reading PNG header!",
                new java.io.EOFException())).contains("ends early"));
    }
}
