package org.supertickets.data;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/**
 * Gzip bombs in IDX format: a small {@code .gz} whose header declares far more pixels than fit into memory, the
 * body all zeros. Written in seconds: one block of zeros is compressed once and repeated as concatenated gzip
 * members, which a gzip reader takes as one stream.
 */
public final class IdxBombs {

    private static final int BLOCK = 16 << 20;

    private IdxBombs() {
    }

    /** An images file declaring {@code count} images of {@code rows x cols}, every pixel present (and zero). */
    public static void images(Path file, int count, int rows, int cols) throws IOException {
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(header)) {
            out.writeInt(IdxReader.IMAGES_MAGIC);
            out.writeInt(count);
            out.writeInt(rows);
            out.writeInt(cols);
        }
        write(file, header.toByteArray(), (long) count * rows * cols);
    }

    /** A labels file of {@code count} labels 0. */
    public static void labels(Path file, int count) throws IOException {
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(header)) {
            out.writeInt(IdxReader.LABELS_MAGIC);
            out.writeInt(count);
        }
        write(file, header.toByteArray(), count);
    }

    /**
     * An IDX folder whose training images are a bomb of {@code count} images of {@code rows x cols}; its test split
     * is 10 ordinary images of 28x28.
     */
    public static Path folder(Path dir, int count, int rows, int cols) throws IOException {
        Files.createDirectories(dir);
        images(dir.resolve(DatasetLoader.TRAIN_IMAGES + ".gz"), count, rows, cols);
        labels(dir.resolve(DatasetLoader.TRAIN_LABELS + ".gz"), count);
        Fixtures.gzip(dir.resolve(DatasetLoader.TEST_IMAGES + ".gz"), Fixtures.idxImages(10, 28, 28));
        Fixtures.gzip(dir.resolve(DatasetLoader.TEST_LABELS + ".gz"), Fixtures.idxLabels(new int[10]));
        return dir;
    }

    private static void write(Path file, byte[] header, long zeros) throws IOException {
        byte[] block = member(new byte[BLOCK]);
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(member(header));
            for (long left = zeros; left > 0; left -= BLOCK) {
                out.write(left >= BLOCK ? block : member(new byte[(int) left]));
            }
        }
    }

    private static byte[] member(byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(content);
        }
        return bytes.toByteArray();
    }
}
