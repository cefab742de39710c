package org.supertickets.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.supertickets.io.NonRegularFile;

/**
 * Reads the CIFAR-10 binary version: {@code data_batch_1.bin .. data_batch_5.bin} (training) and
 * {@code test_batch.bin} (test), each a sequence of records of one label byte (0..9) and 3072 pixel bytes
 * (the R, G and B planes of a 32x32 image, row-major). The named folder may hold these files or the folder
 * {@code cifar-10-batches-bin} of the official archive.
 */
public final class Cifar10BinaryReader {

    /** Folder name inside the official {@code cifar-10-binary.tar.gz}. */
    public static final String ARCHIVE_FOLDER = "cifar-10-batches-bin";
    /** The test set's file. */
    static final String TEST_BATCH = "test_batch.bin";
    private static final int SIDE = 32;
    private static final int PIXELS = 3 * SIDE * SIDE;
    private static final int RECORD = 1 + PIXELS;
    private static final int CLASSES = 10;
    private static final String FIX = "re-download the CIFAR-10 binary version (cifar-10-binary.tar.gz), unpack it "
            + "and point data.path at the folder holding data_batch_1.bin (or at a complete copy)";

    private Cifar10BinaryReader() {
    }

    /** The training set (five batches) and the test set. */
    public static TrainTestSets read(Path folder) throws DatasetException {
        if (!Files.isDirectory(folder)) {
            throw new DatasetException("cifar10: " + folder, "is not a folder (data.path)", "set data.path to the "
                    + "folder holding data_batch_1.bin or " + ARCHIVE_FOLDER + "/");
        }
        Path dir = batchFolder(folder);
        List<Path> train = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            train.add(dir.resolve("data_batch_" + i + ".bin"));
        }
        return new TrainTestSets(read("cifar10-train", train), read("cifar10-test", List.of(dir.resolve(
                TEST_BATCH))));
    }

    /** The folder holding the batch files: {@code folder}, or its unpacked archive folder when only that has them. */
    static Path batchFolder(Path folder) {
        boolean nested = !Files.exists(folder.resolve("data_batch_1.bin"))
                && Files.isDirectory(folder.resolve(ARCHIVE_FOLDER));
        return nested ? folder.resolve(ARCHIVE_FOLDER) : folder;
    }

    /** Reads and concatenates the given batch files. */
    static ImageDataset read(String name, List<Path> files) throws DatasetException {
        long records = 0;
        for (Path f : files) {
            long size = size(f);
            if (size == 0 || size % RECORD != 0) {
                throw new DatasetException("cifar10: " + f, "length " + size + " is not a multiple of " + RECORD
                        + " bytes (truncated download?)", FIX);
            }
            records += size / RECORD;
        }
        if (records * PIXELS > Integer.MAX_VALUE - 8) {
            throw new DatasetException("cifar10: " + files.get(0).getParent(), records + " images are more than "
                    + "one array can hold", "use only the standard batch files");
        }
        float[] pixels = new float[(int) (records * PIXELS)];
        int[] labels = new int[(int) records];
        int n = 0;
        for (Path f : files) {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(f);
            } catch (IOException e) {
                throw new DatasetException("cifar10: " + f, "cannot be read (" + e.getMessage() + ")", FIX);
            }
            if (bytes.length != size(f)) {
                throw new DatasetException("cifar10: " + f, "changed while it was read", "retry when it is complete");
            }
            for (int r = 0; r < bytes.length / RECORD; r++, n++) {
                int label = bytes[r * RECORD] & 0xff;
                if (label >= CLASSES) {
                    throw new DatasetException("cifar10: " + f, "record " + r + " has label " + label
                            + ", CIFAR-10 labels are 0..9 (is this the CIFAR-100 or the Python version?)", FIX);
                }
                labels[n] = label;
                int from = r * RECORD + 1;
                int to = n * PIXELS;
                for (int p = 0; p < PIXELS; p++) {
                    pixels[to + p] = (bytes[from + p] & 0xff) / 255f;
                }
            }
        }
        return new ImageDataset(name, 3, SIDE, SIDE, CLASSES, pixels, labels);
    }

    private static long size(Path f) throws DatasetException {
        java.util.Optional<String> notAFile = NonRegularFile.describe(f);
        if (notAFile.isPresent()) {
            throw new DatasetException("cifar10: " + f, Files.exists(f) ? notAFile.get() : "file not found", FIX);
        }
        try {
            return Files.size(f);
        } catch (IOException e) {
            throw new DatasetException("cifar10: " + f, "cannot be read (" + e.getMessage() + ")", FIX);
        }
    }
}
