package org.supertickets.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the CIFAR-10 binary version: {@code data_batch_1..5.bin} (train) and {@code test_batch.bin}, each
 * record one label byte and 3072 pixel bytes (R, G, B planes of 32x32). The named folder may also contain
 * the folder {@code cifar-10-batches-bin} of the official archive.
 */
public final class Cifar10BinaryReader {

    private static final int RECORD = 1 + 3 * 32 * 32;
    private static final String FIX = " Fix: download the CIFAR-10 binary version (cifar-10-binary.tar.gz), unpack "
            + "it and set data.path to the folder holding data_batch_1.bin.";

    private Cifar10BinaryReader() {
    }

    /** The training and the test set. */
    public static ImageDataset[] read(Path folder) throws DatasetException {
        Path dir = folder;
        if (!Files.exists(dir.resolve("data_batch_1.bin")) && Files.isDirectory(dir.resolve("cifar-10-batches-bin"))) {
            dir = dir.resolve("cifar-10-batches-bin");
        }
        if (!Files.isDirectory(dir)) {
            throw new DatasetException("cifar10: " + folder + " is not a folder." + FIX);
        }
        List<Path> train = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            train.add(dir.resolve("data_batch_" + i + ".bin"));
        }
        return new ImageDataset[] {read("cifar10-train", train), read("cifar10-test", List.of(dir.resolve(
                "test_batch.bin")))};
    }

    static ImageDataset read(String name, List<Path> files) throws DatasetException {
        long records = 0;
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                throw new DatasetException("cifar10: " + f + ": file not found." + FIX);
            }
            try {
                long size = Files.size(f);
                if (size == 0 || size % RECORD != 0) {
                    throw new DatasetException("cifar10: " + f + ": length " + size + " is not a multiple of " + RECORD
                            + " bytes (truncated download?)." + FIX);
                }
                records += size / RECORD;
            } catch (IOException e) {
                throw new DatasetException("cifar10: " + f + ": cannot be read (" + e.getMessage() + ").");
            }
        }
        int pixelsPer = RECORD - 1;
        float[] pixels = new float[(int) (records * pixelsPer)];
        int[] labels = new int[(int) records];
        int n = 0;
        for (Path f : files) {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(f);
            } catch (IOException e) {
                throw new DatasetException("cifar10: " + f + ": cannot be read (" + e.getMessage() + ").");
            }
            for (int r = 0; r < bytes.length / RECORD; r++, n++) {
                int label = bytes[r * RECORD] & 0xff;
                if (label > 9) {
                    throw new DatasetException("cifar10: " + f + ": record " + r + " has label " + label
                            + " (CIFAR-10 labels are 0..9); this is not the CIFAR-10 binary version." + FIX);
                }
                labels[n] = label;
                for (int p = 0; p < pixelsPer; p++) {
                    pixels[n * pixelsPer + p] = (bytes[r * RECORD + 1 + p] & 0xff) / 255f;
                }
            }
        }
        return new ImageDataset(name, 3, 32, 32, 10, pixels, labels);
    }
}
