package org.supertickets.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
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
    private static final String REPLACE = "replace it with an intact copy (re-download, or restore it from the "
            + "repository)";

    private IdxReader() {
    }

    /**
     * Reads matching image and label files.
     *
     * @param name    dataset name for the result and messages
     * @param images  {@code *-images-idx3-ubyte(.gz)}
     * @param labels  {@code *-labels-idx1-ubyte(.gz)}
     * @param classes number of classes ({@code data.classes}); every label must be below it
     */
    public static ImageDataset read(String name, Path images, Path labels, int classes) throws DatasetException {
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
            if (count != labelValues.length) {
                throw new DatasetException(images, "holds " + count + " images but " + labels + " holds "
                        + labelValues.length + " labels", "use the image and label files of the same split");
            }
            long declared = (long) count * rows * cols;
            if (declared > Integer.MAX_VALUE - 8) {
                throw new DatasetException(images, "the header declares " + count + " images of " + rows + "x" + cols
                        + " = " + declared + " pixels, more than one array can hold", "use a smaller file");
            }
            // readNBytes grows its buffer as bytes arrive, so a lying header costs no more than the file holds.
            byte[] body = in.readNBytes((int) declared);
            if (body.length < declared) {
                throw new DatasetException(images, "the header declares " + count + " images of " + rows + "x" + cols
                        + " (" + declared + " bytes) but only " + body.length + " bytes follow (truncated download?)",
                        REPLACE);
            }
            float[] pixels = new float[body.length];
            for (int i = 0; i < body.length; i++) {
                pixels[i] = (body[i] & 0xff) / 255f;
            }
            return new ImageDataset(name, 1, rows, cols, classes, pixels, labelValues);
        } catch (EOFException e) {
            throw new DatasetException(images, "the file ends early (truncated download?)", REPLACE);
        } catch (IOException e) {
            throw new DatasetException(images, "cannot be read (" + e.getMessage() + ")", REPLACE);
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
            byte[] bytes = in.readNBytes(count);
            if (bytes.length < count) {
                throw new DatasetException(labels, "the header declares " + count + " labels but only "
                        + bytes.length + " bytes follow (truncated download?)", REPLACE);
            }
            int[] values = new int[count];
            int firstBad = -1;
            int max = 0;
            for (int i = 0; i < count; i++) {
                values[i] = bytes[i] & 0xff;
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
