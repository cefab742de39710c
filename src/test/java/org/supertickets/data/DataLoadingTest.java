package org.supertickets.data;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.supertickets.data.Fixtures.assertMessage;
import static org.supertickets.data.Fixtures.cifarRecord;
import static org.supertickets.data.Fixtures.gzip;
import static org.supertickets.data.Fixtures.idxConfig;
import static org.supertickets.data.Fixtures.idxFolder;
import static org.supertickets.data.Fixtures.idxImages;
import static org.supertickets.data.Fixtures.idxLabels;
import static org.supertickets.data.Fixtures.png;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supertickets.space.DataConfig;

/** Every malformed input gives one message naming the file (or config field), the problem and a fix. */
class DataLoadingTest {

    @TempDir
    Path dir;

    private Path write(String name, byte[] content) throws Exception {
        return Files.write(dir.resolve(name), content);
    }

    @Test
    void idxWithTheWrongMagicNumber() throws Exception {
        Path labels = write("labels", idxLabels(0, 1, 2));
        Path swapped = write("swapped", idxLabels(0, 1, 2));
        assertMessage(() -> IdxReader.read("t", swapped, labels, 10), swapped.toString(), "magic number 2049",
                "not 2051", "label file");
        Path images = write("images", idxImages(3, 2, 2));
        assertMessage(() -> IdxReader.read("t", write("i", idxImages(3, 2, 2)), images, 10), images.toString(),
                "not 2049", "image file");
        Path text = write("text", "hello, world".getBytes());
        assertMessage(() -> IdxReader.read("t", images, text, 10), text.toString(), "magic number");
    }

    @Test
    void idxTruncatedRawAndGzip() throws Exception {
        Path labels = write("labels", idxLabels(0, 1, 2));
        byte[] images = idxImages(3, 2, 2);
        Path raw = write("raw", Arrays.copyOf(images, images.length - 3));
        assertMessage(() -> IdxReader.read("t", raw, labels, 10), raw.toString(), "(12 bytes) but only 9 bytes follow",
                "truncated");
        Path header = write("header", Arrays.copyOf(images, 10));
        assertMessage(() -> IdxReader.read("t", header, labels, 10), header.toString(), "ends early");
        Path shortLabels = write("shortLabels", Arrays.copyOf(idxLabels(0, 1, 2), 10));
        assertMessage(() -> IdxReader.read("t", raw, shortLabels, 10), shortLabels.toString(),
                "declares 3 labels but only 2 bytes follow");
        gzip(dir.resolve("full.gz"), idxImages(300, 28, 28));
        byte[] gz = Files.readAllBytes(dir.resolve("full.gz"));
        Path cut = write("cut.gz", Arrays.copyOf(gz, gz.length / 2));
        Path many = write("many", idxLabels(new int[300]));
        assertMessage(() -> IdxReader.read("t", cut, many, 10), cut.toString(), "truncated");
    }

    @Test
    void idxHeaderIsCheckedAgainstTheBytesBeforeAllocating() throws Exception {
        // 2.5 million images of 28x28 would need ~9 GB of floats: the reader must refuse before allocating.
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(2051);
        out.writeInt(2_500_000);
        out.writeInt(28);
        out.writeInt(28);
        out.write(new byte[100]);
        Path lying = write("lying", bytes.toByteArray());
        Path labels = write("labels", idxLabels(new int[2_500_000]));
        assertMessage(() -> IdxReader.read("t", lying, labels, 10), lying.toString(), "declares 2500000 images",
                "only 100 bytes follow");
        Path impossible = write("impossible", Arrays.copyOf(idxImages(1, 0, 0), 16));
        assertMessage(() -> IdxReader.read("t", impossible, write("one", idxLabels(0)), 10), impossible.toString(),
                "impossible");
    }

    @Test
    void idxLabelCountMismatch() throws Exception {
        Path four = write("four", idxImages(4, 2, 2));
        Path labels = write("labels", idxLabels(0, 1, 2));
        assertMessage(() -> IdxReader.read("t", four, labels, 10), four.toString(), labels.toString(),
                "holds 4 images", "3 labels");
    }

    @Test
    void idxLabelOutOfRange() throws Exception {
        Path images = write("images", idxImages(3, 2, 2));
        Path labels = write("labels11", idxLabels(0, 11, 2));
        assertMessage(() -> IdxReader.read("t", images, labels, 10), labels.toString(), "label 11 at position 1",
                "outside 0..9", "set data.classes to 12");
    }

    @Test
    void idxMissingFile() throws Exception {
        Path labels = write("labels", idxLabels(0));
        assertMessage(() -> IdxReader.read("t", dir.resolve("missing"), labels, 10), "missing", "file not found");
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertMessage(() -> DatasetLoader.load(idxConfig(empty, 0.1, 0, 0), 1), "train-labels-idx1-ubyte.gz",
                "file not found", "data.path");
    }

    @Test
    void cifarTruncatedBatch() throws Exception {
        writeCifar();
        Files.write(dir.resolve("data_batch_3.bin"), new byte[30000]);
        assertMessage(() -> Cifar10BinaryReader.read(dir), "cifar10: ", "data_batch_3.bin",
                "length 30000 is not a multiple of 3073", "truncated download?", "re-download");
        Files.write(dir.resolve("data_batch_3.bin"), new byte[0]);
        assertMessage(() -> Cifar10BinaryReader.read(dir), "data_batch_3.bin", "length 0");
    }

    @Test
    void cifarLabelOutOfRange() throws Exception {
        writeCifar();
        Files.write(dir.resolve("test_batch.bin"), cifarRecord(10, 0));
        assertMessage(() -> Cifar10BinaryReader.read(dir), "test_batch.bin", "record 0 has label 10", "0..9");
    }

    @Test
    void cifarMissingBatchOrFolder() throws Exception {
        writeCifar();
        Files.delete(dir.resolve("data_batch_5.bin"));
        assertMessage(() -> Cifar10BinaryReader.read(dir), "data_batch_5.bin", "file not found");
        assertMessage(() -> Cifar10BinaryReader.read(dir.resolve("nope")), "nope", "is not a folder");
    }

    private void writeCifar() throws Exception {
        for (int i = 1; i <= 5; i++) {
            Files.write(dir.resolve("data_batch_" + i + ".bin"), cifarRecord(i, i));
        }
        Files.write(dir.resolve("test_batch.bin"), cifarRecord(0, 0));
    }

    @Test
    void imageFolderWithANonImage() throws Exception {
        png(dir.resolve("train/cat/a.png"), 4, 4, 0xff0000);
        png(dir.resolve("train/dog/a.png"), 4, 4, 0x00ff00);
        png(dir.resolve("test/cat/a.png"), 4, 4, 0xff0000);
        png(dir.resolve("test/dog/a.png"), 4, 4, 0x00ff00);
        Path notes = Files.writeString(dir.resolve("train/cat/notes.txt"), "hello");
        assertMessage(() -> ImageFolderReader.readTrainTest(dir, 1, 8, 8), notes.toString(), "not an image");
        Files.delete(notes);
        Path broken = Files.write(dir.resolve("test/dog/broken.png"), Arrays.copyOf(
                Files.readAllBytes(dir.resolve("test/dog/a.png")), 30));
        DatasetException e = assertMessage(() -> ImageFolderReader.readTrainTest(dir, 1, 8, 8), broken.toString());
        assertTrue(e.getMessage().contains("not a readable image") || e.getMessage().contains("not an image"),
                e.getMessage());
    }

    @Test
    void imageFolderWithAWrongLayout() throws Exception {
        png(dir.resolve("train/cat/a.png"), 4, 4, 0xff0000);
        png(dir.resolve("train/dog/a.png"), 4, 4, 0x00ff00);
        assertMessage(() -> ImageFolderReader.hasTrainTestFolders(dir), "train/ but no test/");
        png(dir.resolve("test/cat/a.png"), 4, 4, 0xff0000);
        png(dir.resolve("test/dog/a.png"), 4, 4, 0x00ff00);
        png(dir.resolve("test/cow/a.png"), 4, 4, 0x00ff00);
        assertMessage(() -> ImageFolderReader.readTrainTest(dir, 1, 4, 4), "cow", "train/ does not have");
        Files.delete(dir.resolve("test/cow/a.png"));
        Files.delete(dir.resolve("test/cow"));
        Files.createDirectories(dir.resolve("train/emu"));
        assertMessage(() -> ImageFolderReader.readTrainTest(dir, 1, 4, 4), "emu", "holds no images");
        Path single = dir.resolve("single");
        png(single.resolve("only/a.png"), 4, 4, 0);
        assertMessage(() -> ImageFolderReader.readClassFolders(single, 1, 4, 4), "single", "1 class sub-folder");
        assertMessage(() -> ImageFolderReader.hasTrainTestFolders(dir.resolve("absent")), "absent", "not a folder");
    }

    @Test
    void configThatDoesNotMatchTheData() throws Exception {
        Path idx = idxFolder(dir.resolve("idx"), 20, 5);
        DataConfig tall = new DataConfig("idx", idx.toString(), 1, 28, 4, 10, 0.1, 0, 0, false);
        assertMessage(() -> DatasetLoader.load(tall, 1), "data.height", "says 28", "has 4", "set data.height to 4");
        DataConfig colour = new DataConfig("idx", idx.toString(), 3, 4, 4, 10, 0.1, 0, 0, false);
        assertMessage(() -> DatasetLoader.load(colour, 1), "data.channels", "set data.channels to 1");
        png(dir.resolve("imgs/a/x.png"), 4, 4, 0);
        png(dir.resolve("imgs/b/x.png"), 4, 4, 0xffffff);
        DataConfig tenClasses = new DataConfig("image-folder", dir.resolve("imgs").toString(), 3, 8, 8, 10, 0.0, 0,
                0, false);
        assertMessage(() -> DatasetLoader.load(tenClasses, 1), "data.classes", "has 2", "set data.classes to 2");
        // A test file whose images differ in size from the training images.
        gzip(idx.resolve("t10k-images-idx3-ubyte.gz"), idxImages(5, 5, 4));
        DataConfig ok = idxConfig(idx, 0.1, 0, 0);
        assertMessage(() -> DatasetLoader.load(ok, 1), "data.height", "idx-test", "has 5");
    }

    @Test
    void configFieldsTheLoaderCannotUse() throws Exception {
        DataConfig unknown = new DataConfig("svhn", null, 1, 28, 28, 10, 0.1, 0, 0, false);
        assertMessage(() -> DatasetLoader.load(unknown, 1), "data.dataset", "svhn", "cifar10");
        DataConfig noPath = new DataConfig("cifar10", null, 3, 32, 32, 10, 0.1, 0, 0, false);
        assertMessage(() -> DatasetLoader.load(noPath, 1), "data.path", "is not set");
        DataConfig absent = new DataConfig("idx", dir.resolve("absent").toString(), 1, 28, 28, 10, 0.1, 0, 0, false);
        assertMessage(() -> DatasetLoader.load(absent, 1), "absent", "is not a folder");
        Path idx = idxFolder(dir.resolve("idx"), 4, 2);
        assertMessage(() -> DatasetLoader.load(idxConfig(idx, 0.9, 0, 0), 1), "data.validationFraction",
                "leaves none");
        assertMessage(() -> DatasetLoader.load(idxConfig(idx, 1.0, 0, 0), 1), "data.validationFraction",
                "outside [0, 1)");
    }
}
