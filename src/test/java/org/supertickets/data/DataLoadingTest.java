package org.supertickets.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supertickets.space.DataConfig;

class DataLoadingTest {

    @TempDir
    Path dir;

    private static byte[] idxImages(int count, int rows, int cols) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(2051);
        out.writeInt(count);
        out.writeInt(rows);
        out.writeInt(cols);
        for (int i = 0; i < count * rows * cols; i++) {
            out.writeByte(i % 256);
        }
        return bytes.toByteArray();
    }

    private static byte[] idxLabels(int... labels) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(2049);
        out.writeInt(labels.length);
        for (int l : labels) {
            out.writeByte(l);
        }
        return bytes.toByteArray();
    }

    private static void gzip(Path file, byte[] content) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(content);
        }
    }

    @Test
    void readsRawAndGzipIdxIdentically() throws Exception {
        Files.write(dir.resolve("i.raw"), idxImages(3, 2, 2));
        Files.write(dir.resolve("l.raw"), idxLabels(0, 1, 2));
        gzip(dir.resolve("i.gz"), idxImages(3, 2, 2));
        gzip(dir.resolve("l.gz"), idxLabels(0, 1, 2));
        ImageDataset raw = IdxReader.read("t", dir.resolve("i.raw"), dir.resolve("l.raw"), 10);
        ImageDataset gz = IdxReader.read("t", dir.resolve("i.gz"), dir.resolve("l.gz"), 10);
        assertEquals(3, raw.size());
        assertEquals(2, raw.height());
        assertArrayEquals(raw.pixels(), gz.pixels());
        assertEquals(5 / 255f, raw.pixels()[5], 1e-7);
        assertArrayEquals(new int[] {0, 1, 2}, gz.labels());
    }

    @Test
    void malformedIdxFilesNameTheFileAndTheProblem() throws Exception {
        Files.write(dir.resolve("l"), idxLabels(0, 1, 2));
        byte[] images = idxImages(3, 2, 2);
        Files.write(dir.resolve("truncated"), Arrays.copyOf(images, images.length - 3));
        assertMessage(() -> IdxReader.read("t", dir.resolve("truncated"), dir.resolve("l"), 10), "truncated",
                "ends early");
        Files.write(dir.resolve("swapped"), idxLabels(0, 1, 2));
        assertMessage(() -> IdxReader.read("t", dir.resolve("swapped"), dir.resolve("l"), 10), "swapped", "2051");
        Files.write(dir.resolve("four"), idxImages(4, 2, 2));
        assertMessage(() -> IdxReader.read("t", dir.resolve("four"), dir.resolve("l"), 10), "four", "3 labels");
        Files.write(dir.resolve("l11"), idxLabels(0, 11, 2));
        Files.write(dir.resolve("three"), images);
        assertMessage(() -> IdxReader.read("t", dir.resolve("three"), dir.resolve("l11"), 10), "l11", "label 11");
        assertMessage(() -> IdxReader.read("t", dir.resolve("missing"), dir.resolve("l"), 10), "missing",
                "not found");
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable e, String... parts) {
        DatasetException ex = assertThrows(DatasetException.class, e);
        for (String p : parts) {
            assertTrue(ex.getMessage().contains(p), ex.getMessage() + " lacks " + p);
        }
        assertTrue(ex.getMessage().contains("Fix") || ex.getMessage().contains("not found"), ex.getMessage());
    }

    @Test
    void readsCifarBinaryAndRejectsATruncatedBatch() throws Exception {
        Path cifar = dir.resolve("cifar-10-batches-bin");
        Files.createDirectories(cifar);
        byte[] record = new byte[3073];
        record[0] = 7;
        record[1] = (byte) 255;
        for (int i = 1; i <= 5; i++) {
            Files.write(cifar.resolve("data_batch_" + i + ".bin"), record);
        }
        Files.write(cifar.resolve("test_batch.bin"), record);
        ImageDataset[] sets = Cifar10BinaryReader.read(dir);
        assertEquals(5, sets[0].size());
        assertEquals(7, sets[0].labels()[0]);
        assertEquals(1f, sets[0].pixels()[0]);
        assertEquals(3, sets[1].channels());
        Files.write(cifar.resolve("data_batch_3.bin"), Arrays.copyOf(record, 3000));
        assertMessage(() -> Cifar10BinaryReader.read(dir), "data_batch_3.bin", "multiple of 3073");
    }

    @Test
    void readsAnImageFolderAndRejectsANonImage() throws Exception {
        for (String cls : new String[] {"cat", "dog"}) {
            Path d = dir.resolve("imgs/train/" + cls);
            Files.createDirectories(d);
            Files.createDirectories(dir.resolve("imgs/test/" + cls));
            BufferedImage img = new BufferedImage(10, 6, BufferedImage.TYPE_INT_RGB);
            img.setRGB(0, 0, cls.equals("cat") ? 0xff0000 : 0x0000ff);
            ImageIO.write(img, "png", d.resolve("a.png").toFile());
            ImageIO.write(img, "png", dir.resolve("imgs/test/" + cls + "/b.png").toFile());
        }
        ImageDataset[] sets = ImageFolderReader.read(dir.resolve("imgs"), 3, 8, 8);
        assertEquals(2, sets[0].size());
        assertEquals(2, sets[0].classes());
        assertArrayEquals(new int[] {0, 1}, sets[0].labels());
        assertEquals(3 * 8 * 8, sets[0].pixelsPerImage());
        Files.writeString(dir.resolve("imgs/train/cat/notes.txt"), "hello");
        assertMessage(() -> ImageFolderReader.read(dir.resolve("imgs"), 1, 8, 8), "notes.txt", "not an image");
    }

    @Test
    void embeddedFashionMnistIsComplete() throws Exception {
        PreparedData data = DatasetLoader.load(new DataConfig("fashion-mnist", null, 1, 28, 28, 10, 0.1, 0, 0,
                false), 1995);
        assertEquals(54000, data.train().size());
        assertEquals(6000, data.validation().size());
        assertEquals(10000, data.test().size());
        double mean = 0;
        for (float v : data.train().pixels()) {
            mean += v;
        }
        assertEquals(0.2860, mean / data.train().pixels().length, 0.002);
        assertEquals(0.2860, data.normalization().mean()[0], 0.002);
        assertEquals(0.3530, data.normalization().std()[0], 0.002);
    }

    @Test
    void embeddedMnistHoldsTheConvertedSubset() throws Exception {
        PreparedData data = DatasetLoader.load(new DataConfig("mnist", null, 1, 28, 28, 10, 0.0, 0, 0, false), 1);
        assertEquals(8500, data.train().size());
        assertEquals(1500, data.test().size());
        int[] perClass = new int[10];
        for (int label : data.test().labels()) {
            perClass[label]++;
        }
        for (int count : perClass) {
            assertTrue(count > 100, "every digit is in the test split: " + Arrays.toString(perClass));
        }
    }

    @Test
    void splitsAndOrdersArePureFunctionsOfTheSeed() throws Exception {
        DataConfig small = new DataConfig("fashion-mnist", null, 1, 28, 28, 10, 0.2, 500, 100, false);
        PreparedData a = DatasetLoader.load(small, 1);
        PreparedData b = DatasetLoader.load(small, 1);
        PreparedData c = DatasetLoader.load(small, 2);
        assertEquals(400, a.train().size());
        assertEquals(100, a.validation().size());
        assertEquals(100, a.test().size());
        assertArrayEquals(a.train().labels(), b.train().labels());
        assertArrayEquals(a.validation().pixels(), b.validation().pixels());
        assertNotEquals(Arrays.toString(a.train().labels()), Arrays.toString(c.train().labels()));
        int[] order = BatchAssembler.epochOrder(50, 3, 4);
        assertArrayEquals(order, BatchAssembler.epochOrder(50, 3, 4));
        assertArrayEquals(java.util.stream.IntStream.range(0, 50).toArray(), Arrays.stream(order).sorted().toArray());
        assertNotEquals(Arrays.toString(order), Arrays.toString(BatchAssembler.epochOrder(50, 3, 5)));
    }

    @Test
    void shapeMismatchNamesTheConfigField() {
        DataConfig wrong = new DataConfig("fashion-mnist", null, 1, 32, 32, 10, 0.1, 100, 100, false);
        assertMessage(() -> DatasetLoader.load(wrong, 1), "data.height", "28");
    }

    @Test
    void augmentationIsDeterministicAndKeepsTheImageInPlaceOnAverage() {
        float[] src = new float[2 * 8 * 8];
        for (int i = 0; i < src.length; i++) {
            src[i] = i;
        }
        float[] a = new float[64];
        float[] b = new float[64];
        new Augmentation(5).apply(src, 64, a, 0, 1, 8, 8, 2, 3, 1);
        new Augmentation(5).apply(src, 64, b, 0, 1, 8, 8, 2, 3, 1);
        assertArrayEquals(a, b);
        float[] other = new float[64];
        boolean anyDifferent = false;
        for (int slot = 0; slot < 10 && !anyDifferent; slot++) {
            new Augmentation(5).apply(src, 64, other, 0, 1, 8, 8, 2, 3, 2 + slot);
            anyDifferent = !Arrays.equals(a, other);
        }
        assertTrue(anyDifferent, "different images get different crops");
    }
}
