package org.supertickets.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.IntFunction;
import java.util.zip.GZIPInputStream;
import org.supertickets.io.FreeHeap;
import org.supertickets.io.NonRegularFile;

/**
 * Reads the IDX format of MNIST and Fashion-MNIST, gzip-compressed (recognised by the bytes {@code 1f 8b}) or
 * raw: big-endian ints, magic 2051 for images (count, rows, cols, then one unsigned byte per pixel) and 2049 for
 * labels (count, then one byte per label). Every header is checked against the bytes that actually follow
 * before the pixel array is allocated, so a corrupt header cannot exhaust memory.
 */
public final class IdxReader {

    static final int IMAGES_MAGIC = 2051;
    static final int LABELS_MAGIC = 2049;
    /** Headers beyond this are corrupt rather than big datasets (and would not fit one Java array anyway). */
    private static final int MAX_SIDE = 4096;
    private static final int HEADER_BYTES = 16;
    private static final int LABELS_HEADER_BYTES = 8;
    private static final String REPLACE = "replace it with an intact copy (re-download, or restore it from the "
            + "repository)";

    private IdxReader() {
    }

    /**
     * What a caller will use of an image file, known before its body is read: the image size the config expects
     * and which images it keeps. A gzip file of a megabyte can declare gigabytes of pixels, so both are checked
     * against the header, and only the kept images are ever held as floats.
     *
     * @param height     expected rows ({@code data.height}); 0 = any
     * @param width      expected columns ({@code data.width}); 0 = any
     * @param keep       given the declared image count, the indices of the images to keep in the order wanted, or
     *                   null for all of them in file order
     * @param limitField the config field that limits how many images are used (named in the fix when they do not
     *                   fit into memory), e.g. {@code data.trainLimit}
     */
    record Use(int height, int width, IntFunction<int[]> keep, String limitField) {

        /** Every image, of any size. */
        static final Use ALL = new Use(0, 0, count -> null, "data.trainLimit");
    }

    /**
     * Reads matching image and label files, every image of any size.
     *
     * @param name    dataset name for the result and messages
     * @param images  {@code *-images-idx3-ubyte(.gz)}
     * @param labels  {@code *-labels-idx1-ubyte(.gz)}
     * @param classes number of classes ({@code data.classes}); every label must be below it
     */
    public static ImageDataset read(String name, Path images, Path labels, int classes) throws DatasetException {
        return read(name, images, labels, classes, Use.ALL);
    }

    /**
     * Reads the images {@code use} keeps, with their labels. The image size is checked against {@code use} and the
     * kept pixels against the free heap before the body is read; the body is then streamed one image at a time
     * straight into the float array, and reading stops after the last kept image.
     */
    static ImageDataset read(String name, Path images, Path labels, int classes, Use use) throws DatasetException {
        int[] labelValues = readLabels(labels, classes);
        try (DataInputStream in = open(images)) {
            int magic = in.readInt();
            if (magic != IMAGES_MAGIC) {
                throw new DatasetException(images, "magic number " + magic + " is not " + IMAGES_MAGIC
                        + " (IDX images)" + (magic == LABELS_MAGIC ? "; this is a label file" : ""),
                        "point at the *-images-idx3-ubyte(.gz) file");
            }
            int count = in.readInt();
            int rows = in.readInt();
            int cols = in.readInt();
            if (count < 0 || rows <= 0 || cols <= 0 || rows > MAX_SIDE || cols > MAX_SIDE) {
                throw new DatasetException(images, "the header declares " + count + " images of " + rows + "x" + cols
                        + ", which is impossible", REPLACE);
            }
            checkSize(name, images, rows, cols, use);
            if (count != labelValues.length) {
                throw new DatasetException(images, "holds " + count + " images but " + labels + " holds "
                        + labelValues.length + " labels", "use the image and label files of the same split");
            }
            int perImage = rows * cols;
            long declared = (long) count * perImage;
            long rawBytes = rawSize(images);
            if (rawBytes >= 0 && rawBytes - HEADER_BYTES < declared) {
                throw truncated(images, count, rows, cols, declared, Math.max(0, rawBytes - HEADER_BYTES));
            }
            int[] kept = use.keep().apply(count);
            int keptCount = kept == null ? count : kept.length;
            long keptPixels = (long) keptCount * perImage;
            if (keptPixels > Integer.MAX_VALUE - 8) {
                throw new DatasetException(images, "the header declares " + count + " images of " + rows + "x" + cols
                        + " = " + declared + " pixels, more than one array can hold",
                        "set " + use.limitField() + " to at most " + (Integer.MAX_VALUE - 8) / perImage
                        + ", or use a smaller file");
            }
            checkHeap(images, count, rows, cols, keptPixels, use.limitField());
            // Where each image of the file goes in the result (-1 = not kept), and the last one worth reading.
            int[] slot = new int[count];
            int last = count - 1;
            if (kept != null) {
                java.util.Arrays.fill(slot, -1);
                last = -1;
                for (int k = 0; k < kept.length; k++) {
                    slot[kept[k]] = k;
                    last = Math.max(last, kept[k]);
                }
            } else {
                for (int i = 0; i < count; i++) {
                    slot[i] = i;
                }
            }
            float[] pixels = new float[(int) keptPixels];
            int[] keptLabels = new int[keptCount];
            byte[] image = new byte[perImage];
            for (int i = 0; i <= last; i++) {
                int n = in.readNBytes(image, 0, perImage);
                if (n < perImage) {
                    throw truncated(images, count, rows, cols, declared, (long) i * perImage + n);
                }
                if (slot[i] < 0) {
                    continue;
                }
                int base = slot[i] * perImage;
                for (int k = 0; k < perImage; k++) {
                    pixels[base + k] = (image[k] & 0xff) / 255f;
                }
                keptLabels[slot[i]] = labelValues[i];
            }
            return new ImageDataset(name, 1, rows, cols, classes, pixels, keptLabels);
        } catch (EOFException e) {
            throw new DatasetException(images, "the file ends early (truncated download?)", REPLACE);
        } catch (IOException e) {
            throw new DatasetException(images, "cannot be read (" + e.getMessage() + ")", REPLACE);
        }
    }

    /** Images of another size than the config's are refused before their body is read, however many there are. */
    private static void checkSize(String name, Path images, int rows, int cols, Use use) throws DatasetException {
        boolean tall = use.height() > 0 && use.height() != rows;
        boolean wide = use.width() > 0 && use.width() != cols;
        if (tall && wide) {
            throw new DatasetException(images, "data.height and data.width: the config says " + use.height() + "x"
                    + use.width() + " but " + name + " has images of " + rows + "x" + cols, "set data.height to "
                    + rows + " and data.width to " + cols + ", or point data.path at the dataset you meant");
        }
        if (tall || wide) {
            String field = tall ? "data.height" : "data.width";
            int configured = tall ? use.height() : use.width();
            int actual = tall ? rows : cols;
            throw new DatasetException(images, field + ": the config says " + configured + " but " + name + " has "
                    + actual + " (images of " + rows + "x" + cols + ")", "set " + field + " to " + actual
                    + ", or point data.path at the dataset you meant");
        }
    }

    /**
     * Refuses images whose floats would not fit into the free heap. Twice the floats are asked for: preparing the
     * splits copies the kept images once more (training and validation subsets) while the originals are held.
     */
    private static void checkHeap(Path images, int count, int rows, int cols, long keptPixels, String limitField)
            throws DatasetException {
        long need = keptPixels * Float.BYTES * 2;
        if (FreeHeap.fits(need)) {
            return;
        }
        long free = FreeHeap.available();
        long fitting = Math.max(0, free / ((long) rows * cols * Float.BYTES * 2));
        throw new DatasetException(images, String.format(java.util.Locale.ROOT, "the header declares %d images of "
                + "%dx%d; using %d of them needs about %.1f MB of memory, more than the %.1f MB this process has free",
                count, rows, cols, keptPixels / ((long) rows * cols), need / 1e6, free / 1e6),
                "set " + limitField + " to at most " + fitting + " to use fewer images, or give Java more memory "
                + "(-Xmx, or JAVA_TOOL_OPTIONS=-Xmx8g); if the file should not be this large, its header may be "
                + "forged: " + REPLACE);
    }

    private static DatasetException truncatedLabels(Path labels, int count, long follow) {
        return new DatasetException(labels, "the header declares " + count + " labels but only " + follow
                + " bytes follow (truncated download?)", REPLACE);
    }

    private static DatasetException truncated(Path images, int count, int rows, int cols, long declared,
            long follow) {
        return new DatasetException(images, "the header declares " + count + " images of " + rows + "x" + cols
                + " (" + declared + " bytes) but only " + follow + " bytes follow (truncated download?)", REPLACE);
    }

    /** The size of an uncompressed file (its header can be checked against it up front); -1 for a gzip file. */
    private static long rawSize(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.read() == 0x1f && in.read() == 0x8b ? -1 : Files.size(file);
        }
    }

    /** Reads an IDX label file and checks every label is in {@code 0..classes-1}. */
    static int[] readLabels(Path labels, int classes) throws DatasetException {
        try (DataInputStream in = open(labels)) {
            int magic = in.readInt();
            if (magic != LABELS_MAGIC) {
                throw new DatasetException(labels, "magic number " + magic + " is not " + LABELS_MAGIC
                        + " (IDX labels)" + (magic == IMAGES_MAGIC ? "; this is an image file" : ""),
                        "point at the *-labels-idx1-ubyte(.gz) file");
            }
            int count = in.readInt();
            if (count < 0) {
                throw new DatasetException(labels, "the header declares " + count + " labels", REPLACE);
            }
            long rawBytes = rawSize(labels);
            if (rawBytes >= 0 && rawBytes - LABELS_HEADER_BYTES < count) {
                throw truncatedLabels(labels, count, Math.max(0, rawBytes - LABELS_HEADER_BYTES));
            }
            // The labels, the reader's slot map and the loader's shuffle each hold one int per declared image.
            long need = (long) count * Integer.BYTES * 3;
            if (!FreeHeap.fits(need)) {
                throw new DatasetException(labels, String.format(java.util.Locale.ROOT, "the header declares %d "
                        + "labels, which need about %.1f MB of memory, more than the %.1f MB this process has free",
                        count, need / 1e6, FreeHeap.available() / 1e6), "give Java more memory (-Xmx, or "
                        + "JAVA_TOOL_OPTIONS=-Xmx8g); if the file should not be this large, its header may be forged: "
                        + REPLACE);
            }
            int[] values = new int[count];
            byte[] chunk = new byte[(int) Math.min(count, 1 << 16)];
            for (int read = 0; read < count;) {
                int n = in.readNBytes(chunk, 0, Math.min(chunk.length, count - read));
                for (int k = 0; k < n; k++) {
                    values[read + k] = chunk[k] & 0xff;
                }
                read += n;
                if (n == 0) {
                    throw truncatedLabels(labels, count, read);
                }
            }
            int firstBad = -1;
            int max = 0;
            for (int i = 0; i < count; i++) {
                max = Math.max(max, values[i]);
                if (values[i] >= classes && firstBad < 0) {
                    firstBad = i;
                }
            }
            if (firstBad >= 0) {
                throw new DatasetException(labels, "label " + values[firstBad] + " at position " + firstBad
                        + " is outside 0.." + (classes - 1) + " (data.classes = " + classes + ")",
                        "set data.classes to " + (max + 1) + " (the largest label + 1), or use the label file that "
                        + "belongs to these images");
            }
            return values;
        } catch (EOFException e) {
            throw new DatasetException(labels, "the file ends early (truncated download?)", REPLACE);
        } catch (IOException e) {
            throw new DatasetException(labels, "cannot be read (" + e.getMessage() + ")", REPLACE);
        }
    }

    private static DataInputStream open(Path file) throws IOException, DatasetException {
        java.util.Optional<String> notAFile = NonRegularFile.describe(file);
        if (notAFile.isPresent()) {
            throw new DatasetException(file, Files.exists(file) ? notAFile.get() : "file not found",
                    "check data.path, or restore the file");
        }
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        raw.mark(2);
        int b1 = raw.read();
        int b2 = raw.read();
        raw.reset();
        boolean gzip = b1 == 0x1f && b2 == 0x8b;
        return new DataInputStream(gzip ? new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16) : raw);
    }
}
