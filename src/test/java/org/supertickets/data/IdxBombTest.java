package org.supertickets.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.supertickets.data.Fixtures.assertMessage;
import static org.supertickets.data.Fixtures.gzip;
import static org.supertickets.data.Fixtures.idxConfig;
import static org.supertickets.data.Fixtures.idxFolder;
import static org.supertickets.data.Fixtures.idxImages;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supertickets.space.DataConfig;

/**
 * IDX files whose header declares more than memory holds (issue 28, item 2): the image size is checked against the
 * config before the body is read, the kept images against the free heap, and only the kept images are held.
 */
class IdxBombTest {

    @TempDir
    Path dir;

    @Test
    void hugeImagesAreRefusedByTheirSizeBeforeTheBodyIsRead() throws Exception {
        // 127 images of 4096x4096: 2.1 GB of zeros in a file of about 2 MB.
        Path idx = IdxBombs.folder(dir.resolve("idx"), 127, 4096, 4096);
        assertTrue(Files.size(idx.resolve("train-images-idx3-ubyte.gz")) < 5_000_000);
        DataConfig config = new DataConfig("idx", idx.toString(), 1, 28, 28, 10, 0.1, 0, 0, false);
        DatasetException e = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertMessage(
                () -> DatasetLoader.load(config, 1), "train-images-idx3-ubyte.gz", "data.height and data.width",
                "says 28x28", "4096x4096", "set data.height to 4096"));
        assertTrue(e.getMessage().startsWith(idx.toString()), e.getMessage());
    }

    @Test
    void aMillionImagesAreRefusedWithTheLimitThatFitsOrReadWithinIt() throws Exception {
        // 1,000,000 images of 28x28: 784 MB of zeros, 3.1 GB as floats, in a file of about 1 MB.
        Path idx = IdxBombs.folder(dir.resolve("idx"), 1_000_000, 28, 28);
        assertTrue(Files.size(idx.resolve("train-images-idx3-ubyte.gz")) < 2_000_000);
        DataConfig all = new DataConfig("idx", idx.toString(), 1, 28, 28, 10, 0.1, 0, 0, false);
        // The tests run with -Xmx4g (pom.xml): 1,000,000 images need about 6.3 GB with the split's copy.
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertMessage(() -> DatasetLoader.load(all, 1),
                "train-images-idx3-ubyte.gz", "declares 1000000 images of 28x28", "free",
                "set data.trainLimit to at most"));

        DataConfig limited = new DataConfig("idx", idx.toString(), 1, 28, 28, 10, 0.1, 1000, 0, false);
        PreparedData data = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> DatasetLoader.load(limited, 1));
        assertEquals(900, data.train().size());
        assertEquals(100, data.validation().size());
    }

    @Test
    void limitsAppliedWhileReadingKeepTheImagesASeededRunUsed() throws Exception {
        Path idx = idxFolder(dir.resolve("idx"), 300, 40);
        DataConfig all = idxConfig(idx, 0.1, 0, 0);
        for (long seed : new long[] {1, 7, 42}) {
            PreparedData limited = DatasetLoader.load(idxConfig(idx, 0.1, 120, 25), seed);
            // What the loader did before it streamed: read everything, then take the first N of a seeded shuffle.
            ImageDataset whole = IdxReader.read("idx-train", idx.resolve("train-images-idx3-ubyte.gz"),
                    idx.resolve("train-labels-idx1-ubyte.gz"), 10);
            ImageDataset train = whole.subset(Arrays.copyOf(Seeds.permutation(300, Seeds.mix(seed, 0x11A1, 0, 0)),
                    120));
            int held = (int) Math.round(120 * 0.1);
            int[] order = Seeds.permutation(120, Seeds.mix(seed, 0x7A11D, 0, 0));
            ImageDataset trainPart = train.subset(Arrays.copyOfRange(order, held, order.length));
            assertArrayEquals(trainPart.pixels(), limited.train().pixels());
            assertArrayEquals(trainPart.labels(), limited.train().labels());
            assertArrayEquals(train.subset(Arrays.copyOf(order, held)).pixels(), limited.validation().pixels());
            assertEquals(25, limited.test().size());
            assertArrayEquals(DatasetLoader.load(all, seed).test().first(25).pixels(), limited.test().pixels());
        }
    }

    @Test
    void theTestSplitStopsReadingAtTestLimit() throws Exception {
        Path idx = idxFolder(dir.resolve("idx"), 30, 10);
        // A test file cut after its 6th image: with testLimit 5 the missing rest is never read.
        byte[] test = idxImages(10, 4, 4);
        gzip(idx.resolve("t10k-images-idx3-ubyte.gz"), Arrays.copyOf(test, 16 + 6 * 16));
        assertEquals(5, DatasetLoader.load(idxConfig(idx, 0.1, 0, 5), 1).test().size());
        assertMessage(() -> DatasetLoader.load(idxConfig(idx, 0.1, 0, 0), 1), "t10k-images-idx3-ubyte.gz",
                "truncated");
    }
}
