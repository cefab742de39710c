package org.supertickets.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.supertickets.data.Fixtures.cifarRecord;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Cifar10BinaryReaderTest {

    @TempDir
    Path dir;

    /** Batch {@code i} holds two records with labels {@code i} and {@code 9 - i}. */
    static void writeBatches(Path folder) throws Exception {
        Files.createDirectories(folder);
        for (int i = 1; i <= 5; i++) {
            ByteArrayOutputStream batch = new ByteArrayOutputStream();
            batch.write(cifarRecord(i, i));
            batch.write(cifarRecord(9 - i, 100 + i));
            Files.write(folder.resolve("data_batch_" + i + ".bin"), batch.toByteArray());
        }
        Files.write(folder.resolve("test_batch.bin"), cifarRecord(0, 200));
    }

    @Test
    void readsTheBatchesInOrderAsRgbPlanes() throws Exception {
        writeBatches(dir);
        TrainTestSets sets = Cifar10BinaryReader.read(dir);

        ImageDataset train = sets.train();
        assertEquals(10, train.size());
        assertEquals(3, train.channels());
        assertEquals(32, train.height());
        assertEquals(32, train.width());
        assertEquals(10, train.classes());
        assertArrayEquals(new int[] {1, 8, 2, 7, 3, 6, 4, 5, 5, 4}, train.labels());
        // Record 1 of batch 1 (seed 101): R(0,0) = 101, G(0,0) = 101 + 1024, B(31,31) = 101 + 3071 (mod 256).
        int image = 1 * 3072;
        assertEquals(101 / 255f, train.pixels()[image], 0f);
        assertEquals((101 + 1024) % 256 / 255f, train.pixels()[image + 1024], 0f);
        assertEquals((101 + 3071) % 256 / 255f, train.pixels()[image + 3071], 0f);
        assertEquals(1, sets.test().size());
        assertEquals(200 / 255f, sets.test().pixels()[0], 0f);
    }

    @Test
    void acceptsTheFolderOfTheOfficialArchive() throws Exception {
        writeBatches(dir.resolve("cifar-10-batches-bin"));
        TrainTestSets sets = Cifar10BinaryReader.read(dir);
        assertEquals(10, sets.train().size());
        assertEquals(1, sets.test().size());
    }
}
