package org.supertickets.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.supertickets.data.Fixtures.assertMessage;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supertickets.space.DataConfig;

/** mask-folder through {@link SegmentationLoader}, on folders written here: 3 rows x 4 columns, 5 classes. */
class MaskFolderReaderTest {

    private static final int H = 3;
    private static final int W = 4;

    @TempDir
    Path dir;

    private DataConfig config(Path folder) {
        return new DataConfig("mask-folder", folder.toString(), 1, H, W, 5, 0.0, 0, 0, false);
    }

    /** A grey image filled with {@code level}. */
    private static void image(Path file, int level) throws IOException {
        Fixtures.png(file, W, H, level << 16 | level << 8 | level);
    }

    /** An 8-bit grey mask: pixel (x, y) = {@code (x + y + shift) % 5}. */
    private static void greyMask(Path file, int width, int height, int shift) throws IOException {
        BufferedImage mask = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                mask.getRaster().setSample(x, y, 0, (x + y + shift) % 5);
            }
        }
        write(mask, file);
    }

    /** A palette mask whose indices are {@code (x + y + shift) % 5} and whose colours are unrelated to them. */
    private static void paletteMask(Path file, int shift) throws IOException {
        byte[] r = {(byte) 200, 0, 10, 20, 30};
        byte[] g = {0, (byte) 128, 40, 50, 60};
        byte[] b = {(byte) 255, 0, 70, 80, 90};
        BufferedImage mask = new BufferedImage(W, H, BufferedImage.TYPE_BYTE_INDEXED, new IndexColorModel(8, 5, r, g,
                b));
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                mask.getRaster().setSample(x, y, 0, (x + y + shift) % 5);
            }
        }
        write(mask, file);
    }

    private static void write(BufferedImage image, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new IllegalStateException("no png writer");
        }
    }

    private static int[] expectedMask(int shift) {
        int[] mask = new int[H * W];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                mask[y * W + x] = (x + y + shift) % 5;
            }
        }
        return mask;
    }

    /** {@code n} images {@code img<i>.png} of grey level {@code 10 * i} with grey masks shifted by {@code i}. */
    private Path pairs(Path folder, int n) throws IOException {
        for (int i = 0; i < n; i++) {
            image(folder.resolve("images/img" + i + ".png"), 10 * i);
            greyMask(folder.resolve("masks/img" + i + ".png"), W, H, i);
        }
        return folder;
    }

    @Test
    void readsTrainAndTestFoldersWithGreyAndPaletteMasks() throws Exception {
        image(dir.resolve("train/images/a.png"), 51);
        greyMask(dir.resolve("train/masks/a.png"), W, H, 0);
        image(dir.resolve("train/images/b.bmp"), 102);
        paletteMask(dir.resolve("train/masks/b.png"), 2);
        image(dir.resolve("test/images/c.png"), 255);
        paletteMask(dir.resolve("test/masks/c.png"), 4);
        Files.writeString(dir.resolve("train/images/.DS_Store"), "hidden files are skipped");
        PreparedSegmentationData data = SegmentationLoader.load(config(dir), 1);
        assertEquals(2, data.train().size());
        assertEquals(1, data.test().size());
        assertEquals("mask-folder-train", data.train().name());
        // The training part comes in the validation split's seeded order: a is told from b by its grey level.
        int a = (data.train().pixels()[0] & 0xff) == 51 ? 0 : 1;
        assertArrayEquals(expectedMask(0), data.train().mask(a));
        assertArrayEquals(expectedMask(2), data.train().mask(1 - a), "palette index, not colour");
        assertArrayEquals(expectedMask(4), data.test().mask(0));
        assertEquals(51 / 255f, data.train().image(a)[W * H - 1], 1e-6);
        assertEquals(102 / 255f, data.train().image(1 - a)[W * H - 1], 1e-6);
        assertEquals(1f, data.test().image(0)[5], 1e-6);
    }

    @Test
    void holdsOutAFixedFifthAsTestWithoutTrainAndTestFolders() throws Exception {
        pairs(dir, 10);
        PreparedSegmentationData a = SegmentationLoader.load(config(dir), 1);
        PreparedSegmentationData b = SegmentationLoader.load(config(dir), 2);
        assertEquals(8, a.train().size());
        assertEquals(2, a.test().size());
        assertArrayEquals(a.test().pixels(), b.test().pixels(), "the test hold-out does not depend on the seed");
        Set<Integer> levels = new HashSet<>();
        for (SegmentationDataset split : new SegmentationDataset[] {a.train(), a.test()}) {
            for (int i = 0; i < split.size(); i++) {
                int level = split.pixels()[i * H * W] & 0xff;
                levels.add(level);
                assertArrayEquals(expectedMask(level / 10), split.mask(i), "each image keeps its own mask");
            }
        }
        assertEquals(10, levels.size());
    }

    @Test
    void refusesAMaskOfAnotherSize() throws Exception {
        pairs(dir, 2);
        greyMask(dir.resolve("masks/img1.png"), W + 1, H, 0);
        assertMessage(() -> SegmentationLoader.load(config(dir), 1), "masks/img1.png", "is 5x3", "its image is 4x3");
    }

    @Test
    void refusesAnImageOfAnotherSizeThanTheConfigInsteadOfResizing() throws Exception {
        pairs(dir, 2);
        Fixtures.png(dir.resolve("images/img0.png"), W, H + 2, 0);
        assertMessage(() -> SegmentationLoader.load(config(dir), 1), "images/img0.png", "does not resize",
                "data.height");
    }

    @Test
    void refusesAClassIndexOfDataClassesOrMore() throws Exception {
        pairs(dir, 2);
        DataConfig fourClasses = new DataConfig("mask-folder", dir.toString(), 1, H, W, 4, 0.0, 0, 0, false);
        assertMessage(() -> SegmentationLoader.load(fourClasses, 1), "masks/img0.png", "class index 4",
                "data.classes is 4", "set data.classes to at least 5");
    }

    @Test
    void refusesAMaskThatIsNotAnIndexedPng() throws Exception {
        pairs(dir, 2);
        Path mask = dir.resolve("masks/img1.png");
        ImageIO.write(new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB), "jpg", mask.toFile());
        assertMessage(() -> SegmentationLoader.load(config(dir), 1), "masks/img1.png", "is not a PNG");
        Files.write(mask, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 1, 2, 3});
        assertMessage(() -> SegmentationLoader.load(config(dir), 1), "masks/img1.png", "not a readable PNG");
        Fixtures.png(mask, W, H, 0x102030);
        assertMessage(() -> SegmentationLoader.load(config(dir), 1), "masks/img1.png", "not 8-bit grey or palette");
        Files.delete(mask);
        greyMask(dir.resolve("masks/img1.jpg"), W, H, 0);
        assertMessage(() -> SegmentationLoader.load(config(dir), 1), "masks/img1.jpg", "is not a PNG");
    }

    @Test
    void refusesAnImageWithoutAMaskAndAMaskWithoutAnImage() throws Exception {
        pairs(dir, 2);
        image(dir.resolve("images/lonely.png"), 3);
        assertMessage(() -> SegmentationLoader.load(config(dir), 1), "images/lonely.png", "has no mask",
                "masks/lonely.png");
        Files.delete(dir.resolve("images/lonely.png"));
        greyMask(dir.resolve("masks/stray.png"), W, H, 0);
        assertMessage(() -> SegmentationLoader.load(config(dir), 1), "masks/stray.png", "mask without an image");
    }

    @Test
    void refusesANamedPipeInsteadOfBlockingOnIt() throws Exception {
        pairs(dir, 2);
        Process mkfifo = new ProcessBuilder("mkfifo", dir.resolve("images/pipe.png").toString()).inheritIO().start();
        assertEquals(0, mkfifo.waitFor());
        assertMessage(() -> SegmentationLoader.load(config(dir), 1), "images/pipe.png", "named pipe");
    }

    @Test
    void refusesAFolderInNeitherLayout() throws Exception {
        Files.createDirectories(dir.resolve("images"));
        assertMessage(() -> SegmentationLoader.load(config(dir), 1), "mask-folder: " + dir,
                "neither images/ and masks/ nor train/ and test/");
        Files.createDirectories(dir.resolve("train"));
        assertMessage(() -> SegmentationLoader.load(config(dir), 1), "has train/ but no test/");
    }
}
