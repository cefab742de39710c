package org.supertickets.data;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.function.Executable;
import org.supertickets.space.DataConfig;

/** Tiny dataset files written by the tests themselves, and the message assertion they share. */
final class Fixtures {

    private Fixtures() {
    }

    /**
     * IDX images whose first two pixels encode the image number ({@code i % 256}, {@code i / 256}), so a test can
     * tell which source image ended up where; the other pixels are {@code (i + k) % 256}.
     */
    static byte[] idxImages(int count, int rows, int cols) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(2051);
            out.writeInt(count);
            out.writeInt(rows);
            out.writeInt(cols);
            for (int i = 0; i < count; i++) {
                for (int k = 0; k < rows * cols; k++) {
                    out.writeByte(k == 0 ? i % 256 : k == 1 ? i / 256 : (i + k) % 256);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The image number {@link #idxImages} encoded in image {@code index} of {@code data}. */
    static int imageNumber(ImageDataset data, int index) {
        int p = data.pixelsPerImage();
        return Math.round(data.pixels()[index * p] * 255) + 256 * Math.round(data.pixels()[index * p + 1] * 255);
    }

    static byte[] idxLabels(int... labels) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(2049);
            out.writeInt(labels.length);
            for (int l : labels) {
                out.writeByte(l);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Labels {@code i % classes}. */
    static int[] cyclicLabels(int count, int classes) {
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = i % classes;
        }
        return labels;
    }

    static void gzip(Path file, byte[] content) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(content);
        }
    }

    /** The four standard gzip IDX files in {@code dir}: {@code train} and {@code test} images of 4x4, 10 classes. */
    static Path idxFolder(Path dir, int train, int test) throws IOException {
        Files.createDirectories(dir);
        gzip(dir.resolve("train-images-idx3-ubyte.gz"), idxImages(train, 4, 4));
        gzip(dir.resolve("train-labels-idx1-ubyte.gz"), idxLabels(cyclicLabels(train, 10)));
        gzip(dir.resolve("t10k-images-idx3-ubyte.gz"), idxImages(test, 4, 4));
        gzip(dir.resolve("t10k-labels-idx1-ubyte.gz"), idxLabels(cyclicLabels(test, 10)));
        return dir;
    }

    static DataConfig idxConfig(Path dir, double validationFraction, int trainLimit, int testLimit) {
        return new DataConfig("idx", dir.toString(), 1, 4, 4, 10, validationFraction, trainLimit, testLimit, false);
    }

    /** One CIFAR-10 record: the label, then pixel {@code k} = {@code (seed + k) % 256}. */
    static byte[] cifarRecord(int label, int seed) {
        byte[] record = new byte[3073];
        record[0] = (byte) label;
        for (int k = 0; k < 3072; k++) {
            record[1 + k] = (byte) ((seed + k) % 256);
        }
        return record;
    }

    static void png(Path file, int width, int height, int rgb) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, rgb);
            }
        }
        Files.createDirectories(file.getParent());
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new IllegalStateException("no png writer");
        }
    }

    /** Asserts a {@link DatasetException} whose message contains every part and a fix. */
    static DatasetException assertMessage(Executable action, String... parts) {
        DatasetException e = assertThrows(DatasetException.class, action);
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "'" + e.getMessage() + "' lacks '" + part + "'");
        }
        assertTrue(e.getMessage().contains("Fix: "), "'" + e.getMessage() + "' has no fix");
        return e;
    }
}
