package org.supertickets.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reads the IDX format of MNIST and Fashion-MNIST (gzip-compressed or raw): big-endian ints, magic 2051 for
 * images (count, rows, cols, then unsigned bytes) and 2049 for labels (count, then bytes).
 */
public final class IdxReader {

    private static final int IMAGES_MAGIC = 2051;
    private static final int LABELS_MAGIC = 2049;
    private static final int MAX_IMAGES = 10_000_000;

    private IdxReader() {
    }

    public static ImageDataset read(String name, Path images, Path labels, int classes) throws DatasetException {
        int[] labelValues = readLabels(labels, classes);
        try (DataInputStream in = open(images)) {
            int magic = in.readInt();
            if (magic != IMAGES_MAGIC) {
                throw new DatasetException(images + ": magic number " + magic + " is not " + IMAGES_MAGIC
                        + " (IDX images). Fix: point at the *-images-idx3-ubyte(.gz) file.");
            }
            int count = in.readInt();
            int rows = in.readInt();
            int cols = in.readInt();
            if (count < 0 || count > MAX_IMAGES || rows <= 0 || cols <= 0 || rows > 4096 || cols > 4096) {
                throw new DatasetException(images + ": header says " + count + " images of " + rows + "x" + cols
                        + ", which is not plausible. Fix: replace the file with an intact copy.");
            }
            if (count != labelValues.length) {
                throw new DatasetException(images + ": holds " + count + " images but " + labels + " holds "
                        + labelValues.length + " labels. Fix: use matching image and label files.");
            }
            long values = (long) count * rows * cols;
            if (values > Integer.MAX_VALUE - 8) {
                throw new DatasetException(images + ": " + values + " pixels do not fit in memory in one array.");
            }
            float[] pixels = new float[(int) values];
            byte[] row = new byte[rows * cols];
            for (int i = 0; i < count; i++) {
                in.readFully(row);
                for (int j = 0; j < row.length; j++) {
                    pixels[i * row.length + j] = (row[j] & 0xff) / 255f;
                }
            }
            return new ImageDataset(name, 1, rows, cols, classes, pixels, labelValues);
        } catch (EOFException e) {
            throw new DatasetException(images + ": file ends early (truncated download?). Fix: replace it with a "
                    + "complete copy.");
        } catch (IOException e) {
            throw new DatasetException(images + ": cannot be read (" + e.getMessage() + ").");
        }
    }

    static int[] readLabels(Path labels, int classes) throws DatasetException {
        try (DataInputStream in = open(labels)) {
            int magic = in.readInt();
            if (magic != LABELS_MAGIC) {
                throw new DatasetException(labels + ": magic number " + magic + " is not " + LABELS_MAGIC
                        + " (IDX labels). Fix: point at the *-labels-idx1-ubyte(.gz) file.");
            }
            int count = in.readInt();
            if (count < 0 || count > MAX_IMAGES) {
                throw new DatasetException(labels + ": header says " + count + " labels, which is not plausible.");
            }
            int[] values = new int[count];
            byte[] bytes = new byte[count];
            in.readFully(bytes);
            for (int i = 0; i < count; i++) {
                values[i] = bytes[i] & 0xff;
                if (values[i] >= classes) {
                    throw new DatasetException(labels + ": label " + values[i] + " at position " + i
                            + " is outside 0.." + (classes - 1) + ". Fix: set data.classes to the number of classes"
                            + " in the files.");
                }
            }
            return values;
        } catch (EOFException e) {
            throw new DatasetException(labels + ": file ends early (truncated download?). Fix: replace it with a "
                    + "complete copy.");
        } catch (IOException e) {
            throw new DatasetException(labels + ": cannot be read (" + e.getMessage() + ").");
        }
    }

    private static DataInputStream open(Path file) throws IOException, DatasetException {
        if (!Files.isRegularFile(file)) {
            throw new DatasetException(file + ": file not found. Fix: check data.path, or restore the file.");
        }
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        raw.mark(2);
        int b1 = raw.read();
        int b2 = raw.read();
        raw.reset();
        InputStream in = b1 == 0x1f && b2 == 0x8b ? new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16)
                : raw;
        return new DataInputStream(in);
    }
}
